//! The Outcome of SPEC §6: what every front-end returns for an op.
//!
//! A [`Violation`] holds a typed [`Problem`]; the code, params, English message and hint
//! are derived from it at the edge (see [`crate::messages`]), never stored as text.

use std::collections::BTreeMap;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::messages::{format, MessageTable};
use crate::model::User;
use crate::ops::Op;

/// A broken rule, with the data its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Problem {
    /// The request is not the right shape at all; `path` is the JSON path.
    BadRequest {
        path: String,
        detail: String,
    },
    Required,
    NameInvalid {
        reason: &'static str,
        offset: usize,
    },
    EmailInvalid {
        reason: &'static str,
    },
    EmailTaken {
        email: String,
        held_by: String,
    },
    EmailTakenElsewhere {
        email: String,
    },
    MobileInvalid {
        reason: &'static str,
    },
    MobileTaken {
        mobile: String,
        held_by: String,
    },
    AltMobileSame,
    ExtensionInvalid {
        extension: String,
    },
    ExtensionOutOfRange {
        extension: String,
        from: u64,
        to: u64,
    },
    ExtensionTaken {
        extension: String,
        held_by: String,
        held_by_name: String,
        suggestion: Option<String>,
    },
    RoleUnknown {
        role: String,
    },
    RoleRequiresPro {
        role: &'static str,
    },
    ScheduleInvalid {
        offset: usize,
        reason: &'static str,
    },
    ScheduleOverlap {
        offset: usize,
    },
    ScheduleNeverOpen,
    TimeZoneInvalid {
        time_zone: String,
    },
    DepartmentUnknown {
        department: String,
    },
    NoDepartment,
    LoginIdInvalid {
        min: usize,
    },
    LoginIdTaken {
        login_id: String,
        held_by: String,
    },
    IpInvalid {
        ip: String,
    },
    PasswordWeak {
        reason: &'static str,
    },
    CallerIdUnknown {
        caller_id: String,
    },
    UserUnknown {
        id: String,
    },
    IdTaken {
        id: String,
    },
    NotPermitted {
        action: &'static str,
    },
    RoleEscalation {
        role: &'static str,
    },
    SelfAction {
        action: &'static str,
    },
    PlanUnknown {
        plan: String,
    },
    PlanUserLimit {
        plan: String,
        max_users: u32,
        users: u64,
    },
    ProSeatLimit {
        pro_seats: u32,
        used: u64,
    },
    LastAdmin,
    MobileImmutable,
    ImmutableField {
        field: &'static str,
    },
    SsoManaged {
        field: String,
    },
    UserInRouting {
        departments: String,
    },
    NotDeactivated,
    ResetUnregisteredEmail,
    CountRequired,
    Deactivated,
    OutsideSchedule {
        next_open: Option<String>,
    },
    CsvInvalid {
        reason: &'static str,
    },
    TooManyRows {
        max: usize,
    },
    ValueInvalid {
        value: String,
    },
}

/// A parameter value of a violation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// Text.
    Str(String),
    /// A whole number.
    Num(i64),
    /// No value (e.g. no next opening).
    Null,
}

impl Param {
    /// The value as message text.
    pub fn text(&self) -> String {
        match self {
            Param::Str(s) => s.clone(),
            Param::Num(n) => n.to_string(),
            Param::Null => String::new(),
        }
    }
}

/// Longest echo of user input in a param, in characters: a 10 MB field must not come
/// back as a 10 MB message.
const MAX_ECHO: usize = 80;

fn s(v: &str) -> Param {
    match v.char_indices().nth(MAX_ECHO) {
        None => Param::Str(v.to_owned()),
        Some((cut, _)) => Param::Str(format!("{}…", v.get(..cut).unwrap_or(""))),
    }
}
fn n<T: TryInto<i64>>(v: T) -> Param {
    v.try_into().map(Param::Num).unwrap_or(Param::Null)
}

