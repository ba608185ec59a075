//! Account-wide ops: `passwordReset`, `seatRequest`, `audit`.

use std::borrow::Cow;

use super::fields::{schedule_verdict, Fields, Mode};
use crate::engine::{Engine, Key};
use crate::outcome::{Effect, Outcome, Problem, Violation};
use crate::rules::email;

impl Engine {
    pub(crate) fn password_reset(&self, from_email: &str, target: &str) -> Outcome {
        let Some(t) = self.user(target) else {
            return Outcome::from_violations(vec![Violation::at(
                "target",
                Problem::UserUnknown { id: target.to_owned() },
            )]);
        };
        let key = email::key(from_email.trim());
        let registered = email::key(t.email.trim()) == key;
        let by_admin = self.idx.email.get(&key).and_then(|&p| self.at(p)).is_some_and(|u| u.is_active_admin());
        if registered || by_admin {
            let mut o = Outcome::from_violations(Vec::new());
            o.effects.push(Effect::PasswordResetSent);
            o
        } else {
            Outcome::from_violations(vec![Violation::at("fromEmail", Problem::ResetUnregisteredEmail)])
        }
    }

    pub(crate) fn seat_request(&self, count: Option<&serde_json::Value>) -> Outcome {
        let n = count.and_then(serde_json::Value::as_u64).filter(|&n| n > 0);
        match n {
            None => Outcome::from_violations(vec![Violation::at("count", Problem::CountRequired)]),
            Some(n) => Outcome::from_violations(self.view().limit_violations(n, 0)),
        }
    }

    /// Every rule the stored account breaks; of two users that clash, the later is flagged.
    pub(crate) fn audit(&self) -> Outcome {
        let mut out = Vec::new();
        let mut counted = 0u64;
        let mut pro = 0u64;
        let max = self.policy.max_users(&self.account.plan);
        if max.is_none() {
            out.push(Violation::at("plan", Problem::PlanUnknown { plan: self.account.plan.clone() }));
        }
        // Most users share a few schedules: each distinct text is parsed once.
        let mut schedules: std::collections::HashMap<&str, Option<Violation>> = std::collections::HashMap::new();
        for (pos, u) in self.account.users.iter().enumerate() {
            let mut found = Vec::new();
            if self.idx.clash(pos, Key::Id).is_some() {
                found.push(Violation::at("id", Problem::IdTaken { id: u.id.clone() }));
            }
            found.extend(
                self.view().check_fields(Cow::Borrowed(u), &Fields::of_user(u), Some(pos), Mode::Audit).violations,
            );
            let schedule = schedules.entry(u.schedule.as_str()).or_insert_with(|| schedule_verdict(&u.schedule).err());
            found.extend(schedule.clone());
            if self.counts(u) {
                counted += 1;
                if let Some(Some(m)) = max.filter(|m| m.is_some_and(|m| counted == u64::from(m) + 1)) {
                    found.push(Violation::general(Problem::PlanUserLimit {
                        plan: self.account.plan.clone(),
                        max_users: m,
                        users: self.idx.counted,
                    }));
                }
                if u.pro {
                    pro += 1;
                    if pro == u64::from(self.account.pro_seats) + 1 {
                        found.push(Violation::at(
                            "pro",
                            Problem::ProSeatLimit { pro_seats: self.account.pro_seats, used: self.idx.pro_used },
                        ));
                    }
                }
            }
            for mut v in found {
                v.user_id = Some(u.id.clone());
                out.push(v);
            }
        }
        if self.idx.active_admins == 0 {
            out.push(Violation::general(Problem::LastAdmin));
        }
        Outcome::from_violations(out)
    }
}
