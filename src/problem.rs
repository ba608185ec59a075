//! What a violation says: a typed [`Problem`] per rule, with the data its message needs.
//! The stable code, the params and the variant that picks a message are derived from it
//! here; the words are in [`crate::messages`].
//!
//! ```
//! use roster_rules::problem::{Holder, Problem};
//! let p = Problem::ExtensionTaken {
//!     extension: "14".into(),
//!     holder: Holder::User { id: "u5".into(), name: "Esha Khan".into() },
//!     suggestion: Some("16".into()),
//! };
//! assert_eq!(p.code(), "extension_taken");
//! assert_eq!(p.params()[2], ("heldByName", roster_rules::problem::Param::Str("Esha Khan".into())));
//! ```

use serde::Serialize;

use crate::field::Field;
use crate::model::Role;

/// Who already holds a value that must be unique: a user of the account, or an earlier
/// line of the file being imported (which is no user yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A stored user.
    User {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
    },
    /// A line of the CSV file being imported (the header is line 1).
    Row {
        /// The line number.
        line: usize,
    },
}

/// What an actor tried to do, as the `action` param names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Act {
    AddUsers,
    EditUsers,
    ResetPasswords,
    DeactivateUsers,
    ReactivateUsers,
    DeleteUsers,
    ReplaceUsers,
    ChangeOwnRole,
    ViewReports,
}

impl Act {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::AddUsers => "add_users",
            Act::EditUsers => "edit_users",
            Act::ResetPasswords => "reset_passwords",
            Act::DeactivateUsers => "deactivate_users",
            Act::ReactivateUsers => "reactivate_users",
            Act::DeleteUsers => "delete_users",
            Act::ReplaceUsers => "replace_users",
            Act::ChangeOwnRole => "change_own_role",
            Act::ViewReports => "view_reports",
        }
    }
}

/// Why an actor may not act: the `reason` param of `not_permitted`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denial {
    /// The actor's role does not hold the capability.
    NoCapability,
    /// The actor cannot sign in (Pro off, login blocked or deactivated), so holds nothing.
    NoPanelAccess,
    /// The target ranks above the actor.
    HigherRank,
    /// A manager acting outside its own departments.
    OutsideDepartments,
    /// A manager acting on, or giving, a role other than agent.
    AgentsOnly,
    /// A manager adding a user into none of its own departments.
    NeedsOwnDepartment,
    /// The op names an actor other than the user signed in to the host
    /// ([`Engine::check_as`](crate::Engine::check_as)).
    NotSignedIn,
    /// A panel user choosing a new user's id: ids are given by the engine, or chosen by
    /// the host (`$system`).
    IdsGivenByHost,
}

impl Denial {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Denial::NoCapability => "no_capability",
            Denial::NoPanelAccess => "no_panel_access",
            Denial::HigherRank => "higher_rank",
            Denial::OutsideDepartments => "outside_departments",
            Denial::AgentsOnly => "agents_only",
            Denial::NeedsOwnDepartment => "needs_own_department",
            Denial::NotSignedIn => "actor_not_signed_in",
            Denial::IdsGivenByHost => "ids_given_by_host",
        }
    }
}

/// A refusal with what the message needs to say the real limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// What was refused.
    pub action: Act,
    /// Why.
    pub reason: Denial,
    /// The actor's role.
    pub role: Role,
    /// The names of the actor's departments (what a manager may act in).
    pub departments: Vec<String>,
    /// The target's name and role, where the refusal is about a user.
    pub target: Option<(String, Role)>,
    /// An active owner or admin who could do it, by name (none: no hint to ask anyone).
    pub ask: Option<String>,
}