impl Problem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            BadRequest { .. } => "bad_request",
            Required => "required",
            NameInvalid { .. } => "name_invalid",
            EmailInvalid { .. } => "email_invalid",
            EmailTaken { .. } => "email_taken",
            EmailTakenElsewhere { .. } => "email_taken_elsewhere",
            MobileInvalid { .. } => "mobile_invalid",
            MobileTaken { .. } => "mobile_taken",
            AltMobileSame => "alt_mobile_same",
            ExtensionInvalid { .. } => "extension_invalid",
            ExtensionOutOfRange { .. } => "extension_out_of_range",
            ExtensionTaken { .. } => "extension_taken",
            RoleUnknown { .. } => "role_unknown",
            RoleRequiresPro { .. } => "role_requires_pro",
            ScheduleInvalid { .. } => "schedule_invalid",
            ScheduleOverlap { .. } => "schedule_overlap",
            ScheduleNeverOpen => "schedule_never_open",
            TimeZoneInvalid { .. } => "time_zone_invalid",
            DepartmentUnknown { .. } => "department_unknown",
            NoDepartment => "no_department",
            LoginIdInvalid { .. } => "login_id_invalid",
            LoginIdTaken { .. } => "login_id_taken",
            IpInvalid { .. } => "ip_invalid",
            PasswordWeak { .. } => "password_weak",
            CallerIdUnknown { .. } => "caller_id_unknown",
            UserUnknown { .. } => "user_unknown",
            IdTaken { .. } => "id_taken",
            NotPermitted { .. } => "not_permitted",
            RoleEscalation { .. } => "role_escalation",
            SelfAction { .. } => "self_action",
            PlanUnknown { .. } => "plan_unknown",
            PlanUserLimit { .. } => "plan_user_limit",
            ProSeatLimit { .. } => "pro_seat_limit",
            LastAdmin => "last_admin",
            MobileImmutable => "mobile_immutable",
            ImmutableField { .. } => "immutable_field",
            SsoManaged { .. } => "sso_managed",
            UserInRouting { .. } => "user_in_routing",
            NotDeactivated => "not_deactivated",
            ResetUnregisteredEmail => "reset_unregistered_email",
            CountRequired => "count_required",
            Deactivated => "deactivated",
            OutsideSchedule { .. } => "outside_schedule",
            CsvInvalid { .. } => "csv_invalid",
            TooManyRows { .. } => "too_many_rows",
            ValueInvalid { .. } => "value_invalid",
        }
    }

    /// The params, in a fixed order per code.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        use Problem::*;
        match self {
            BadRequest { path, detail } => vec![("path", s(path)), ("detail", s(detail))],
            NameInvalid { reason, offset } => vec![("reason", s(reason)), ("offset", n(*offset))],
            EmailInvalid { reason } | MobileInvalid { reason } | PasswordWeak { reason } | CsvInvalid { reason } => {
                vec![("reason", s(reason))]
            }
            EmailTaken { email, held_by } => vec![("email", s(email)), ("heldBy", s(held_by))],
            EmailTakenElsewhere { email } => vec![("email", s(email))],
            MobileTaken { mobile, held_by } => vec![("mobile", s(mobile)), ("heldBy", s(held_by))],
            ExtensionInvalid { extension } => vec![("extension", s(extension))],
            ExtensionOutOfRange { extension, from, to } => {
                vec![("extension", s(extension)), ("from", n(*from)), ("to", n(*to))]
            }
            ExtensionTaken { extension, held_by, held_by_name, suggestion } => vec![
                ("extension", s(extension)),
                ("heldBy", s(held_by)),
                ("heldByName", s(held_by_name)),
                ("suggestion", suggestion.as_deref().map_or(Param::Null, s)),
            ],
            RoleUnknown { role } => vec![("role", s(role))],
            RoleRequiresPro { role } | RoleEscalation { role } => vec![("role", s(role))],
            ScheduleInvalid { offset, reason } => {
                vec![("offset", n(*offset)), ("reason", s(reason))]
            }
            ScheduleOverlap { offset } => vec![("offset", n(*offset))],
            TimeZoneInvalid { time_zone } => vec![("timeZone", s(time_zone))],
            DepartmentUnknown { department } => vec![("department", s(department))],
            LoginIdInvalid { min } => vec![("min", n(*min))],
            LoginIdTaken { login_id, held_by } => {
                vec![("loginId", s(login_id)), ("heldBy", s(held_by))]
            }
            IpInvalid { ip } => vec![("ip", s(ip))],
            CallerIdUnknown { caller_id } => vec![("callerId", s(caller_id))],
            UserUnknown { id } | IdTaken { id } => vec![("id", s(id))],
            NotPermitted { action } | SelfAction { action } => vec![("action", s(action))],
            PlanUnknown { plan } => vec![("plan", s(plan))],
            PlanUserLimit { plan, max_users, users } => {
                vec![("plan", s(plan)), ("maxUsers", n(*max_users)), ("users", n(*users))]
            }
            ProSeatLimit { pro_seats, used } => {
                vec![("proSeats", n(*pro_seats)), ("used", n(*used))]
            }
            ImmutableField { field } => vec![("field", s(field))],
            SsoManaged { field } => vec![("field", s(field))],
            UserInRouting { departments } => vec![("departments", s(departments))],
            OutsideSchedule { next_open } => {
                vec![("nextOpen", next_open.as_deref().map_or(Param::Null, s))]
            }
            TooManyRows { max } => vec![("max", n(*max))],
            ValueInvalid { value } => vec![("value", s(value))],
            Required
            | AltMobileSame
            | ScheduleNeverOpen
            | NoDepartment
            | LastAdmin
            | MobileImmutable
            | NotDeactivated
            | ResetUnregisteredEmail
            | CountRequired
            | Deactivated => Vec::new(),
        }
    }

    /// The usual severity: warnings for `schedule_never_open` and `no_department`.
    pub fn default_severity(&self) -> Severity {
        match self {
            Problem::ScheduleNeverOpen | Problem::NoDepartment => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The codes of the problems that end a check (SPEC §5: a user who may not act
    /// learns nothing more): what [`is_permission`](Problem::is_permission) tests, listed
    /// for a client that lays out a check's answer (`permissionCodes()` in the package).
    pub const PERMISSION_CODES: [&'static str; 4] = ["user_unknown", "not_permitted", "role_escalation", "self_action"];

    /// Whether this problem ends a check (one of [`PERMISSION_CODES`](Problem::PERMISSION_CODES)).
    pub fn is_permission(&self) -> bool {
        Self::PERMISSION_CODES.contains(&self.code())
    }
}

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
    /// Path of the field at fault (`webLogin.allowedIps[1]`), where there is one.
    pub field: Option<String>,
    /// Bulk import: the CSV line number (header is line 1).
    pub row: Option<usize>,
    /// Audit: the user at fault.
    pub user_id: Option<String>,
}

impl Violation {
    /// A violation of `problem` at `field`, with the problem's usual severity.
    pub fn at(field: impl Into<String>, problem: Problem) -> Violation {
        Violation { severity: problem.default_severity(), problem, field: Some(field.into()), row: None, user_id: None }
    }

    /// A violation with no field.
    pub fn general(problem: Problem) -> Violation {
        Violation { severity: problem.default_severity(), problem, field: None, row: None, user_id: None }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message and hint, derived from the code and params: from `table` where it
    /// has the code, English otherwise.
    ///
    /// ```
    /// use roster_rules::outcome::{Problem, Violation};
    /// let v = Violation::at("name", Problem::SsoManaged { field: "name".into() });
    /// let (message, hint) = v.text(None);
    /// assert_eq!(message, "The name field is managed by your identity provider.");
    /// assert_eq!(hint.as_deref(), Some("Change it there, then sync."));
    /// ```
    pub fn text(&self, table: Option<&MessageTable>) -> (String, Option<String>) {
        format(self.code(), &self.problem.params(), table)
    }

    /// Serialises with messages from `table` (English when a code is missing from it).
    pub fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        let params = self.problem.params();
        let (message, hint) = format(self.code(), &params, table);
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        if let Some(field) = &self.field {
            map.serialize_entry("field", field)?;
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

/// One changed field, for an audit trail.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// JSON name of the field.
    pub field: String,
    /// Value before (`null` when absent).
    pub from: serde_json::Value,
    /// Value after (`null` when removed).
    pub to: serde_json::Value,
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
            let params = v.problem.params();
            let (message, hint) = format(v.code(), &params, table);
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

/// What serialises with a client's message table (messages from it where it has the code).
trait Localize {
    fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error>;
}

impl Localize for Violation {
    fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        Violation::serialize_with(self, ser, table)
    }
}

impl Localize for FieldState {
    fn serialize_with<S: Serializer>(&self, ser: S, table: Option<&MessageTable>) -> Result<S::Ok, S::Error> {
        FieldState::serialize_with(self, ser, table)
    }
}

/// One value serialised with a client's message table.
struct Localized<'a, T>(&'a T, Option<&'a MessageTable>);

impl<T: Localize> Serialize for Localized<'_, T> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_with(ser, self.1)
    }
}

/// The violations, each with the client's message table.
struct LocalizedList<'a>(&'a [Violation], Option<&'a MessageTable>);

impl Serialize for LocalizedList<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(|v| Localized(v, self.1)))
    }
}

