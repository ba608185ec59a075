//! `deactivateUser`, `reactivateUser`, `deleteUser`.

use super::{actor, denied, last_admin, limit_violations, target, Evaluated};
use crate::field::Field;
use crate::model::Status;
use crate::outcome::{Report, Violation};
use crate::permission::{authorize, Action};
use crate::problem::{Act, Problem};
use crate::state::{Put, View};

/// Deactivates (or reactivates) a user. Deactivating keeps the status it had, so that
/// reactivating returns to it: an invitation stays an invitation (`pending`).
pub(crate) fn set_active(view: &View<'_>, actor_id: &str, target_id: &str, active: bool) -> Evaluated {
    let act = if active { Act::ReactivateUsers } else { Act::DeactivateUsers };
    let (slot, before) = match actor(view, actor_id).and_then(|a| {
        let (slot, t) = target(view, target_id)?;
        authorize(view, a, Action::Manage { target: t, act })?;
        Ok((slot, t))
    }) {
        Ok(x) => x,
        Err(v) => return denied(v),
    };
    let mut after = before.clone();
    let mut report = Report::new();
    if active && before.is_deactivated() {
        after.status = match before.previous_status {
            Some(Status::Active) => Status::Active,
            _ => Status::Pending,
        };
        after.previous_status = None;
        if !view.policy().count_deactivated {
            report.extend(limit_violations(view, 1, u64::from(after.pro)));
        }
    } else if !active && !before.is_deactivated() {
        after.previous_status = Some(before.status);
        after.status = Status::Deactivated;
        report.extend(last_admin(view, before, Some(&after), None));
    }
    let mut outcome = report.into_outcome();
    outcome.user = Some(after.clone());
    let changed = after != *before;
    (outcome, changed.then(|| vec![Put::Replace(slot, after)]))
}

/// Deletes a user, and takes its id out of every other user's `reportUsers` (those
/// edits are part of the op, so no reference is left to an id that is gone).
pub(crate) fn delete_user(view: &View<'_>, actor_id: &str, target_id: &str) -> Evaluated {
    let (slot, before) = match actor(view, actor_id).and_then(|a| {
        let (slot, t) = target(view, target_id)?;
        authorize(view, a, Action::Manage { target: t, act: Act::DeleteUsers })?;
        Ok((slot, t))
    }) {
        Ok(x) => x,
        Err(v) => return denied(v),
    };
    let mut report = Report::new();
    if !before.departments.is_empty() {
        let rules = view.rules();
        let departments = before.departments.iter().map(|d| rules.department_name(d).to_owned()).collect();
        report
            .push(Violation::at(Field::Departments, Problem::UserInRouting { name: before.name.clone(), departments }));
    }
    if view.policy().delete_requires_deactivation && !before.is_deactivated() {
        report.push(Violation::at(Field::Status, Problem::NotDeactivated));
    }
    report.extend(last_admin(view, before, None, None));
    let mut mutation = vec![Put::Remove(slot)];
    for (other, user) in view.reported_by(&before.id) {
        if other != slot {
            let mut after = user.clone();
            if let Some(list) = after.report_users.as_mut() {
                list.retain(|id| *id != before.id);
            }
            mutation.push(Put::Replace(other, after));
        }
    }
    (report.into_outcome(), Some(mutation))
}
