//! How each type of the data model and of a request is read (RULES §1, §5, §6): the keys
//! each object has, which are required, what a missing key defaults to, and where
//! `null` is allowed (an optional key; in a patch, `null` clears the field).

use super::{FromJson, JsonError, Reader};
use crate::capability::{Capability, Grants, Reach, RoleMatrix};
use crate::messages::{MessageTable, MessageTemplate};
use crate::model::{
    Account, Department, ExtensionRange, PasswordPolicy, Policy, Role, Routing, Sso, Status, User, UserDraft, WebLogin,
    WebLoginDraft,
};
use crate::op::Op;
use crate::request::Request;

/// A value read with unknown keys skipped instead of refused: how a host passes rows
/// that carry columns of its own (`createdAt`). Requests themselves stay strict.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient<T>(pub T);

impl<T: FromJson> FromJson for Lenient<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.with_lenient(true, T::from_json).map(Lenient)
    }
}

/// Reads one of the names of an enum.
macro_rules! named {
    ($t:ty, $($name:literal => $v:expr),+ $(,)?) => {
        impl FromJson for $t {
            fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
                const NAMES: &[&str] = &[$($name),+];
                const VALUES: &[$t] = &[$($v),+];
                let i = r.one_of(NAMES)?;
                VALUES.get(i).copied().ok_or_else(|| r.fail("unknown name"))
            }
        }
    };
}

named!(Role, "owner" => Role::Owner, "admin" => Role::Admin, "manager" => Role::Manager, "agent" => Role::Agent);
named!(Status, "pending" => Status::Pending, "active" => Status::Active, "deactivated" => Status::Deactivated);
named!(Routing, "round_robin" => Routing::RoundRobin, "sequential" => Routing::Sequential,
    "simultaneous" => Routing::Simultaneous, "least_busy" => Routing::LeastBusy);
named!(Reach, "all" => Reach::All, "own_departments" => Reach::OwnDepartments,
    "own_department_agents" => Reach::OwnDepartmentAgents);

impl FromJson for ExtensionRange {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut from, mut to) = (None, None);
        // Strict even in a lenient row (a misspelt bound must not fall back to the policy's).
        r.with_lenient(false, |r| {
            r.object("extensionRange", &["from", "to"], |r, i| {
                match i {
                    0 => from = Some(r.u64()?),
                    _ => to = Some(r.u64()?),
                }
                Ok(())
            })
        })?;
        Ok(ExtensionRange { from: from.ok_or_else(|| r.missing("from"))?, to: to.ok_or_else(|| r.missing("to"))? })
    }
}

impl FromJson for Sso {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        // Strict even in a lenient row: a misspelt key or field name would silently turn
        // the identity provider's control off.
        r.with_lenient(false, |r| {
            let mut managed_fields = Vec::new();
            r.object("sso", &["managedFields"], |r, _| {
                managed_fields = r.list(|r| {
                    let name = r.string()?;
                    match crate::field::Field::parse(name.trim()) {
                        Some(_) => Ok(name),
                        None => Err(r.fail("not a field name (name, email, mobile, webLogin.loginId, …)")),
                    }
                })?;
                Ok(())
            })?;
            Ok(Sso { managed_fields })
        })
    }
}

impl FromJson for Department {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut id, mut name, mut routing) = (None, None, None);
        r.object("a department", &["id", "name", "routing"], |r, i| {
            match i {
                0 => id = Some(r.string()?),
                1 => name = Some(r.string()?),
                _ => routing = Some(r.value()?),
            }
            Ok(())
        })?;
        Ok(Department {
            id: id.ok_or_else(|| r.missing("id"))?,
            name: name.ok_or_else(|| r.missing("name"))?,
            routing: routing.ok_or_else(|| r.missing("routing"))?,
        })
    }
}

