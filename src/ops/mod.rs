//! The operations of RULES §5, as functions over a read-only [`View`] of the account: each
//! evaluates to an Outcome and the [`Mutation`] it would make. [`evaluate`] is the one
//! entry; `Engine::check` drops the mutation, `Engine::apply` carries it out when ok.
//!
//! Every op asks [`authorize`](crate::permission::authorize) first, for every step and
//! row it has: a refusal ends the check and is reported alone (a user who may not act
//! learns nothing about the data). Then every rule is checked and every violation
//! reported, bounded by the [`Report`](crate::outcome::Report).

use crate::field::{Field, Key};
use crate::model::{default_schedule, Role, Status, User};
use crate::op::Op;
use crate::outcome::{Change, FieldValue, Outcome, Violation};
use crate::permission::{Actor, SYSTEM};
use crate::problem::Problem;
use crate::state::{Mutation, Put, Slot, State, View};

mod account;
mod add;
pub(crate) mod check_field;
pub(crate) mod csv;
mod edit;
mod editable;
pub(crate) mod fields;
mod import;
mod lifecycle;
mod reachable;
mod replace;
mod schedule;

pub(crate) use editable::why_not;
pub use schedule::schedule_outcome;

/// What an op comes to: its Outcome and the change it would make.
pub(crate) type Evaluated = (Outcome, Option<Mutation>);

/// Evaluates `op` against `state`. A rejected op has no effects and no changes.
pub(crate) fn evaluate(state: &State, op: &Op) -> Evaluated {
    let (mut outcome, mutation) = evaluate_on(&state.view(), op);
    // The audit trail is derived from the change itself, in one place.
    outcome.changes = mutation.as_ref().map_or_else(Vec::new, |m| changes(state, m));
    (outcome, mutation)
}

/// Evaluates `op` against `view` (the account, or the account as a plan's earlier steps
/// left it). A rejected op has no effects and no mutation.
pub(crate) fn evaluate_on(view: &View<'_>, op: &Op) -> Evaluated {
    let (mut outcome, mutation) = match op {
        Op::AddUser { actor, user } => add::add_user(view, actor, user),
        Op::EditUser { actor, target, patch } => edit::edit_user(view, actor, target, patch),
        Op::DeactivateUser { actor, target } => lifecycle::set_active(view, actor, target, false),
        Op::ReactivateUser { actor, target } => lifecycle::set_active(view, actor, target, true),
        Op::DeleteUser { actor, target } => lifecycle::delete_user(view, actor, target),
        Op::ReplaceUser { actor, target, mobile } => replace::replace_user(view, actor, target, mobile),
        Op::PasswordReset { from_email, target } => (account::password_reset(view, from_email, target), None),
        Op::SeatRequest { count } => (account::seat_request(view, *count), None),
        Op::Reachable { target, at } => (reachable::reachable(view, target, at), None),
        Op::ParseSchedule { text } => (schedule::schedule_outcome(text), None),
        Op::EditableFields { actor, target } => (editable::editable_fields(view, actor, target), None),
        Op::Audit {} => (account::audit(view), None),
        Op::ImportUsers { actor, csv } => import::import_users(view, actor, csv),
    };
    if outcome.ok {
        (outcome, mutation)
    } else {
        outcome.effects.clear();
        (outcome, None)
    }
}

/// Resolves the actor id (`user_unknown` at `actor` when there is no such user).
pub(crate) fn actor<'a>(view: &View<'a>, id: &str) -> Result<Actor<'a>, Violation> {
    if id == SYSTEM {
        return Ok(Actor::System);
    }
    view.find(id)
        .map(|(slot, u)| Actor::User(slot, u))
        .ok_or_else(|| Violation::at(Key::Actor, Problem::UserUnknown { id: id.to_owned() }))
}

/// Resolves a target id (`user_unknown` at `target` when there is no such user).
pub(crate) fn target<'a>(view: &View<'a>, id: &str) -> Result<(Slot, &'a User), Violation> {
    view.find(id).ok_or_else(|| Violation::at(Key::Target, Problem::UserUnknown { id: id.to_owned() }))
}

/// An Outcome that is only a permission violation (nothing else is reported).
pub(crate) fn denied(v: Violation) -> Evaluated {
    (Outcome::from_violations(vec![v]), None)
}

