//! The Outcome of RULES §6: what every front-end returns for an op.
//!
//! A [`Violation`] holds a typed [`Problem`] and a typed [`Path`]; the code, params,
//! English message and hint are derived from them at the edge (see [`crate::messages`]),
//! never stored as text. A [`Report`] collects the violations of one check and bounds
//! the answer: one violation per field (per row, per user), at most
//! [`MAX_VIOLATIONS`], then one `too_many_violations` saying how many were left out.

use std::collections::HashSet;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::field::{Field, Path};
use crate::messages::{format, MessageTable};
use crate::model::User;
use crate::op::Op;
use crate::problem::{Param, Problem};

/// The most violations one Outcome holds (RULES §5); past it, `too_many_violations`.
pub const MAX_VIOLATIONS: usize = 1000;

/// `error` blocks the op; `warning` does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Severity {
    Error,
    Warning,
}

/// One violation: a problem, where it is, how bad.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// What is wrong.
    pub problem: Problem,
    /// Error or warning.
    pub severity: Severity,
    /// Where: the field at fault (`webLogin.allowedIps[1]`), where there is one.
    pub field: Option<Path>,
    /// Bulk import: the CSV line number (header is line 1).
    pub row: Option<usize>,
    /// Audit: the user at fault.
    pub user_id: Option<String>,
}

impl Violation {
    /// A violation of `problem` at `path`, with the problem's usual severity.
    pub fn at(path: impl Into<Path>, problem: Problem) -> Violation {
        Violation { severity: problem.default_severity(), problem, field: Some(path.into()), row: None, user_id: None }
    }

    /// A violation with no field.
    pub fn general(problem: Problem) -> Violation {
        Violation { severity: problem.default_severity(), problem, field: None, row: None, user_id: None }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The field path as text (`webLogin.allowedIps[1]`), as the Outcome's JSON has it.
    pub fn field_text(&self) -> Option<String> {
        self.field.as_ref().map(Path::to_string)
    }

    /// The params: the problem's, and the path of a `bad_request`.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        let mut params = self.problem.params();
        if matches!(self.problem, Problem::BadRequest { .. }) {
            let path = crate::problem::s(&self.field_text().unwrap_or_default());
            params.insert(0, ("path", path));
        }
        params
    }

    /// The param `name`, if the violation has it.
    pub fn param(&self, name: &str) -> Option<Param> {
        self.params().into_iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The message and hint, derived from the code, variant and params: from `table`
    /// where it has them, English otherwise.
    ///
    /// ```
    /// use roster_rules::{field::Field, problem::Problem, Violation};
    /// let v = Violation::at(Field::Name, Problem::SsoManaged { field: Field::Name });
    /// let (message, hint) = v.text(None);
    /// assert_eq!(message, "The name is managed by your identity provider.");
    /// assert_eq!(hint.as_deref(), Some("Change it there, then sync."));
    /// ```
    pub fn text(&self, table: Option<&MessageTable>) -> (String, Option<String>) {
        format(self.code(), self.problem.variant(), &self.params(), table)
    }

    /// Serialises with messages from `table` (English where it lacks a key).
    pub fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        let params = self.params();
        let (message, hint) = format(self.code(), self.problem.variant(), &params, table);
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        if let Some(field) = &self.field {
            map.serialize_entry("field", &Display(field))?;
        }
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("message", &message)?;
        if let Some(hint) = &hint {
            map.serialize_entry("hint", hint)?;
        }
        map.serialize_entry("params", &ParamMap(&params))?;
        if let Some(row) = self.row {
            map.serialize_entry("row", &row)?;
        }
        if let Some(id) = &self.user_id {
            map.serialize_entry("userId", id)?;
        }
        map.end()
    }
}

/// Serialises a value through its `Display`, as a string.
pub(crate) struct Display<'a, T>(pub(crate) &'a T);

impl<T: std::fmt::Display> Serialize for Display<'_, T> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_str(self.0)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(ser, None)
    }
}