impl FromJson for WebLogin {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut login_id, mut allowed_ips, mut blocked) = (None, Vec::new(), false);
        r.object("webLogin", &["loginId", "allowedIps", "blocked"], |r, i| {
            match i {
                0 => login_id = Some(r.string()?),
                1 => allowed_ips = r.strings()?,
                _ => blocked = r.bool()?,
            }
            Ok(())
        })?;
        Ok(WebLogin { login_id: login_id.ok_or_else(|| r.missing("loginId"))?, allowed_ips, blocked })
    }
}

/// The keys of a stored user, in the order of [`User`]'s fields.
const USER_KEYS: [&str; 16] = [
    "id",
    "name",
    "email",
    "mobile",
    "altMobile",
    "extension",
    "role",
    "pro",
    "status",
    "schedule",
    "timeZone",
    "departments",
    "previousStatus",
    "webLogin",
    "allowedCallerIds",
    "reportUsers",
];

impl FromJson for User {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut id, mut name, mut email, mut mobile, mut extension) = (None, None, None, None, None);
        // The defaults of a stored user: agent, Pro off, pending, 24/7.
        let mut u = crate::ops::blank_user(String::new());
        r.object("a user", &USER_KEYS, |r, i| {
            match i {
                0 => id = Some(r.string()?),
                1 => name = Some(r.string()?),
                2 => email = Some(r.string()?),
                3 => mobile = Some(r.string()?),
                5 => extension = Some(r.string()?),
                4 => u.alt_mobile = r.optional()?,
                6 => u.role = r.value()?,
                7 => u.pro = r.bool()?,
                8 => u.status = r.value()?,
                9 => u.schedule = r.string()?,
                10 => u.time_zone = r.optional()?,
                11 => u.departments = r.strings()?,
                12 => u.previous_status = r.optional()?,
                13 => u.web_login = r.optional()?,
                14 => u.allowed_caller_ids = r.optional()?,
                _ => u.report_users = r.optional()?,
            }
            Ok(())
        })?;
        u.id = id.ok_or_else(|| r.missing("id"))?;
        u.name = name.ok_or_else(|| r.missing("name"))?;
        u.email = email.ok_or_else(|| r.missing("email"))?;
        u.mobile = mobile.ok_or_else(|| r.missing("mobile"))?;
        u.extension = extension.ok_or_else(|| r.missing("extension"))?;
        Ok(u)
    }
}

impl FromJson for Account {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        const KEYS: [&str; 9] = [
            "plan",
            "proSeats",
            "extensionRange",
            "timeZone",
            "sso",
            "callerIds",
            "departments",
            "users",
            "nextUserNumber",
        ];
        let mut a = Account {
            plan: String::new(),
            pro_seats: 0,
            extension_range: None,
            time_zone: "Asia/Kolkata".to_owned(),
            sso: None,
            caller_ids: Vec::new(),
            departments: Vec::new(),
            users: Vec::new(),
            next_user_number: None,
        };
        let (mut plan, mut users) = (false, false);
        r.object("the account", &KEYS, |r, i| {
            match i {
                0 => {
                    a.plan = r.string()?;
                    plan = true;
                }
                1 => a.pro_seats = r.int()?,
                2 => a.extension_range = r.optional()?,
                3 => a.time_zone = r.string()?,
                4 => a.sso = r.optional()?,
                5 => a.caller_ids = r.strings()?,
                6 => a.departments = r.value()?,
                7 => {
                    a.users = r.value()?;
                    users = true;
                }
                _ => a.next_user_number = r.optional()?,
            }
            Ok(())
        })?;
        if !plan {
            return Err(r.missing("plan"));
        }
        if !users {
            return Err(r.missing("users"));
        }
        Ok(a)
    }
}

impl FromJson for PasswordPolicy {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut p = PasswordPolicy::default();
        let keys = ["minLength", "maxLength", "requireLetter", "requireDigit", "forbidIdentity"];
        r.object("password", &keys, |r, i| {
            match i {
                0 => p.min_length = r.int()?,
                1 => p.max_length = r.int()?,
                2 => p.require_letter = r.bool()?,
                3 => p.require_digit = r.bool()?,
                _ => p.forbid_identity = r.bool()?,
            }
            Ok(())
        })?;
        Ok(p)
    }
}

