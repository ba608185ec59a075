//! The operations of SPEC §5, one module per family. Each evaluates to an Outcome and
//! the mutation it would make (see [`crate::Engine`]).

use serde::{Deserialize, Serialize};

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

/// The actor id of the host itself: skips capability, rank and `sso_managed` checks.
pub const SYSTEM: &str = "$system";

/// An operation: the `op` of a request (SPEC §5), tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
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
    SeatRequest {
        #[serde(default)]
        count: Option<serde_json::Value>,
    },
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
                Some(Mutation::Swap(_)) | None => Vec::new(),
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
            Op::ParseSchedule { text } => (schedule::parse_schedule(text), None),
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
pub(crate) fn diff(before: Option<&User>, after: Option<&User>) -> Vec<crate::outcome::Change> {
    let as_map = |u: Option<&User>| match u.map(serde_json::to_value) {
        Some(Ok(serde_json::Value::Object(m))) => m,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (as_map(before), as_map(after));
    FIELDS
        .iter()
        .filter_map(|&f| {
            let from = a.get(f).cloned().unwrap_or(serde_json::Value::Null);
            let to = b.get(f).cloned().unwrap_or(serde_json::Value::Null);
            (from != to).then(|| crate::outcome::Change { field: f.to_owned(), from, to })
        })
        .collect()
}
