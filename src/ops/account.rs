//! Account-wide ops: `passwordReset`, `seatRequest`, `audit`.

use std::borrow::Cow;
use std::collections::HashMap;

use super::fields::{check_fields, schedule_verdict, Fields, Mode, ScheduleVerdict};
use super::target;
use crate::field::{Field, Key};
use crate::outcome::{Effect, Outcome, Report, Violation};
use crate::problem::Problem;
use crate::rules::email;
use crate::state::{Key as IndexKey, View};

pub(crate) fn password_reset(view: &View<'_>, from_email: &str, target_id: &str) -> Outcome {
    let t = match target(view, target_id) {
        Ok((_, t)) => t,
        Err(v) => return Outcome::from_violations(vec![v]),
    };
    let key = email::key(from_email.trim());
    let registered = email::key(t.email.trim()) == key;
    let by_admin =
        view.first_holder(IndexKey::Email, &key, None).and_then(|s| view.at(s)).is_some_and(|u| u.is_active_admin());
    if registered || by_admin {
        let mut o = Outcome::from_violations(Vec::new());
        o.effects.push(Effect::PasswordResetSent);
        o
    } else {
        Outcome::from_violations(vec![Violation::at(Key::FromEmail, Problem::ResetUnregisteredEmail)])
    }
}

pub(crate) fn seat_request(view: &View<'_>, count: Option<u64>) -> Outcome {
    let n = count.filter(|&n| n > 0);
    match n {
        None => Outcome::from_violations(vec![Violation::at(Key::Count, Problem::CountRequired)]),
        Some(n) => Outcome::from_violations(super::limit_violations(view, n, 0)),
    }
}

/// Every rule the stored account breaks; of two users that clash, the later is flagged.
pub(crate) fn audit(view: &View<'_>) -> Outcome {
    let mut report = Report::errors_only();
    let policy = view.policy();
    let settings = view.settings();
    let max = policy.max_users(&settings.plan);
    if max.is_none() {
        report.push(Violation::at(Key::Plan, Problem::PlanUnknown { plan: settings.plan.clone() }));
    }
    let (total, pro_total) = view.totals();
    let mut counted = 0u64;
    let mut pro = 0u64;
    // Most users share a few schedules: each distinct text is parsed once.
    let mut schedules: HashMap<&str, ScheduleVerdict> = HashMap::new();
    for (slot, u) in view.state().users() {
        let mut found = Report::errors_only();
        let shared_id = !view.held_once(IndexKey::Id);
        if shared_id && view.first_holder(IndexKey::Id, &u.id, None).is_some_and(|first| first < slot) {
            found.push(Violation::at(Field::Id, Problem::IdTaken { id: u.id.clone(), retired: false }));
        }
        let verdict = schedules.entry(u.schedule.as_str()).or_insert_with(|| schedule_verdict(&u.schedule));
        check_fields(view, Cow::Borrowed(u), &Fields::of_user(u, verdict), Some(slot), Mode::Audit, &mut found);
        if view.counts(u) {
            counted += 1;
            if let Some(Some(m)) = max.filter(|m| m.is_some_and(|m| counted == u64::from(m) + 1)) {
                found.push(Violation::general(Problem::PlanUserLimit {
                    plan: settings.plan.clone(),
                    max_users: m,
                    users: total,
                    deactivated: None,
                }));
            }
            if u.pro {
                pro += 1;
                if pro == u64::from(settings.pro_seats) + 1 {
                    found.push(Violation::at(
                        Field::Pro,
                        Problem::ProSeatLimit { pro_seats: settings.pro_seats, used: pro_total, inactive: None },
                    ));
                }
            }
        }
        for mut v in found.into_outcome().violations {
            v.user_id = Some(u.id.clone());
            report.push(v);
        }
    }
    if view.active_admins() == 0 {
        report.push(Violation::general(Problem::LastAdmin));
    }
    report.into_outcome()
}