impl FromJson for Grants {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let names: Vec<&str> = Capability::ALL.iter().map(|c| c.as_str()).collect();
        let mut grants = Grants::new();
        r.object("a role's capabilities", &names, |r, i| {
            let reach = r.value()?;
            if let Some(&c) = Capability::ALL.get(i) {
                grants.insert(c, reach);
            }
            Ok(())
        })?;
        Ok(grants)
    }
}

impl FromJson for RoleMatrix {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut m = RoleMatrix::default();
        r.object("roles", &["owner", "admin", "manager", "agent", "callOnly"], |r, i| {
            let column = match i {
                0 => &mut m.owner,
                1 => &mut m.admin,
                2 => &mut m.manager,
                3 => &mut m.agent,
                _ => &mut m.call_only,
            };
            *column = r.value()?;
            Ok(())
        })?;
        Ok(m)
    }
}

impl FromJson for Policy {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        const KEYS: [&str; 11] = [
            "plans",
            "countDeactivated",
            "extensionRange",
            "reservedExtensions",
            "uniqueMobile",
            "defaultCountry",
            "roles",
            "password",
            "loginIdMin",
            "maxImportRows",
            "deleteRequiresDeactivation",
        ];
        let mut p = Policy::default();
        r.object("the policy", &KEYS, |r, i| {
            match i {
                0 => {
                    let mut plans = std::collections::BTreeMap::new();
                    r.entries(|r, name| {
                        plans.insert(name.to_owned(), r.optional()?);
                        Ok(())
                    })?;
                    p.plans = plans;
                }
                1 => p.count_deactivated = r.bool()?,
                2 => p.extension_range = r.value()?,
                3 => p.reserved_extensions = r.strings()?,
                4 => p.unique_mobile = r.bool()?,
                5 => p.default_country = r.string()?,
                6 => p.roles = r.value()?,
                7 => p.password = r.value()?,
                8 => p.login_id_min = r.int()?,
                9 => p.max_import_rows = r.int()?,
                _ => p.delete_requires_deactivation = r.bool()?,
            }
            Ok(())
        })?;
        Ok(p)
    }
}

impl FromJson for WebLoginDraft {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut w = WebLoginDraft::default();
        r.object("webLogin", &["loginId", "allowedIps", "blocked", "password"], |r, i| {
            match i {
                0 => w.login_id = r.optional()?,
                1 => w.allowed_ips = r.optional()?,
                2 => w.blocked = r.optional()?,
                _ => w.password = r.optional()?,
            }
            Ok(())
        })?;
        Ok(w)
    }
}

/// A key that is given (as `null` too) or not: `null` clears an optional field in a patch.
fn present<T: FromJson>(r: &mut Reader<'_>) -> Result<Option<Option<T>>, JsonError> {
    r.optional().map(Some)
}

impl FromJson for UserDraft {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        const KEYS: [&str; 14] = [
            "id",
            "name",
            "email",
            "mobile",
            "altMobile",
            "extension",
            "role",
            "pro",
            "schedule",
            "timeZone",
            "departments",
            "webLogin",
            "allowedCallerIds",
            "reportUsers",
        ];
        let mut d = UserDraft::default();
        r.object("a user", &KEYS, |r, i| {
            match i {
                0 => d.id = r.optional()?,
                1 => d.name = r.optional()?,
                2 => d.email = r.optional()?,
                3 => d.mobile = r.optional()?,
                4 => d.alt_mobile = present(r)?,
                5 => d.extension = r.optional()?,
                6 => d.role = r.optional()?,
                7 => d.pro = r.optional()?,
                8 => d.schedule = r.optional()?,
                9 => d.time_zone = present(r)?,
                10 => d.departments = r.optional()?,
                11 => d.web_login = present(r)?,
                12 => d.allowed_caller_ids = present(r)?,
                _ => d.report_users = present(r)?,
            }
            Ok(())
        })?;
        Ok(d)
    }
}

