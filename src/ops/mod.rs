//! The operations of SPEC §5, one module per family. Each evaluates to an Outcome and
//! the mutation it would make (see [`crate::Engine`]).

use serde::{Deserialize, Serialize};

use serde_json::Value;

use crate::engine::{Engine, Mutation};
use crate::model::{User, UserDraft};
use crate::outcome::{Outcome, Problem, Violation};

mod account;
mod check_field;
pub(crate) mod csv;
mod fields;
mod import;
mod lifecycle;
mod reachable;
mod replace;
mod schedule;
mod user;

pub use fields::FIELDS;
pub use schedule::schedule_outcome;

/// The actor id of the host itself: skips capability, rank and `sso_managed` checks.
pub const SYSTEM: &str = "$system";

/// An operation: the `op` of a request (SPEC §5), tagged by `type`.
///
/// Decoded by hand (see `Deserialize for Op` below) rather than as serde's internally
/// tagged enum, which buffers every op into an intermediate tree and compiles each
/// nested type's decoder again for it: one pass instead, and a third of the `.wasm`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)]
pub enum Op {
    /// Add a user; defaults: role agent, Pro off, status pending, schedule 24/7.
    AddUser { actor: String, user: UserDraft },
    /// Change the fields in `patch`.
    EditUser { actor: String, target: String, patch: UserDraft },
    /// Switch a user off.
    DeactivateUser { actor: String, target: String },
    /// Switch a user back on.
    ReactivateUser { actor: String, target: String },
    /// Remove a user.
    DeleteUser { actor: String, target: String },
    /// Plan the replacement of a user by a new one with another mobile number.
    ReplaceUser { actor: String, target: String, mobile: String },
    /// May a password reset requested from `fromEmail` go ahead?
    PasswordReset { from_email: String, target: String },
    /// A request to add `count` users.
    SeatRequest { count: Option<serde_json::Value> },
    /// Can the user take a call at the RFC 3339 instant `at`?
    Reachable { target: String, at: String },
    /// Parse a schedule text.
    ParseSchedule { text: String },
    /// Which fields of `target` may `actor` edit?
    EditableFields { actor: String, target: String },
    /// Every rule the stored account breaks.
    Audit {},
    /// Bulk add from CSV, all or nothing.
    ImportUsers { actor: String, csv: String },
}

/// The op types, in SPEC §5's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum OpType {
    AddUser,
    EditUser,
    DeactivateUser,
    ReactivateUser,
    DeleteUser,
    ReplaceUser,
    PasswordReset,
    SeatRequest,
    Reachable,
    ParseSchedule,
    EditableFields,
    Audit,
    ImportUsers,
}

/// Every key any op may have (an unknown key is refused where it is read).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(field_identifier, rename_all = "camelCase")]
enum OpKey {
    Type,
    Actor,
    Target,
    User,
    Patch,
    Mobile,
    FromEmail,
    Count,
    At,
    Text,
    Csv,
}

impl OpKey {
    fn name(self) -> &'static str {
        match self {
            OpKey::Type => "type",
            OpKey::Actor => "actor",
            OpKey::Target => "target",
            OpKey::User => "user",
            OpKey::Patch => "patch",
            OpKey::Mobile => "mobile",
            OpKey::FromEmail => "fromEmail",
            OpKey::Count => "count",
            OpKey::At => "at",
            OpKey::Text => "text",
            OpKey::Csv => "csv",
        }
    }
}

/// The keys of an op as read, before `type` says which belong.
#[derive(Default)]
struct RawOp {
    kind: Option<OpType>,
    actor: Option<String>,
    target: Option<String>,
    user: Option<UserDraft>,
    patch: Option<UserDraft>,
    mobile: Option<String>,
    from_email: Option<String>,
    count: Option<serde_json::Value>,
    at: Option<String>,
    text: Option<String>,
    csv: Option<String>,
    seen: Vec<OpKey>,
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Op, D::Error> {
        d.deserialize_map(OpVisitor)
    }
}

struct OpVisitor;

impl<'de> serde::de::Visitor<'de> for OpVisitor {
    type Value = Op;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an op object with a `type`")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Op, A::Error> {
        use serde::de::Error;
        let mut raw = RawOp::default();
        while let Some(key) = map.next_key::<OpKey>()? {
            if raw.seen.contains(&key) {
                return Err(A::Error::custom(format_args!("duplicate field {}", key.name())));
            }
            raw.seen.push(key);
            match key {
                OpKey::Type => raw.kind = Some(map.next_value()?),
                OpKey::Actor => raw.actor = Some(map.next_value()?),
                OpKey::Target => raw.target = Some(map.next_value()?),
                OpKey::User => raw.user = Some(map.next_value()?),
                OpKey::Patch => raw.patch = Some(map.next_value()?),
                OpKey::Mobile => raw.mobile = Some(map.next_value()?),
                OpKey::FromEmail => raw.from_email = Some(map.next_value()?),
                OpKey::Count => raw.count = map.next_value()?,
                OpKey::At => raw.at = Some(map.next_value()?),
                OpKey::Text => raw.text = Some(map.next_value()?),
                OpKey::Csv => raw.csv = Some(map.next_value()?),
            }
        }
        raw.into_op().map_err(A::Error::custom)
    }
}