/// `editableFields`, each read-only reason with the client's message table.
struct LocalizedFields<'a>(&'a BTreeMap<String, FieldState>, Option<&'a MessageTable>);

impl Serialize for LocalizedFields<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_map(self.0.iter().map(|(k, v)| (k, Localized(v, self.1))))
    }
}

/// The answer to an op (SPEC §6).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// True when there is no error-severity violation.
    pub ok: bool,
    /// Every violation, in a deterministic order.
    pub violations: Vec<Violation>,
    /// What the host should do next.
    pub effects: Vec<Effect>,
    /// The normalised user (`addUser`, `editUser`, `replaceUser`).
    pub user: Option<User>,
    /// Field changes for an audit trail.
    pub changes: Vec<Change>,
    /// `replaceUser`: the ordered ops.
    pub plan: Option<Vec<Op>>,
    /// `parseSchedule`: the parsed schedule.
    pub schedule: Option<ScheduleView>,
    /// `editableFields`: one entry per user field.
    pub fields: Option<BTreeMap<String, FieldState>>,
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(ser, None)
    }
}

impl Outcome {
    /// An Outcome from violations: `ok` is derived.
    pub fn from_violations(violations: Vec<Violation>) -> Outcome {
        let ok = !violations.iter().any(|v| v.severity == Severity::Error);
        Outcome { ok, violations, ..Outcome::default() }
    }