/// A new user with the defaults of RULES §5 (agent, Pro off, pending, 24/7) and blank
/// required fields.
pub(crate) fn blank_user(id: String) -> User {
    User {
        id,
        name: String::new(),
        email: String::new(),
        mobile: String::new(),
        alt_mobile: None,
        extension: String::new(),
        role: Role::Agent,
        pro: false,
        status: Status::Pending,
        schedule: default_schedule(),
        time_zone: None,
        departments: Vec::new(),
        previous_status: None,
        web_login: None,
        allowed_caller_ids: None,
        report_users: None,
    }
}

/// `plan_user_limit` / `pro_seat_limit` / `plan_unknown` when `users` more users and
/// `pro` more Pro seats would be counted. The hints name a step the account allows now:
/// a deactivated user to delete, an idle Pro seat to free.
pub(crate) fn limit_violations(view: &View<'_>, users: u64, pro: u64) -> Vec<Violation> {
    let mut out = Vec::new();
    let (counted, pro_used) = view.totals();
    let settings = view.settings();
    if users > 0 {
        match view.policy().max_users(&settings.plan) {
            None => out.push(Violation::at(Key::Plan, Problem::PlanUnknown { plan: settings.plan.clone() })),
            Some(Some(max)) if counted.saturating_add(users) > u64::from(max) => {
                let deactivated = if view.policy().count_deactivated { view.deactivated_user() } else { None };
                out.push(Violation::general(Problem::PlanUserLimit {
                    plan: settings.plan.clone(),
                    max_users: max,
                    users: counted.saturating_add(users),
                    deactivated,
                }))
            }
            Some(_) => {}
        }
    }
    if pro > 0 && pro_used.saturating_add(pro) > u64::from(settings.pro_seats) {
        out.push(Violation::at(
            Field::Pro,
            Problem::ProSeatLimit { pro_seats: settings.pro_seats, used: pro_used, inactive: view.idle_pro() },
        ));
    }
    out
}

/// `pro_seat_limit` when `after` takes a Pro seat that `before` (`None`: a new user) did
/// not hold: what `addUser`, `editUser` and the forms' `checkField` report.
pub(crate) fn seat_for(view: &View<'_>, before: Option<&User>, after: &User) -> Vec<Violation> {
    let newly = after.pro && view.counts(after) && !before.is_some_and(|b| b.pro && view.counts(b));
    if newly {
        limit_violations(view, 0, 1)
    } else {
        Vec::new()
    }
}

/// `last_admin` when `before` is an active owner/admin, `after` is not, and no other
/// remains (in `view`, which may hold the op's earlier steps).
pub(crate) fn last_admin(
    view: &View<'_>,
    before: &User,
    after: Option<&User>,
    field: Option<Field>,
) -> Option<Violation> {
    let lost = before.is_active_admin() && !after.is_some_and(User::is_active_admin);
    (lost && view.active_admins() <= 1).then(|| match field {
        Some(f) => Violation::at(f, Problem::LastAdmin),
        None => Violation::general(Problem::LastAdmin),
    })
}

/// The changes of a mutation, user by user, for the audit trail.
fn changes(state: &State, m: &Mutation) -> Vec<Change> {
    let mut out = Vec::new();
    for put in m {
        match put {
            Put::Append(u) => diff(&mut out, None, Some(u)),
            Put::Replace(slot, u) => diff(&mut out, state.at(*slot), Some(u)),
            Put::Remove(slot) => diff(&mut out, state.at(*slot), None),
        }
    }
    out
}

/// The fields an audit trail compares, in form order: each stored leaf, so each part of
/// `webLogin` on its own (never the password, which is not stored).
fn diffed() -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(|f| !matches!(f, Field::WebLogin | Field::Password))
}

/// Field-by-field changes between two users (`from`/`to` as the account JSON has them).
/// Fields are compared as they are; only a changed field is turned into JSON.
pub(crate) fn diff(out: &mut Vec<Change>, before: Option<&User>, after: Option<&User>) {
    let Some(id) = after.or(before).map(|u| u.id.clone()) else { return };
    for f in diffed() {
        let (from, to) = (before.map(|u| value_of(u, f)), after.map(|u| value_of(u, f)));
        if from != to {
            let (from, to) =
                (from.map_or(FieldValue::Absent, Borrowed::value), to.map_or(FieldValue::Absent, Borrowed::value));
            if from != to {
                out.push(Change { user_id: id.clone(), field: f, from, to });
            }
        }
    }
}