impl RawOp {
    /// The op `type` names, with exactly its keys.
    fn into_op(self) -> Result<Op, String> {
        use OpKey as K;
        let kind = self.kind.ok_or("missing field type")?;
        let keys: &[OpKey] = match kind {
            OpType::AddUser => &[K::Actor, K::User],
            OpType::EditUser => &[K::Actor, K::Target, K::Patch],
            OpType::DeactivateUser | OpType::ReactivateUser | OpType::DeleteUser | OpType::EditableFields => {
                &[K::Actor, K::Target]
            }
            OpType::ReplaceUser => &[K::Actor, K::Target, K::Mobile],
            OpType::PasswordReset => &[K::FromEmail, K::Target],
            OpType::SeatRequest => &[K::Count],
            OpType::Reachable => &[K::Target, K::At],
            OpType::ParseSchedule => &[K::Text],
            OpType::Audit => &[],
            OpType::ImportUsers => &[K::Actor, K::Csv],
        };
        if let Some(extra) = self.seen.iter().find(|k| **k != K::Type && !keys.contains(k)) {
            return Err(format!("{} is not a field of this op type", extra.name()));
        }
        if let Some(missing) = keys.iter().find(|k| !self.seen.contains(k) && **k != K::Count) {
            return Err(format!("missing field {}", missing.name()));
        }
        let s = |v: Option<String>| v.unwrap_or_default();
        let d = |v: Option<UserDraft>| v.unwrap_or_default();
        let (actor, target) = (s(self.actor), s(self.target));
        Ok(match kind {
            OpType::AddUser => Op::AddUser { actor, user: d(self.user) },
            OpType::EditUser => Op::EditUser { actor, target, patch: d(self.patch) },
            OpType::DeactivateUser => Op::DeactivateUser { actor, target },
            OpType::ReactivateUser => Op::ReactivateUser { actor, target },
            OpType::DeleteUser => Op::DeleteUser { actor, target },
            OpType::EditableFields => Op::EditableFields { actor, target },
            OpType::ReplaceUser => Op::ReplaceUser { actor, target, mobile: s(self.mobile) },
            OpType::PasswordReset => Op::PasswordReset { from_email: s(self.from_email), target },
            OpType::SeatRequest => Op::SeatRequest { count: self.count },
            OpType::Reachable => Op::Reachable { target, at: s(self.at) },
            OpType::ParseSchedule => Op::ParseSchedule { text: s(self.text) },
            OpType::Audit => Op::Audit {},
            OpType::ImportUsers => Op::ImportUsers { actor, csv: s(self.csv) },
        })
    }
}

/// Who acts: the host, or a user of the account (by position).
#[derive(Clone, Copy)]
pub(crate) enum Actor<'a> {
    System,
    User(&'a User),
}

impl Engine {
    /// Evaluates `op`. A rejected op has no effects and no changes: nothing happens.
    pub(crate) fn evaluate(&self, op: &Op) -> (Outcome, Option<Mutation>) {
        let (mut outcome, mutation) = self.evaluate_op(op);
        if !outcome.ok {
            outcome.effects.clear();
        } else {
            // The audit trail is derived from the change itself, in one place.
            outcome.changes = match &mutation {
                Some(Mutation::Add(u)) => diff(None, Some(u)),
                Some(Mutation::Replace(pos, u)) => diff(self.at(*pos), Some(u)),
                Some(Mutation::Remove(pos)) => diff(self.at(*pos), None),
                Some(Mutation::Swap(_) | Mutation::Extend(_)) | None => Vec::new(),
            };
        }
        (outcome, mutation)
    }

    fn evaluate_op(&self, op: &Op) -> (Outcome, Option<Mutation>) {
        match op {
            Op::AddUser { actor, user } => self.add_user(actor, user),
            Op::EditUser { actor, target, patch } => self.edit_user(actor, target, patch),
            Op::DeactivateUser { actor, target } => self.set_active(actor, target, false),
            Op::ReactivateUser { actor, target } => self.set_active(actor, target, true),
            Op::DeleteUser { actor, target } => self.delete_user(actor, target),
            Op::ReplaceUser { actor, target, mobile } => self.replace_user(actor, target, mobile),
            Op::PasswordReset { from_email, target } => (self.password_reset(from_email, target), None),
            Op::SeatRequest { count } => (self.seat_request(count.as_ref()), None),
            Op::Reachable { target, at } => (self.reachable(target, at), None),
            Op::ParseSchedule { text } => (schedule::schedule_outcome(text), None),
            Op::EditableFields { actor, target } => (self.editable_fields(actor, target), None),
            Op::Audit {} => (self.audit(), None),
            Op::ImportUsers { actor, csv } => self.import_users(actor, csv),
        }
    }