/// The keys an op may have, and which each type takes.
const OP_KEYS: [&str; 11] =
    ["type", "actor", "target", "user", "patch", "mobile", "fromEmail", "count", "at", "text", "csv"];

/// The op types, in RULES §5's order, with the keys (indexes into [`OP_KEYS`]) each takes
/// besides `type`; `count` (7) may be left out.
const OP_TYPES: [(&str, &[usize]); 13] = [
    ("addUser", &[1, 3]),
    ("editUser", &[1, 2, 4]),
    ("deactivateUser", &[1, 2]),
    ("reactivateUser", &[1, 2]),
    ("deleteUser", &[1, 2]),
    ("replaceUser", &[1, 2, 5]),
    ("passwordReset", &[6, 2]),
    ("seatRequest", &[7]),
    ("reachable", &[2, 8]),
    ("parseSchedule", &[9]),
    ("editableFields", &[1, 2]),
    ("audit", &[]),
    ("importUsers", &[1, 10]),
];

/// `count`: a whole number, or anything else (then `count_required`).
fn count(r: &mut Reader<'_>) -> Result<Option<u64>, JsonError> {
    if r.peek().is_some_and(|b| b.is_ascii_digit()) {
        let (whole, _) = r.number_span();
        if whole {
            return r.u64().map(Some);
        }
    }
    r.skip().map(|()| None)
}

impl FromJson for Op {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut kind = None;
        let mut text: [Option<String>; 11] = Default::default();
        let (mut user, mut patch, mut count_value) = (None, None, None);
        let mut seen = Vec::new();
        let names: Vec<&str> = OP_TYPES.iter().map(|(n, _)| *n).collect();
        r.object("an op", &OP_KEYS, |r, i| {
            seen.push(i);
            match i {
                0 => kind = Some(r.one_of(&names)?),
                3 => user = Some(r.value::<UserDraft>()?),
                4 => patch = Some(r.value::<UserDraft>()?),
                7 => count_value = Some(count(r)?),
                _ => {
                    if let Some(t) = text.get_mut(i) {
                        *t = Some(r.string()?);
                    }
                }
            }
            Ok(())
        })?;
        let kind = kind.ok_or_else(|| r.missing("type"))?;
        let (name, keys) = OP_TYPES.get(kind).copied().unwrap_or(("audit", &[]));
        let list = |keys: &[usize]| keys.iter().filter_map(|&k| OP_KEYS.get(k).copied()).collect::<Vec<_>>().join(", ");
        if let Some(&extra) = seen.iter().find(|k| **k != 0 && !keys.contains(k)) {
            let key = OP_KEYS.get(extra).copied().unwrap_or("");
            let takes = if keys.is_empty() { "no other key".to_owned() } else { format!("the keys {}", list(keys)) };
            return Err(r.fail_key(key, format!("{key} is not a key of the {name} op, which takes {takes}")));
        }
        if let Some(&missing) = keys.iter().find(|k| !seen.contains(k) && **k != 7) {
            return Err(r.missing(OP_KEYS.get(missing).copied().unwrap_or("")));
        }
        let [_, actor, target, _, _, mobile, from_email, _, at, text_key, csv] = text;
        let s = |v: Option<String>| v.unwrap_or_default();
        let (actor, target) = (s(actor), s(target));
        Ok(match name {
            "addUser" => Op::AddUser { actor, user: user.unwrap_or_default() },
            "editUser" => Op::EditUser { actor, target, patch: patch.unwrap_or_default() },
            "deactivateUser" => Op::DeactivateUser { actor, target },
            "reactivateUser" => Op::ReactivateUser { actor, target },
            "deleteUser" => Op::DeleteUser { actor, target },
            "replaceUser" => Op::ReplaceUser { actor, target, mobile: s(mobile) },
            "passwordReset" => Op::PasswordReset { from_email: s(from_email), target },
            "seatRequest" => Op::SeatRequest { count: count_value.flatten() },
            "reachable" => Op::Reachable { target, at: s(at) },
            "parseSchedule" => Op::ParseSchedule { text: s(text_key) },
            "editableFields" => Op::EditableFields { actor, target },
            "importUsers" => Op::ImportUsers { actor, csv: s(csv) },
            _ => Op::Audit {},
        })
    }
}