/// One field of a user, borrowed (`None`: absent, `null` in the trail).
#[derive(PartialEq)]
enum Borrowed<'a> {
    Text(Option<&'a str>),
    Flag(Option<bool>),
    List(Option<&'a [String]>),
}

fn value_of(u: &User, f: Field) -> Borrowed<'_> {
    match f {
        Field::Id => Borrowed::Text(Some(&u.id)),
        Field::Name => Borrowed::Text(Some(&u.name)),
        Field::Email => Borrowed::Text(Some(&u.email)),
        Field::Mobile => Borrowed::Text(Some(&u.mobile)),
        Field::AltMobile => Borrowed::Text(u.alt_mobile.as_deref()),
        Field::Extension => Borrowed::Text(Some(&u.extension)),
        Field::Role => Borrowed::Text(Some(u.role.as_str())),
        Field::Pro => Borrowed::Flag(Some(u.pro)),
        Field::Status => Borrowed::Text(Some(u.status.as_str())),
        Field::PreviousStatus => Borrowed::Text(u.previous_status.map(Status::as_str)),
        Field::Schedule => Borrowed::Text(Some(&u.schedule)),
        Field::TimeZone => Borrowed::Text(u.time_zone.as_deref()),
        Field::Departments => Borrowed::List(Some(&u.departments)),
        Field::AllowedCallerIds => Borrowed::List(u.allowed_caller_ids.as_deref()),
        Field::ReportUsers => Borrowed::List(u.report_users.as_deref()),
        Field::LoginId => Borrowed::Text(u.web_login.as_ref().map(|w| w.login_id.as_str())),
        // An empty list is no list, as the account JSON writes it.
        Field::AllowedIps => Borrowed::List(u.web_login.as_ref().map(|w| &w.allowed_ips[..]).filter(|l| !l.is_empty())),
        Field::Blocked => Borrowed::Flag(u.web_login.as_ref().map(|w| w.blocked)),
        // Never stored.
        Field::WebLogin | Field::Password => Borrowed::Text(None),
    }
}

impl Borrowed<'_> {
    /// The field as the account JSON has it.
    fn value(self) -> FieldValue {
        match self {
            Borrowed::Text(t) => t.map_or(FieldValue::Absent, |t| FieldValue::Text(t.to_owned())),
            Borrowed::Flag(b) => b.map_or(FieldValue::Absent, FieldValue::Flag),
            Borrowed::List(l) => l.map_or(FieldValue::Absent, |l| FieldValue::List(l.to_vec())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_user() -> User {
        serde_json::from_value(serde_json::json!({
            "id": "u9", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
            "altMobile": "+919800000002", "extension": "10", "role": "manager", "pro": true,
            "status": "deactivated", "previousStatus": "active", "schedule": "Mo-Fr 09:00-18:00",
            "timeZone": "Asia/Kolkata", "departments": ["sales"],
            "webLogin": {"loginId": "asha.rao", "allowedIps": ["203.0.113.7"]},
            "allowedCallerIds": ["+911140001234"], "reportUsers": ["u1"]}))
        .unwrap()
    }

    /// The typed diff says what the account JSON says: every key of the serialized user
    /// (each of `webLogin`'s as its own path), with the same value, and nothing else.
    #[test]
    fn diff_of_a_new_user_is_its_json() {
        let u = full_user();
        let json = serde_json::to_value(&u).unwrap();
        let mut flat = json.as_object().unwrap().clone();
        if let Some(serde_json::Value::Object(login)) = flat.remove("webLogin") {
            for (k, v) in login {
                flat.insert(format!("webLogin.{k}"), v);
            }
        }
        let mut changes = Vec::new();
        diff(&mut changes, None, Some(&u));
        let keys: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        let mut expected: Vec<&str> = flat.keys().map(String::as_str).collect();
        expected.sort_by_key(|k| diffed().position(|f| f.as_str() == *k));
        assert_eq!(keys, expected);
        for c in &changes {
            assert_eq!(c.user_id, "u9");
            let to = serde_json::to_value(&c.to).unwrap();
            assert_eq!((&c.from, &to), (&FieldValue::Absent, &flat[c.field.as_str()]), "{}", c.field);
        }
    }
}