pub(crate) struct ParamMap<'a>(pub(crate) &'a [(&'static str, Param)]);

impl Serialize for ParamMap<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// What makes two violations "at the same place": one violation is kept per place.
type Place = (Option<Path>, Option<&'static str>, Option<usize>, Option<String>);

/// Up to this many kept violations, a new one's place is compared with each of them
/// rather than hashed (cheaper for the few violations a form's check has).
const SCANNED: usize = 16;

/// Whether two violations are at the same place (what [`Report::place`] keys).
fn same_place(a: &Violation, b: &Violation) -> bool {
    a.field == b.field && a.row == b.row && a.user_id == b.user_id && (a.field.is_some() || a.code() == b.code())
}

/// The violations of one check, bounded: the first violation per field (per row, per
/// user) is kept, at most [`MAX_VIOLATIONS`] in all; the rest are counted.
///
/// ```
/// use roster_rules::{field::Field, outcome::Report, problem::Problem, Violation};
/// let mut report = Report::new();
/// report.push(Violation::at(Field::Name, Problem::SsoManaged { field: Field::Name }));
/// report.push(Violation::at(Field::Name, Problem::Required)); // same field: not kept
/// for i in 0..5000 {
///     report.push(Violation::at(roster_rules::field::Path::item(Field::Departments, i),
///         Problem::DepartmentUnknown { department: "x".into() }));
/// }
/// let outcome = report.into_outcome();
/// assert_eq!(outcome.violations.len(), 1001);
/// assert_eq!(outcome.codes()[0], "sso_managed");
/// assert_eq!(outcome.codes()[1000], "too_many_violations");
/// ```
#[derive(Debug, Default)]
pub struct Report {
    list: Vec<Violation>,
    places: HashSet<Place>,
    omitted: usize,
    omitted_errors: bool,
    /// The CSV line every violation pushed now belongs to (an import's row).
    row: Option<usize>,
    /// Warnings are not kept (an import reports errors only).
    errors_only: bool,
    /// Errors seen, kept or not: whether a row passed.
    errors_seen: usize,
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    fn place(v: &Violation) -> Place {
        let code = if v.field.is_none() { Some(v.code()) } else { None };
        (v.field.clone(), code, v.row, v.user_id.clone())
    }

    /// A report that keeps errors only (warnings are dropped).
    pub fn errors_only() -> Report {
        Report { errors_only: true, ..Report::default() }
    }

    /// From now on, violations are on CSV line `row` (those without a row of their own).
    pub fn set_row(&mut self, row: Option<usize>) {
        self.row = row;
    }

    /// How many errors have been pushed so far, kept or not.
    pub fn errors_seen(&self) -> usize {
        self.errors_seen
    }

    /// Adds `v`, unless its place already has a violation or the report is full.
    pub fn push(&mut self, mut v: Violation) {
        if v.severity == Severity::Error {
            self.errors_seen += 1;
        } else if self.errors_only {
            return;
        }
        if v.row.is_none() {
            v.row = self.row;
        }
        if self.list.len() < MAX_VIOLATIONS {
            // A short list (every form's) is searched; a long one (an import's) hashed.
            let new = if self.list.len() < SCANNED {
                !self.list.iter().any(|k| same_place(k, &v))
            } else {
                if self.places.is_empty() {
                    self.places.extend(self.list.iter().map(Self::place));
                }
                self.places.insert(Self::place(&v))
            };
            if new {
                self.list.push(v);
            }
        } else {
            // Past the cap nothing more is stored, whatever the input's size: what is
            // left out is counted, each violation once.
            self.omitted += 1;
            self.omitted_errors |= v.severity == Severity::Error;
        }
    }

    /// Adds the violation `make` builds at `path`, building it only while there is room
    /// (a list of a million bad items costs a count each, not a violation each).
    pub fn add(&mut self, path: Path, make: impl FnOnce() -> Problem) {
        if self.list.len() < MAX_VIOLATIONS {
            self.push(Violation::at(path, make()));
        } else {
            self.errors_seen += 1;
            self.omitted += 1;
            self.omitted_errors = true;
        }
    }

    /// Adds every violation of `list`.
    pub fn extend(&mut self, list: impl IntoIterator<Item = Violation>) {
        for v in list {
            self.push(v);
        }
    }

    /// Whether an error has been reported.
    pub fn has_errors(&self) -> bool {
        self.omitted_errors || self.list.iter().any(|v| v.severity == Severity::Error)
    }

    /// Whether a permission violation (one that ends a check) has been reported.
    pub fn denied(&self) -> bool {
        self.list.iter().any(|v| v.problem.is_permission())
    }

    /// The violations kept so far.
    pub fn violations(&self) -> &[Violation] {
        &self.list
    }

    /// The Outcome of these violations (`too_many_violations` last when some were left out).
    pub fn into_outcome(mut self) -> Outcome {
        if self.omitted > 0 {
            let mut v = Violation::general(Problem::TooManyViolations { omitted: self.omitted });
            if !self.omitted_errors {
                v.severity = Severity::Warning;
            }
            self.list.push(v);
        }
        let ok = !self.list.iter().any(|v| v.severity == Severity::Error);
        Outcome { ok, violations: self.list, ..Outcome::default() }
    }
}

/// A side effect the host should carry out after a successful op.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Effect {
    InviteSent,
    EmailVerificationRequired,
    ReloginSuggested,
    PasswordChanged,
    PasswordResetSent,
}

/// A field's value in an audit trail, as the account JSON has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// Absent (`null`).
    Absent,
    /// Text.
    Text(String),
    /// A flag.
    Flag(bool),
    /// A list of texts.
    List(Vec<String>),
}

impl Serialize for FieldValue {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self {
            FieldValue::Absent => ser.serialize_none(),
            FieldValue::Text(t) => ser.serialize_str(t),
            FieldValue::Flag(b) => ser.serialize_bool(*b),
            FieldValue::List(l) => ser.collect_seq(l),
        }
    }
}

