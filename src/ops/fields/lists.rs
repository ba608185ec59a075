//! Who the user calls as and whose calls it sees: `allowedCallerIds`, `reportUsers`.

use std::collections::HashSet;

use super::{as_typed, at_most_max_items, Check, Mode, MAX_ITEMS};
use crate::field::{Field, Path};
use crate::problem::Problem;
use crate::state::caller_key;

/// `allowedCallerIds`: each one of the account's caller ids (compared as numbers).
pub(super) fn allowed_caller_ids(c: &mut Check<'_, '_>, typed: Option<Option<&[String]>>) {
    let Some(ids) = typed else { return };
    let Some(ids) = ids else {
        c.user.allowed_caller_ids = None;
        return;
    };
    let country = &c.view.policy().default_country;
    let own = &c.view.rules().caller_ids;
    let mut kept = Vec::with_capacity(ids.len().min(64));
    // Kept once each, compared as numbers (as `departments` and `reportUsers` are kept).
    let mut seen: HashSet<String> = HashSet::new();
    for (i, id) in ids.iter().enumerate() {
        let key = caller_key(id, country);
        if !own.contains(&key) {
            c.report.add(Path::item(Field::AllowedCallerIds, i), || Problem::CallerIdUnknown { caller_id: id.clone() });
        }
        if !seen.contains(&key) {
            if kept.len() < MAX_ITEMS {
                kept.push(as_typed(&key));
            }
            seen.insert(key);
        }
    }
    at_most_max_items(c, Field::AllowedCallerIds, seen.len());
    c.user.allowed_caller_ids = Some(kept);
}

/// `reportUsers`: each an existing user (kept once each). Whom the actor may name here
/// is a permission question, asked by the op.
pub(super) fn report_users(c: &mut Check<'_, '_>, typed: Option<Option<&[String]>>, new_id: Option<&str>) {
    let Some(ids) = typed else { return };
    let Some(ids) = ids else {
        c.user.report_users = None;
        return;
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut kept = Vec::with_capacity(ids.len().min(64));
    let mut distinct = 0;
    for (i, id) in ids.iter().enumerate() {
        let own_new_id = c.mode == Mode::Add && new_id == Some(id.as_str());
        if c.view.find(id).is_none() && !own_new_id {
            c.report.add(Path::item(Field::ReportUsers, i), || Problem::UserUnknown { id: id.clone() });
        }
        if seen.insert(id) {
            distinct += 1;
            if kept.len() < MAX_ITEMS {
                kept.push(as_typed(id));
            }
        }
    }
    at_most_max_items(c, Field::ReportUsers, distinct);
    if c.keeps() {
        c.user.report_users = Some(kept);
    }
}
