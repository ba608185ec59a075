//! `addUser`: a new user with the defaults of RULES §5, checked like every other.

use std::borrow::Cow;

use super::fields::{check_fields, Fields, Mode};
use super::{actor, blank_user, denied, limit_violations, Evaluated};
use crate::field::Field;
use crate::model::{Role, User, UserDraft};
use crate::outcome::{Effect, Report, Violation};
use crate::permission::{authorize, Action, Actor, SYSTEM};
use crate::problem::Problem;
use crate::state::{Put, View};

pub(crate) fn add_user(view: &View<'_>, actor_id: &str, draft: &UserDraft) -> Evaluated {
    let fields = Fields::from(draft);
    let actor = match actor(view, actor_id) {
        Ok(a) => a,
        Err(v) => return denied(v),
    };
    if let Err(v) = may_add(view, actor, &fields) {
        return denied(v);
    }
    let mut report = Report::new();
    let NewUser { user, password_set } = new_user(view, &fields, &mut report);
    let mut outcome = report.into_outcome();
    outcome.effects.push(Effect::InviteSent);
    if password_set {
        outcome.effects.push(Effect::PasswordChanged);
    }
    outcome.user = Some(user.clone());
    (outcome, Some(vec![Put::Append(user)]))
}

/// Whether `actor` may add the user `draft` describes: its role into its departments,
/// and each user its `reportUsers` names (one [`authorize`] question each).
pub(crate) fn may_add(view: &View<'_>, actor: Actor<'_>, draft: &Fields<'_>) -> Result<(), Violation> {
    let role = draft.role.and_then(|r| Role::parse(r.trim())).unwrap_or(Role::Agent);
    let departments = draft.departments.unwrap_or(&[]);
    // The id the engine would give anyway is no choice (a replace plan's addUser step
    // names it, so that the later steps can).
    let chooses_id = draft.id.map(str::trim).is_some_and(|id| !id.is_empty() && id != view.next_id());
    authorize(view, actor, Action::Add { role, departments, chooses_id })?;
    for id in draft.report_users.flatten().unwrap_or(&[]) {
        if let Some((_, named)) = view.find(id) {
            authorize(view, actor, Action::ViewReports(named))?;
        }
    }
    Ok(())
}

/// What [`new_user`] builds.
pub(crate) struct NewUser {
    pub user: User,
    pub password_set: bool,
}

/// Whether a typed id can be an id: not the host's actor, at most 100 bytes, no
/// control, bidi or zero-width characters.
fn usable_id(id: &str) -> bool {
    id != SYSTEM && id.len() <= 100 && !id.chars().any(|c| c.is_control() || crate::rules::name::is_invisible(c))
}

/// The user `addUser` would add, its violations reported (import adds its rows through
/// this). Permission is the caller's question ([`may_add`]).
pub(crate) fn new_user(view: &View<'_>, draft: &Fields<'_>, report: &mut Report) -> NewUser {
    let typed = draft.id.map(str::trim).filter(|s| !s.is_empty());
    let id = match typed {
        // Text that is no id is refused and not echoed: the user gets a fresh id.
        Some(bad) if !usable_id(bad) => {
            report.push(Violation::at(Field::Id, Problem::ValueInvalid { value: bad.to_owned() }));
            view.next_id()
        }
        Some(id) => {
            // Ids are never reused: an engine id below the counter was given before,
            // even if its user has since been deleted.
            let retired =
                view.find(id).is_none() && crate::state::id_number(id).is_some_and(|n| n < view.next_number());
            if retired || view.find(id).is_some() {
                report.push(Violation::at(Field::Id, Problem::IdTaken { id: id.to_owned(), retired }));
            }
            id.to_owned()
        }
        None => {
            let fresh = view.next_id();
            // Only when the counter is spent (a host's id of u18446744073709551615).
            if view.find(&fresh).is_some() {
                report.push(Violation::at(Field::Id, Problem::IdTaken { id: fresh.clone(), retired: false }));
            }
            fresh
        }
    };
    let checked = check_fields(view, Cow::Owned(blank_user(id)), draft, None, Mode::Add, report);
    report.extend(limit_violations(view, 1, u64::from(checked.user.pro)));
    NewUser { user: checked.user, password_set: checked.password_set }
}