    /// The `bad_request` Outcome for input that is not the right shape.
    pub fn bad_request(path: &str, detail: &str) -> Outcome {
        let field = if path.is_empty() || path == "." { None } else { Some(path.to_owned()) };
        let problem = Problem::BadRequest { path: path.to_owned(), detail: detail.to_owned() };
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

    /// Serialises with messages from `table` (English where it lacks a code). The
    /// keys of SPEC §6 in a fixed order; `plan`, `schedule`, `fields` only where set.
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

    /// The Outcome as JSON text, messages from `table` where it has the code.
    ///
    /// # Example
    /// ```
    /// use roster_rules::messages::{MessageTable, MessageTemplate};
    /// let out = roster_rules::request::check_json(r#"{"account":{"plan":"nano","users":[]},
    ///   "op":{"type":"parseSchedule","text":"Mo 25:00-26:00"}}"#);
    /// let mut table = MessageTable::new();
    /// table.insert("schedule_invalid".into(), MessageTemplate {
    ///     message: "Zeitplan unverständlich bei Zeichen {offset}.".into(), hint: None });
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

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn permission_codes_are_the_codes_of_the_permission_problems() {
        let ending = [
            Problem::UserUnknown { id: String::new() },
            Problem::NotPermitted { action: "add_users" },
            Problem::RoleEscalation { role: "owner" },
            Problem::SelfAction { action: "delete" },
        ];
        assert_eq!(ending.iter().map(Problem::code).collect::<Vec<_>>(), Problem::PERMISSION_CODES);
        assert!(ending.iter().all(Problem::is_permission));
        assert!(!Problem::IdTaken { id: String::new() }.is_permission());
        assert!(!Problem::Required.is_permission());
    }
}
