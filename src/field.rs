//! Where a violation is: typed fields and paths, rendered to text only at the edges.
//!
//! A [`Field`] is one field of a user as the JSON names it; the parts of `webLogin` are
//! fields of their own (`webLogin.password` has its own permission and SSO rule), so a
//! patch is judged leaf by leaf and no shape of patch can hide a field from its rule.
//! A [`Path`] is where a violation points: a user field (with the item of a list), a key
//! of the op or the account, or the JSON path of a request that is not the right shape.
//!
//! ```
//! use roster_rules::field::{Field, Path};
//! let path = Path::item(Field::AllowedIps, 1);
//! assert_eq!(path.to_string(), "webLogin.allowedIps[1]");
//! assert_eq!(Field::parse("webLogin.password"), Some(Field::Password));
//! assert_eq!(Field::Password.parent(), Some(Field::WebLogin));
//! ```

use std::fmt;

/// A field of a user (RULES §1), the parts of `webLogin` included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum Field {
    Id,
    Name,
    Email,
    Mobile,
    AltMobile,
    Extension,
    Role,
    Pro,
    Status,
    Schedule,
    TimeZone,
    Departments,
    /// What a deactivated user returns to when reactivated (kept by the engine).
    PreviousStatus,
    /// The `webLogin` object as a whole (set to `null`, or created).
    WebLogin,
    /// `webLogin.loginId`.
    LoginId,
    /// `webLogin.allowedIps`.
    AllowedIps,
    /// `webLogin.blocked`.
    Blocked,
    /// `webLogin.password` (never stored).
    Password,
    AllowedCallerIds,
    ReportUsers,
}

impl Field {
    /// Every field, in the order forms show them and checks report them.
    pub const ALL: [Field; 20] = [
        Field::Id,
        Field::Name,
        Field::Email,
        Field::Mobile,
        Field::AltMobile,
        Field::Extension,
        Field::Role,
        Field::Pro,
        Field::Status,
        Field::Schedule,
        Field::TimeZone,
        Field::Departments,
        Field::PreviousStatus,
        Field::WebLogin,
        Field::LoginId,
        Field::AllowedIps,
        Field::Blocked,
        Field::Password,
        Field::AllowedCallerIds,
        Field::ReportUsers,
    ];

    /// The parts of `webLogin` a patch may set.
    pub const LOGIN_PARTS: [Field; 4] = [Field::LoginId, Field::AllowedIps, Field::Blocked, Field::Password];

    /// The JSON path of the field (`webLogin.loginId` for a part of `webLogin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Email => "email",
            Field::Mobile => "mobile",
            Field::AltMobile => "altMobile",
            Field::Extension => "extension",
            Field::Role => "role",
            Field::Pro => "pro",
            Field::Status => "status",
            Field::Schedule => "schedule",
            Field::TimeZone => "timeZone",
            Field::Departments => "departments",
            Field::PreviousStatus => "previousStatus",
            Field::WebLogin => "webLogin",
            Field::LoginId => "webLogin.loginId",
            Field::AllowedIps => "webLogin.allowedIps",
            Field::Blocked => "webLogin.blocked",
            Field::Password => "webLogin.password",
            Field::AllowedCallerIds => "allowedCallerIds",
            Field::ReportUsers => "reportUsers",
        }
    }

    /// The field of a JSON path, exactly as [`as_str`](Field::as_str) writes it.
    pub fn parse(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == path)
    }

    /// The object a part belongs to: `webLogin` for its parts, `None` otherwise.
    pub fn parent(self) -> Option<Field> {
        Field::LOGIN_PARTS.contains(&self).then_some(Field::WebLogin)
    }

    /// The key of the field inside its parent object (`password` for `webLogin.password`).
    pub fn key(self) -> &'static str {
        let path = self.as_str();
        path.rsplit_once('.').map_or(path, |(_, key)| key)
    }

    /// Whether the field holds a list, whose items a violation may point at.
    pub fn is_list(self) -> bool {
        matches!(self, Field::Departments | Field::AllowedIps | Field::AllowedCallerIds | Field::ReportUsers)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A key of an op or of the account that a violation may point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Key {
    Actor,
    Target,
    FromEmail,
    Count,
    At,
    Text,
    Csv,
    /// The account's plan.
    Plan,
}

impl Key {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Key::Actor => "actor",
            Key::Target => "target",
            Key::FromEmail => "fromEmail",
            Key::Count => "count",
            Key::At => "at",
            Key::Text => "text",
            Key::Csv => "csv",
            Key::Plan => "plan",
        }
    }
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where a violation is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// A field of the user being checked; `index` names an item of a list field.
    User {
        /// The field.
        field: Field,
        /// The item of a list field, if one item is at fault.
        index: Option<usize>,
    },
    /// A key of the op or the account.
    Key(Key),
    /// The JSON path of a request that is not the right shape (`bad_request`).
    Json(Vec<Step>),
}

impl Path {
    /// A user field as a whole.
    pub fn field(field: Field) -> Path {
        Path::User { field, index: None }
    }

    /// One item of a list field.
    pub fn item(field: Field, index: usize) -> Path {
        Path::User { field, index: Some(index) }
    }

    /// The user field this path is in, if any.
    pub fn user_field(&self) -> Option<Field> {
        match self {
            Path::User { field, .. } => Some(*field),
            _ => None,
        }
    }

    /// The steps of the path, as form libraries want them (`["webLogin", "allowedIps", 1]`).
    pub fn steps(&self) -> Vec<Step> {
        match self {
            Path::User { field, index } => {
                let mut out: Vec<Step> = field.as_str().split('.').map(|k| Step::Key(k.to_owned())).collect();
                out.extend(index.map(Step::Index));
                out
            }
            Path::Key(k) => vec![Step::Key(k.as_str().to_owned())],
            Path::Json(steps) => steps.clone(),
        }
    }
}

impl From<Field> for Path {
    fn from(field: Field) -> Path {
        Path::field(field)
    }
}

impl From<Key> for Path {
    fn from(key: Key) -> Path {
        Path::Key(key)
    }
}

/// Writes JSON path steps as `a.b[2].c`.
pub fn write_steps(f: &mut impl fmt::Write, steps: &[Step]) -> fmt::Result {
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Key(k) if i == 0 => f.write_str(k)?,
            Step::Key(k) => {
                f.write_char('.')?;
                f.write_str(k)?;
            }
            Step::Index(n) => write!(f, "[{n}]")?,
        }
    }
    Ok(())
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::User { field, index } => {
                f.write_str(field.as_str())?;
                match index {
                    Some(i) => write!(f, "[{i}]"),
                    None => Ok(()),
                }
            }
            Path::Key(k) => f.write_str(k.as_str()),
            Path::Json(steps) => write_steps(f, steps),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_parses_back_from_its_path() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.as_str()), Some(f));
        }
        assert_eq!(Field::parse("webLogin.lastLogin"), None);
    }

    #[test]
    fn paths_render_as_json_paths() {
        assert_eq!(Path::field(Field::LoginId).to_string(), "webLogin.loginId");
        assert_eq!(Path::item(Field::Departments, 3).to_string(), "departments[3]");
        assert_eq!(Path::Key(Key::FromEmail).to_string(), "fromEmail");
        let json = Path::Json(vec![Step::Key("account".into()), Step::Key("users".into()), Step::Index(3)]);
        assert_eq!(json.to_string(), "account.users[3]");
        assert_eq!(
            Path::item(Field::AllowedIps, 2).steps(),
            [Step::Key("webLogin".into()), Step::Key("allowedIps".into()), Step::Index(2)]
        );
    }
}