/// A broken rule, with the data its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Problem {
    /// The request is not the right shape at all; the path is the violation's field.
    BadRequest {
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
        holder: Holder,
    },
    EmailTakenElsewhere {
        email: String,
    },
    MobileInvalid {
        reason: &'static str,
    },
    MobileTaken {
        mobile: String,
        holder: Holder,
    },
    AltMobileSame,
    ExtensionInvalid {
        extension: String,
    },
    ExtensionOutOfRange {
        extension: String,
        from: u64,
        to: u64,
        reserved: bool,
    },
    ExtensionTaken {
        extension: String,
        holder: Holder,
        suggestion: Option<String>,
    },
    RoleUnknown {
        role: String,
    },
    RoleRequiresPro {
        role: Role,
    },
    /// `near` is the text from `offset` on (a few characters, to quote in a message).
    ScheduleInvalid {
        offset: usize,
        reason: &'static str,
        near: String,
    },
    ScheduleOverlap {
        offset: usize,
        near: String,
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
        holder: Holder,
    },
    IpInvalid {
        ip: String,
    },
    /// `min` and `max` are the policy's lengths.
    PasswordWeak {
        reason: &'static str,
        min: usize,
        max: usize,
    },
    CallerIdUnknown {
        caller_id: String,
    },
    UserUnknown {
        id: String,
    },
    /// The id is a current user's, or (`retired`) was given before: ids are never reused.
    IdTaken {
        id: String,
        retired: bool,
    },
    NotPermitted(Box<Refusal>),
    /// `departments`: the names of the actor's departments (a manager's real limit).
    RoleEscalation {
        role: Role,
        actor_role: Role,
        departments: Vec<String>,
        ask: Option<String>,
    },
    SelfAction {
        action: Act,
        ask: Option<String>,
    },
    PlanUnknown {
        plan: String,
    },
    PlanUserLimit {
        plan: String,
        max_users: u32,
        users: u64,
        /// A deactivated user whose deletion would make room, by name.
        deactivated: Option<String>,
    },
    ProSeatLimit {
        pro_seats: u32,
        used: u64,
        /// A user who holds a seat without using it (deactivated, or never signed in):
        /// (id, name).
        inactive: Option<(String, String)>,
    },
    LastAdmin,
    MobileImmutable,
    ImmutableField {
        field: Field,
    },
    SsoManaged {
        field: Field,
    },
    UserInRouting {
        name: String,
        departments: Vec<String>,
    },
    NotDeactivated,
    ResetUnregisteredEmail,
    CountRequired,
    Deactivated,
    /// `next_open`: the next opening (RFC 3339 in the user's offset), and that instant's
    /// day (`Mo`…`Su`) and time (`HH:MM`) on the user's clock.
    OutsideSchedule {
        next_open: Option<(String, &'static str, String)>,
    },
    CsvInvalid {
        reason: &'static str,
    },
    TooManyRows {
        max: usize,
    },
    /// A list longer than a user's record keeps (counted once each).
    TooManyItems {
        max: usize,
    },
    ValueInvalid {
        value: String,
    },
    /// More violations than an Outcome holds; `omitted` were left out.
    TooManyViolations {
        omitted: usize,
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
    /// No value (no suggestion, no one to ask).
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
pub(crate) const MAX_ECHO: usize = 80;

pub(crate) fn s(v: &str) -> Param {
    match v.char_indices().nth(MAX_ECHO) {
        None => Param::Str(v.to_owned()),
        Some((cut, _)) => Param::Str(format!("{}…", v.get(..cut).unwrap_or(""))),
    }
}

/// A count or bound as a param: a number JavaScript holds exactly (up to 2⁵³ − 1), else
/// its digits as text, so that the message and the params never disagree in any
/// front-end.
fn n<T: TryInto<u64>>(v: T) -> Param {
    const EXACT: u64 = (1 << 53) - 1;
    match v.try_into() {
        Ok(v) if v <= EXACT => i64::try_from(v).map_or(Param::Null, Param::Num),
        Ok(v) => {
            let mut text = String::with_capacity(20);
            crate::rules::push_decimal(&mut text, v);
            Param::Str(text)
        }
        Err(_) => Param::Null,
    }
}

fn opt(v: Option<&str>) -> Param {
    v.map_or(Param::Null, s)
}

/// Names as one param: `Sales Team, Support`.
fn names(list: &[String]) -> Param {
    if list.is_empty() {
        Param::Null
    } else {
        s(&list.join(", "))
    }
}

/// The text at an offset, as a message quotes it: a few characters, `null` at the end.
fn near(text: &str) -> Param {
    const NEAR: usize = 12;
    let t = text.trim_end();
    match t.char_indices().nth(NEAR) {
        _ if t.is_empty() => Param::Null,
        None => Param::Str(t.to_owned()),
        Some((cut, _)) => Param::Str(format!("{}…", t.get(..cut).unwrap_or(""))),
    }
}

fn holder(h: &Holder) -> [(&'static str, Param); 3] {
    match h {
        Holder::User { id, name } => [("heldBy", s(id)), ("heldByName", s(name)), ("heldByRow", Param::Null)],
        Holder::Row { line } => [("heldBy", Param::Null), ("heldByName", Param::Null), ("heldByRow", n(*line))],
    }
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
            NotPermitted(_) => "not_permitted",
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
            TooManyItems { .. } => "too_many_items",
            ValueInvalid { .. } => "value_invalid",
            TooManyViolations { .. } => "too_many_violations",
        }
    }

    /// Which of the code's messages applies, where a code has several (the `reason` or
    /// `action` param): messages are looked up as `code.variant`, then `code`.
    pub fn variant(&self) -> Option<&'static str> {
        use Problem::*;
        match self {
            NameInvalid { reason, .. }
            | EmailInvalid { reason }
            | MobileInvalid { reason }
            | PasswordWeak { reason, .. }
            | ScheduleInvalid { reason, .. }
            | CsvInvalid { reason } => Some(reason),
            ExtensionOutOfRange { reserved, .. } => Some(if *reserved { "reserved" } else { "out_of_range" }),
            IdTaken { retired, .. } => Some(if *retired { "retired" } else { "in_use" }),
            NotPermitted(r) => Some(r.reason.as_str()),
            SelfAction { action, .. } => Some(action.as_str()),
            RoleEscalation { actor_role, .. } => Some(actor_role.as_str()),
            _ => None,
        }
    }

    /// The params, in a fixed order per code (a key with no value is `null`). The
    /// `bad_request` path is added by [`Violation::params`](crate::Violation::params).
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        use Problem::*;
        match self {
            // The engine's own words (keys and names, never a value): not cut to an echo.
            BadRequest { detail } => vec![("detail", Param::Str(detail.chars().take(600).collect()))],
            NameInvalid { reason, offset } => vec![("reason", s(reason)), ("offset", n(*offset))],
            EmailInvalid { reason } | MobileInvalid { reason } | CsvInvalid { reason } => vec![("reason", s(reason))],
            PasswordWeak { reason, min, max } => vec![("reason", s(reason)), ("min", n(*min)), ("max", n(*max))],
            EmailTaken { email, holder: h } => [vec![("email", s(email))], holder(h).to_vec()].concat(),
            EmailTakenElsewhere { email } => vec![("email", s(email))],
            MobileTaken { mobile, holder: h } => [vec![("mobile", s(mobile))], holder(h).to_vec()].concat(),
            ExtensionInvalid { extension } => vec![("extension", s(extension))],
            ExtensionOutOfRange { extension, from, to, reserved } => vec![
                ("extension", s(extension)),
                ("from", n(*from)),
                ("to", n(*to)),
                ("reason", s(if *reserved { "reserved" } else { "out_of_range" })),
            ],
            ExtensionTaken { extension, holder: h, suggestion } => {
                let mut p = vec![("extension", s(extension))];
                p.extend(holder(h));
                p.push(("suggestion", opt(suggestion.as_deref())));
                p
            }
            RoleUnknown { role } => vec![("role", s(role))],
            RoleRequiresPro { role } => vec![("role", s(role.as_str()))],
            ScheduleInvalid { offset, reason, near: t } => {
                vec![("offset", n(*offset)), ("reason", s(reason)), ("near", near(t))]
            }
            ScheduleOverlap { offset, near: t } => vec![("offset", n(*offset)), ("near", near(t))],
            TimeZoneInvalid { time_zone } => vec![("timeZone", s(time_zone))],
            DepartmentUnknown { department } => vec![("department", s(department))],
            LoginIdInvalid { min } => vec![("min", n(*min))],
            LoginIdTaken { login_id, holder: h } => [vec![("loginId", s(login_id))], holder(h).to_vec()].concat(),
            IpInvalid { ip } => vec![("ip", s(ip))],
            CallerIdUnknown { caller_id } => vec![("callerId", s(caller_id))],
            UserUnknown { id } => vec![("id", s(id))],
            IdTaken { id, retired } => vec![("id", s(id)), ("reason", s(if *retired { "retired" } else { "in_use" }))],
            NotPermitted(r) => vec![
                ("action", s(r.action.as_str())),
                ("reason", s(r.reason.as_str())),
                ("role", s(r.role.as_str())),
                ("departments", names(&r.departments)),
                ("targetName", opt(r.target.as_ref().map(|t| t.0.as_str()))),
                ("targetRole", opt(r.target.as_ref().map(|t| t.1.as_str()))),
                ("askName", opt(r.ask.as_deref())),
            ],
            RoleEscalation { role, actor_role, departments, ask } => vec![
                ("role", s(role.as_str())),
                ("actorRole", s(actor_role.as_str())),
                ("departments", names(departments)),
                ("askName", opt(ask.as_deref())),
            ],
            SelfAction { action, ask } => vec![("action", s(action.as_str())), ("askName", opt(ask.as_deref()))],
            PlanUnknown { plan } => vec![("plan", s(plan))],
            PlanUserLimit { plan, max_users, users, deactivated } => vec![
                ("plan", s(plan)),
                ("maxUsers", n(*max_users)),
                ("users", n(*users)),
                ("deactivatedName", opt(deactivated.as_deref())),
            ],
            ProSeatLimit { pro_seats, used, inactive } => vec![
                ("proSeats", n(*pro_seats)),
                ("used", n(*used)),
                ("inactivePro", opt(inactive.as_ref().map(|i| i.0.as_str()))),
                ("inactiveProName", opt(inactive.as_ref().map(|i| i.1.as_str()))),
            ],
            ImmutableField { field } | SsoManaged { field } => vec![("field", s(field.as_str()))],
            UserInRouting { name, departments } => vec![("name", s(name)), ("departments", names(departments))],
            OutsideSchedule { next_open } => vec![
                ("nextOpen", opt(next_open.as_ref().map(|n| n.0.as_str()))),
                ("nextOpenDay", opt(next_open.as_ref().map(|n| n.1))),
                ("nextOpenTime", opt(next_open.as_ref().map(|n| n.2.as_str()))),
            ],
            TooManyRows { max } | TooManyItems { max } => vec![("max", n(*max))],
            ValueInvalid { value } => vec![("value", s(value))],
            TooManyViolations { omitted } => vec![("omitted", n(*omitted))],
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
    pub fn default_severity(&self) -> crate::Severity {
        match self {
            Problem::ScheduleNeverOpen | Problem::NoDepartment => crate::Severity::Warning,
            _ => crate::Severity::Error,
        }
    }

    /// The codes of the problems that can end a check (RULES §5.1: a user who may not act
    /// learns nothing more): what [`is_permission`](Problem::is_permission) tests, listed
    /// for a client that lays out a check's answer (`permissionCodes()` in the package).
    /// `user_unknown` ends it only at `actor` or `target`; at a `reportUsers` item it is
    /// a field error reported with the rest.
    pub const PERMISSION_CODES: [&'static str; 4] = ["user_unknown", "not_permitted", "role_escalation", "self_action"];

    /// Whether this problem ends a check (one of [`PERMISSION_CODES`](Problem::PERMISSION_CODES)).
    pub fn is_permission(&self) -> bool {
        matches!(
            self,
            Problem::UserUnknown { .. }
                | Problem::NotPermitted(_)
                | Problem::RoleEscalation { .. }
                | Problem::SelfAction { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_codes_are_the_codes_of_the_permission_problems() {
        let ending = [
            Problem::UserUnknown { id: String::new() },
            Problem::NotPermitted(Box::new(Refusal {
                action: Act::AddUsers,
                reason: Denial::NoCapability,
                role: Role::Agent,
                departments: Vec::new(),
                target: None,
                ask: None,
            })),
            Problem::RoleEscalation { role: Role::Owner, actor_role: Role::Admin, departments: Vec::new(), ask: None },
            Problem::SelfAction { action: Act::DeleteUsers, ask: None },
        ];
        assert_eq!(ending.iter().map(Problem::code).collect::<Vec<_>>(), Problem::PERMISSION_CODES);
        assert!(ending.iter().all(Problem::is_permission));
        assert!(!Problem::IdTaken { id: String::new(), retired: false }.is_permission());
        assert!(!Problem::SsoManaged { field: Field::Name }.is_permission());
    }
}
