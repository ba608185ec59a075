//! An operation: the `op` of a request (RULES §5), and its decoder.

use serde::{Deserialize, Serialize};

use crate::model::UserDraft;

/// An operation: the `op` of a request (RULES §5), tagged by `type`.
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
    /// `count` is a whole number; anything else given as the count is `None`.
    SeatRequest { count: Option<u64> },
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

impl Op {
    /// The actor the op names, if it has one.
    pub fn actor(&self) -> Option<&str> {
        match self {
            Op::AddUser { actor, .. }
            | Op::EditUser { actor, .. }
            | Op::DeactivateUser { actor, .. }
            | Op::ReactivateUser { actor, .. }
            | Op::DeleteUser { actor, .. }
            | Op::ReplaceUser { actor, .. }
            | Op::EditableFields { actor, .. }
            | Op::ImportUsers { actor, .. } => Some(actor),
            Op::PasswordReset { .. }
            | Op::SeatRequest { .. }
            | Op::Reachable { .. }
            | Op::ParseSchedule { .. }
            | Op::Audit {} => None,
        }
    }

    /// What the op does, as a refusal names it.
    pub(crate) fn act(&self) -> crate::problem::Act {
        use crate::problem::Act;
        match self {
            Op::AddUser { .. } | Op::ImportUsers { .. } => Act::AddUsers,
            Op::DeactivateUser { .. } => Act::DeactivateUsers,
            Op::ReactivateUser { .. } => Act::ReactivateUsers,
            Op::DeleteUser { .. } => Act::DeleteUsers,
            Op::ReplaceUser { .. } => Act::ReplaceUsers,
            _ => Act::EditUsers,
        }
    }
}

/// The op types, in RULES §5's order.
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
            OpType::SeatRequest => Op::SeatRequest { count: self.count.as_ref().and_then(serde_json::Value::as_u64) },
            OpType::Reachable => Op::Reachable { target, at: s(self.at) },
            OpType::ParseSchedule => Op::ParseSchedule { text: s(self.text) },
            OpType::Audit => Op::Audit {},
            OpType::ImportUsers => Op::ImportUsers { actor, csv: s(self.csv) },
        })
    }
}