/// One changed field of one user, for an audit trail.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The user whose field changed.
    pub user_id: String,
    /// The field.
    pub field: Field,
    /// Value before (`null` when absent).
    pub from: FieldValue,
    /// Value after (`null` when removed).
    pub to: FieldValue,
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(4))?;
        map.serialize_entry("userId", &self.user_id)?;
        map.serialize_entry("field", self.field.as_str())?;
        map.serialize_entry("from", &self.from)?;
        map.serialize_entry("to", &self.to)?;
        map.end()
    }
}

/// A schedule as `parseSchedule` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScheduleView {
    /// The canonical text.
    pub canonical: String,
    /// Seven lists (Monday first) of `["HH:MM", "HH:MM"]` open spans.
    pub weekly: Vec<Vec<[String; 2]>>,
}

/// Whether a field can be edited in a form, and if not, why: the violation an edit of
/// that field would meet first. It serialises as `{ "editable": true }` or
/// `{ "editable": false, "reason": code, "message", "hint"?, "params" }`, the message
/// derived like a violation's (from a client's table where it has the code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldState {
    /// Why the field is read-only for this actor; `None` when it is editable.
    pub why: Option<Violation>,
}

impl FieldState {
    /// Editable by this actor.
    pub fn editable(&self) -> bool {
        self.why.is_none()
    }

    /// The code that forbids it.
    pub fn reason(&self) -> Option<&'static str> {
        self.why.as_ref().map(Violation::code)
    }

    fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("editable", &self.editable())?;
        if let Some(v) = &self.why {
            let params = v.params();
            let (message, hint) = format(v.code(), v.problem.variant(), &params, table);
            map.serialize_entry("reason", v.code())?;
            map.serialize_entry("message", &message)?;
            if let Some(hint) = &hint {
                map.serialize_entry("hint", hint)?;
            }
            map.serialize_entry("params", &ParamMap(&params))?;
        }
        map.end()
    }
}

impl Serialize for FieldState {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(ser, None)
    }
}

/// The violations, each with the client's message table.
struct LocalizedList<'a>(&'a [Violation], Option<&'a MessageTable>);

impl Serialize for LocalizedList<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        struct One<'a>(&'a Violation, Option<&'a MessageTable>);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                self.0.serialize_with(ser, self.1)
            }
        }
        ser.collect_seq(self.0.iter().map(|v| One(v, self.1)))
    }
}

/// `editableFields`, each read-only reason with the client's message table.
struct LocalizedFields<'a>(&'a [(Field, FieldState)], Option<&'a MessageTable>);

impl Serialize for LocalizedFields<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        struct One<'a>(&'a FieldState, Option<&'a MessageTable>);
        impl Serialize for One<'_> {
            fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                self.0.serialize_with(ser, self.1)
            }
        }
        ser.collect_map(self.0.iter().map(|(k, v)| (k.as_str(), One(v, self.1))))
    }
}