    /// Resolves the actor id (`user_unknown` at `actor` when missing).
    pub(crate) fn actor(&self, id: &str) -> Result<Actor<'_>, Violation> {
        if id == SYSTEM {
            return Ok(Actor::System);
        }
        self.user(id).map(Actor::User).ok_or_else(|| Violation::at("actor", Problem::UserUnknown { id: id.to_owned() }))
    }

    /// Resolves a target id to its position (`user_unknown` at `target` when missing).
    pub(crate) fn target(&self, id: &str) -> Result<usize, Violation> {
        self.pos(id).ok_or_else(|| Violation::at("target", Problem::UserUnknown { id: id.to_owned() }))
    }
}

/// An Outcome that is only a permission violation (nothing else is reported).
pub(crate) fn denied(v: Violation) -> (Outcome, Option<Mutation>) {
    (Outcome::from_violations(vec![v]), None)
}

/// Field-by-field changes between two users, for the audit trail (`from`/`to` JSON values).
/// Fields are compared as they are; only a changed field is turned into JSON.
pub(crate) fn diff(before: Option<&User>, after: Option<&User>) -> Vec<crate::outcome::Change> {
    let mut out = Vec::new();
    for (i, &f) in FIELDS.iter().enumerate() {
        let (from, to) = (before.map(|u| field(u, i)), after.map(|u| field(u, i)));
        if from != to {
            let (from, to) = (from.map_or(Value::Null, Field::json), to.map_or(Value::Null, Field::json));
            if from != to {
                out.push(crate::outcome::Change { field: f.to_owned(), from, to });
            }
        }
    }
    out
}

/// One field of a user, borrowed.
#[derive(PartialEq)]
enum Field<'a> {
    Text(Option<&'a str>),
    Flag(bool),
    List(Option<&'a [String]>),
    Login(Option<&'a crate::model::WebLogin>),
}

/// Field `i` of [`FIELDS`].
fn field(u: &User, i: usize) -> Field<'_> {
    match i {
        0 => Field::Text(Some(&u.id)),
        1 => Field::Text(Some(&u.name)),
        2 => Field::Text(Some(&u.email)),
        3 => Field::Text(Some(&u.mobile)),
        4 => Field::Text(u.alt_mobile.as_deref()),
        5 => Field::Text(Some(&u.extension)),
        6 => Field::Text(Some(u.role.as_str())),
        7 => Field::Flag(u.pro),
        8 => Field::Text(Some(u.status.as_str())),
        9 => Field::Text(Some(&u.schedule)),
        10 => Field::Text(u.time_zone.as_deref()),
        11 => Field::List(Some(&u.departments)),
        12 => Field::Login(u.web_login.as_ref()),
        13 => Field::List(u.allowed_caller_ids.as_deref()),
        14 => Field::List(u.report_users.as_deref()),
        _ => Field::Text(None),
    }
}

impl Field<'_> {
    /// The field as the account JSON has it (`null` when absent).
    fn json(self) -> Value {
        let text = |s: &str| Value::String(s.to_owned());
        match self {
            Field::Text(t) => t.map_or(Value::Null, text),
            Field::Flag(b) => Value::Bool(b),
            Field::List(l) => l.map_or(Value::Null, |l| Value::Array(l.iter().map(|s| text(s)).collect())),
            // Through JSON text, as the account prints it (a `to_value` serializer would
            // be one more serializer in the `.wasm`).
            Field::Login(w) => w
                .and_then(|w| serde_json::to_string(w).ok())
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null),
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
            "status": "active", "schedule": "Mo-Fr 09:00-18:00", "timeZone": "Asia/Kolkata",
            "departments": ["sales"], "webLogin": {"loginId": "asha.rao", "allowedIps": ["203.0.113.7"]},
            "allowedCallerIds": ["+911140001234"], "reportUsers": ["u1"]}))
        .unwrap()
    }

    /// The typed diff says what the account JSON says: every key of the serialized user,
    /// with the same value, and nothing else.
    #[test]
    fn diff_of_a_new_user_is_its_json() {
        let u = full_user();
        let json = serde_json::to_value(&u).unwrap();
        let changes = diff(None, Some(&u));
        let keys: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        let mut expected: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        expected.sort_by_key(|k| FIELDS.iter().position(|f| f == k));
        assert_eq!(keys, expected);
        for c in &changes {
            assert_eq!((&c.from, &c.to), (&serde_json::Value::Null, &json[&c.field]), "{}", c.field);
        }
        assert_eq!(diff(Some(&u), None).len(), changes.len());
    }

    #[test]
    fn diff_lists_only_changed_fields() {
        let a = full_user();
        let mut b = a.clone();
        assert!(diff(Some(&a), Some(&b)).is_empty());
        b.web_login = None;
        b.alt_mobile = None;
        b.pro = false;
        let changes = diff(Some(&a), Some(&b));
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["altMobile", "pro", "webLogin"]);
        assert_eq!(
            changes[2].from,
            serde_json::json!({"loginId": "asha.rao", "allowedIps": ["203.0.113.7"], "blocked": false})
        );
        assert_eq!(changes[2].to, serde_json::Value::Null);
    }
}
