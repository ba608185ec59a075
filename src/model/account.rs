use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// One customer workspace: its plan, seats, departments and users.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Account {
    /// Plan name, a key of [`Policy::plans`](crate::Policy::plans).
    pub plan: String,
    /// Pro licences bought.
    #[serde(default)]
    pub pro_seats: u32,
    /// Overrides the policy's extension range.
    #[serde(default)]
    pub extension_range: Option<ExtensionRange>,
    /// The account's IANA time zone, the default of every user (default `Asia/Kolkata`).
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Fields an identity provider manages.
    #[serde(default)]
    pub sso: Option<Sso>,
    /// Caller ids (E.164) the account owns.
    #[serde(default)]
    pub caller_ids: Vec<String>,
    /// Departments (IVR queues).
    #[serde(default)]
    pub departments: Vec<Department>,
    /// The users, in the panel's order.
    pub users: Vec<User>,
    /// The number of the next fresh user id (`u<n>`): ids are never reused, so the engine
    /// keeps this past every id it has given. Absent: one past the highest `u<n>` stored.
    #[serde(default)]
    pub next_user_number: Option<u64>,
}

impl Account {
    /// Writes the account with `users` in place of its own (the engine keeps its users
    /// apart), keys in the order the derive would give them.
    pub(crate) fn serialize_with_users<S: Serializer, U: Serialize>(
        &self,
        ser: S,
        users: &U,
        next_user_number: Option<u64>,
    ) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("plan", &self.plan)?;
        map.serialize_entry("proSeats", &self.pro_seats)?;
        if let Some(range) = &self.extension_range {
            map.serialize_entry("extensionRange", range)?;
        }
        map.serialize_entry("timeZone", &self.time_zone)?;
        if let Some(sso) = &self.sso {
            map.serialize_entry("sso", sso)?;
        }
        if !self.caller_ids.is_empty() {
            map.serialize_entry("callerIds", &self.caller_ids)?;
        }
        if !self.departments.is_empty() {
            map.serialize_entry("departments", &self.departments)?;
        }
        map.serialize_entry("users", users)?;
        if let Some(n) = next_user_number {
            map.serialize_entry("nextUserNumber", &n)?;
        }
        map.end()
    }
}

impl Serialize for Account {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.serialize_with_users(ser, &self.users, self.next_user_number)
    }
}

fn default_time_zone() -> String {
    "Asia/Kolkata".to_owned()
}

/// An inclusive range of extension numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtensionRange {
    /// Lowest extension.
    pub from: u64,
    /// Highest extension.
    pub to: u64,
}

/// Single sign-on settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sso {
    /// User fields (JSON names) that only the identity provider (`$system`) may change.
    #[serde(default)]
    pub managed_fields: Vec<String>,
}

/// A department: a queue that takes IVR calls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Department {
    /// Stable id, referenced from [`User::departments`].
    pub id: String,
    /// Display name.
    pub name: String,
    /// How calls are spread over the members.
    pub routing: Routing,
}

/// A department's call distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Routing {
    RoundRobin,
    Sequential,
    Simultaneous,
    LeastBusy,
}

/// The four fixed roles, highest rank first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A call agent (rank 0).
    Agent,
    /// A manager of its own departments (rank 1).
    Manager,
    /// An administrator (rank 2).
    Admin,
    /// The primary account holder (rank 3).
    Owner,
}

impl Role {
    /// Every role, lowest rank first.
    pub const ALL: [Role; 4] = [Role::Agent, Role::Manager, Role::Admin, Role::Owner];

    /// The JSON name (`"owner"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Agent => "agent",
        }
    }

    /// Parses a JSON name, exactly as written.
    ///
    /// # Example
    /// ```
    /// use roster_rules::Role;
    /// assert_eq!(Role::parse("admin"), Some(Role::Admin));
    /// assert!(Role::Owner > Role::Admin);
    /// assert_eq!(Role::parse("superuser"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Whether this role needs the Pro licence.
    pub fn requires_pro(self) -> bool {
        self != Role::Agent
    }
}

/// Where a user is in its life cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Invited, not yet signed in; already receives calls.
    Pending,
    /// Signed in at least once.
    Active,
    /// Switched off: takes no calls, has no capability.
    Deactivated,
}

impl Status {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Deactivated => "deactivated",
        }
    }
}

/// A user of the account as stored (normalised: E.164 mobiles, canonical schedule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Business email.
    pub email: String,
    /// Registered mobile (E.164); never changes.
    pub mobile: String,
    /// Alternative mobile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_mobile: Option<String>,
    /// Extension number.
    pub extension: String,
    /// Role.
    #[serde(default = "default_role")]
    pub role: Role,
    /// Pro licence (panel access).
    #[serde(default)]
    pub pro: bool,
    /// Life-cycle status.
    #[serde(default = "default_status")]
    pub status: Status,
    /// Call-receiving hours (RULES §4).
    #[serde(default = "default_schedule")]
    pub schedule: String,
    /// IANA time zone; the account's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Department ids the user takes IVR calls in.
    #[serde(default)]
    pub departments: Vec<String>,
    /// Of a deactivated user: the status reactivation returns it to (`pending` if it
    /// never signed in). Kept by the engine; absent on a deactivated user means `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<Status>,
    /// Web-login settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_login: Option<WebLogin>,
    /// Caller ids the user may dial out with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_caller_ids: Option<Vec<String>>,
    /// Users whose call records this login may see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_users: Option<Vec<String>>,
}

pub(crate) fn default_role() -> Role {
    Role::Agent
}
pub(crate) fn default_status() -> Status {
    Status::Pending
}
/// A new user's schedule, and what a blank schedule means: open all the time.
pub(crate) const DEFAULT_SCHEDULE: &str = "24/7";
pub(crate) fn default_schedule() -> String {
    DEFAULT_SCHEDULE.to_owned()
}

/// Web-login settings as stored. The password is never stored here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebLogin {
    /// Login id.
    pub login_id: String,
    /// IP addresses or CIDR blocks allowed to sign in; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_ips: Vec<String>,
    /// The login is blocked.
    #[serde(default)]
    pub blocked: bool,
}

impl User {
    /// Whether the user is deactivated.
    pub fn is_deactivated(&self) -> bool {
        self.status == Status::Deactivated
    }

    /// Whether the user may sign in to the panel: Pro on, not deactivated, login not blocked.
    pub fn can_sign_in(&self) -> bool {
        self.pro && !self.is_deactivated() && !self.web_login.as_ref().is_some_and(|w| w.blocked)
    }

    /// Whether the user counts toward `last_admin`: an owner or admin who can sign in and is active.
    pub fn is_active_admin(&self) -> bool {
        matches!(self.role, Role::Owner | Role::Admin) && self.status == Status::Active && self.can_sign_in()
    }
}