/// The answer to an op (RULES §6).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// True when there is no error-severity violation.
    pub ok: bool,
    /// Every violation, in a deterministic order.
    pub violations: Vec<Violation>,
    /// What the host should do next.
    pub effects: Vec<Effect>,
    /// The normalised user (`addUser`, `editUser`, `replaceUser`, the lifecycle ops).
    pub user: Option<User>,
    /// Field changes for an audit trail.
    pub changes: Vec<Change>,
    /// `replaceUser`: the ordered ops.
    pub plan: Option<Vec<Op>>,
    /// `parseSchedule`: the parsed schedule.
    pub schedule: Option<ScheduleView>,
    /// `editableFields`: one entry per user field, in form order.
    pub fields: Option<Vec<(Field, FieldState)>>,
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(ser, None)
    }
}

impl Outcome {
    /// An Outcome from violations (bounded as a [`Report`] bounds them): `ok` is derived.
    pub fn from_violations(violations: Vec<Violation>) -> Outcome {
        let mut report = Report::new();
        report.extend(violations);
        report.into_outcome()
    }

    /// The `bad_request` Outcome for input that is not the right shape; `path` is the
    /// JSON path as text (`account.users[3].webLogin`), empty for the whole request.
    pub fn bad_request(path: &str, detail: &str) -> Outcome {
        Outcome::bad_request_at(crate::request::parse_path(path), detail)
    }

    /// The `bad_request` Outcome at a typed JSON path.
    pub fn bad_request_at(steps: Vec<crate::field::Step>, detail: &str) -> Outcome {
        let field = if steps.is_empty() { None } else { Some(Path::Json(steps)) };
        let problem = Problem::BadRequest { detail: detail.to_owned() };
        Outcome::from_violations(vec![Violation {
            severity: Severity::Error,
            problem,
            field,
            row: None,
            user_id: None,
        }])
    }

    /// Whether this Outcome is a `bad_request`.
    pub fn is_bad_request(&self) -> bool {
        self.violations.iter().any(|v| matches!(v.problem, Problem::BadRequest { .. }))
    }

    /// The codes of all violations, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.violations.iter().map(Violation::code).collect()
    }

    /// Serialises with messages from `table` (English where it lacks a key). The
    /// keys of RULES §6 in a fixed order; `plan`, `schedule`, `fields` only where set.
    pub fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("ok", &self.ok)?;
        map.serialize_entry("violations", &LocalizedList(&self.violations, table))?;
        map.serialize_entry("effects", &self.effects)?;
        map.serialize_entry("user", &self.user)?;
        map.serialize_entry("changes", &self.changes)?;
        if let Some(plan) = &self.plan {
            map.serialize_entry("plan", plan)?;
        }
        if let Some(schedule) = &self.schedule {
            map.serialize_entry("schedule", schedule)?;
        }
        if let Some(fields) = &self.fields {
            map.serialize_entry("fields", &LocalizedFields(fields, table))?;
        }
        map.end()
    }

    /// The Outcome as JSON text (English messages).
    pub fn to_json(&self) -> String {
        self.to_json_with(None)
    }

    /// The Outcome as JSON text, messages from `table` where it has them.
    ///
    /// # Example
    /// ```
    /// use roster_rules::messages::{MessageTable, MessageTemplate};
    /// let out = roster_rules::request::check_json(r#"{"account":{"plan":"nano","users":[]},
    ///   "op":{"type":"parseSchedule","text":"Mo 25:00-26:00"}}"#);
    /// let mut table = MessageTable::new();
    /// table.insert("schedule_invalid".into(), MessageTemplate::new(
    ///     "Zeitplan unverständlich bei Zeichen {offset}.", None));
    /// assert!(out.to_json_with(Some(&table)).contains("Zeitplan unverständlich bei Zeichen 3."));
    /// ```
    pub fn to_json_with(&self, table: Option<&MessageTable>) -> String {
        let mut out = Vec::with_capacity(256);
        let mut ser = serde_json::Serializer::new(&mut out);
        match self.serialize_with(&mut ser, table) {
            // serde_json writes only UTF-8.
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(_) => String::from("{\"ok\":false}"),
        }
    }
}