impl FromJson for Request {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut policy, mut account, mut external_emails, mut op) = (None, None, Vec::new(), None);
        r.object("the request", &["policy", "account", "externalEmails", "op"], |r, i| {
            match i {
                0 => policy = r.optional()?,
                1 => account = Some(r.value()?),
                2 => external_emails = r.strings()?,
                _ => op = Some(r.value()?),
            }
            Ok(())
        })?;
        Ok(Request {
            policy,
            account: account.ok_or_else(|| r.missing("account"))?,
            external_emails,
            op: op.ok_or_else(|| r.missing("op"))?,
        })
    }
}

/// A message template: a string, or a list of alternatives.
fn alternatives(r: &mut Reader<'_>) -> Result<Vec<String>, JsonError> {
    if r.peek() == Some(b'[') {
        r.strings()
    } else {
        r.string().map(|s| vec![s])
    }
}

impl FromJson for MessageTable {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut table = MessageTable::new();
        r.entries(|r, key| {
            let mut template = MessageTemplate::default();
            let mut message = false;
            // Other keys of an entry (a translator's note) are ignored.
            r.with_lenient(true, |r| {
                r.object("a message template", &["message", "hint"], |r, i| {
                    if i == 0 {
                        template.message = alternatives(r)?;
                        message = true;
                    } else if !r.null() {
                        template.hint = Some(alternatives(r)?);
                    }
                    Ok(())
                })
            })?;
            if !message {
                return Err(r.fail_key("message", "the key message is missing"));
            }
            table.insert(key.to_owned(), template);
            Ok(())
        })?;
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;

    /// What serde's derive reads from the same text, the hand decoder reads too.
    #[test]
    fn the_decoder_reads_what_the_serde_derive_reads() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let text = case["request"].to_string();
            let ours = read::<Request>(&text, false);
            let serde = serde_json::from_str::<Request>(&text);
            match (ours, serde) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", path.display()),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{}: {:?} vs {:?}", path.display(), a.err(), b.err()),
            }
        }
    }

    #[test]
    fn unknown_keys_are_named_with_the_keys_that_are_known() {
        let text = r#"{"plan":"nano","users":[],"createdAt":"2026-01-01"}"#;
        let e = read::<Account>(text, false).unwrap_err();
        assert_eq!(e.path, [crate::field::Step::Key("createdAt".into())]);
        assert!(e.detail.starts_with("createdAt is not a key of the account; the keys are plan, proSeats"));
        // Leniently, the column of the host's own is skipped.
        let a = read::<Lenient<Account>>(text, false).unwrap().0;
        assert_eq!(a.plan, "nano");
    }

    #[test]
    fn a_variant_lists_the_names_and_withholds_the_value() {
        let text =
            r#"{"id":"u1","name":"A","email":"a@x.in","mobile":"+919800000001","extension":"10","role":"s3cret"}"#;
        let e = read::<User>(text, false).unwrap_err();
        assert_eq!(e.detail, "expected one of owner, admin, manager, agent");
        assert!(!e.detail.contains("s3cret"));
    }

    #[test]
    fn an_op_key_of_another_type_names_the_keys_of_this_one() {
        let e = read::<Op>(r#"{"type":"audit","actor":"u1"}"#, false).unwrap_err();
        assert_eq!(e.detail, "actor is not a key of the audit op, which takes no other key");
        let e = read::<Op>(r#"{"type":"addUser","actor":"u1"}"#, false).unwrap_err();
        assert_eq!(e.detail, "the key user is missing");
    }
}
