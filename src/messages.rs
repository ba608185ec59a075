//! Messages are derived from a violation's code, variant and params, never stored.
//!
//! Each code has a message and usually a hint. Where a code covers several situations
//! (the `reason` of a `schedule_invalid`, the `reason` of a `not_permitted`) the words
//! are looked up as `code.variant` first, then `code`. A template may be a list of
//! alternatives: the first whose `{param}` holes all have a value is used, so a hint names
//! a step the admin can take in the account as it is (turn Pro off *on a named inactive
//! user* only when there is one, otherwise buy seats). A hint with no alternative that
//! fits is left out.
//!
//! The English table is built in. A client may pass its own [`MessageTable`] (another
//! language): it replaces the words by key, with the same `{param}` holes; English fills
//! in only the keys it lacks, never half an entry.
//!
//! ```
//! use roster_rules::messages::format;
//! use roster_rules::problem::Param;
//! let p = [("proSeats", Param::Num(3)), ("used", Param::Num(3)),
//!          ("inactivePro", Param::Null), ("inactiveProName", Param::Null)];
//! let (message, hint) = format("pro_seat_limit", None, &p, None);
//! assert_eq!(message, "Every Pro licence is in use (3 of 3).");
//! assert_eq!(hint.as_deref(), Some("Buy more Pro licences, or keep this user without Pro (call-only)."));
//! ```

use std::collections::BTreeMap;

use crate::problem::Param;

/// A client's message table: key (`code` or `code.variant`) → templates.
pub type MessageTable = BTreeMap<String, MessageTemplate>;

/// One key's templates: each a list of alternatives (JSON: a string, or a list of strings).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MessageTemplate {
    /// The message alternatives.
    pub message: Vec<String>,
    /// The hint alternatives; `None`: this key has no hint of its own (a `code.variant`
    /// key then takes the hint of its `code`).
    pub hint: Option<Vec<String>>,
}

impl MessageTemplate {
    /// A template with one message and one hint.
    pub fn new(message: &str, hint: Option<&str>) -> MessageTemplate {
        MessageTemplate { message: vec![message.to_owned()], hint: hint.map(|h| vec![h.to_owned()]) }
    }
}

/// A message table from its JSON form, `{key: {message, hint?}}` where each template is
/// a string or a list of alternatives (a `null` hint is no hint; other keys of an entry
/// are ignored), or the `bad_request` naming the path under `root` that is at fault.
///
/// # Errors
/// A `bad_request` [`Outcome`](crate::Outcome) at `root`, `root.key` or
/// `root.key.message` / `.hint`.
///
/// # Example
/// ```
/// use roster_rules::messages::table_from_json;
/// let json = serde_json::json!({"required": {"message": "Pflichtfeld", "hint": null},
///   "pro_seat_limit": {"message": "Voll.", "hint": ["{inactiveProName} abschalten.", "Lizenzen kaufen."]}});
/// let table = table_from_json(&json, "messages").unwrap();
/// assert_eq!(table["required"].message, ["Pflichtfeld"]);
/// assert_eq!(table["pro_seat_limit"].hint.as_ref().unwrap().len(), 2);
/// let bad = serde_json::json!({"required": {"hint": "x"}});
/// let err = table_from_json(&bad, "messages").unwrap_err();
/// assert_eq!(err.violations[0].field_text().as_deref(), Some("messages.required.message"));
/// ```
pub fn table_from_json(json: &serde_json::Value, root: &str) -> Result<MessageTable, crate::Outcome> {
    use serde_json::Value;
    let bad = |path: String, detail: &str| crate::Outcome::bad_request(&path, detail);
    let Value::Object(keys) = json else {
        return Err(bad(root.to_owned(), "expected an object of message templates by code"));
    };
    let alternatives = |v: &Value, at: String| -> Result<Vec<String>, crate::Outcome> {
        match v {
            Value::String(s) => Ok(vec![s.clone()]),
            Value::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    x.as_str().map(str::to_owned).ok_or_else(|| bad(format!("{at}[{i}]"), "expected a string"))
                })
                .collect(),
            _ => Err(bad(at, "expected a string or a list of strings")),
        }
    };
    let mut table = MessageTable::new();
    for (key, entry) in keys {
        let at = |part: &str| format!("{root}.{key}{part}");
        let Value::Object(entry) = entry else {
            return Err(bad(at(""), "expected an object with a message and an optional hint"));
        };
        let message = match entry.get("message") {
            None => return Err(bad(at(".message"), "missing field message")),
            Some(v) => alternatives(v, at(".message"))?,
        };
        let hint = match entry.get("hint") {
            None | Some(Value::Null) => None,
            Some(v) => Some(alternatives(v, at(".hint"))?),
        };
        table.insert(key.clone(), MessageTemplate { message, hint });
    }
    Ok(table)
}

/// One entry of the English table: key, message alternatives, hint alternatives.
pub type EnglishEntry = (&'static str, &'static [&'static str], &'static [&'static str]);

/// The English words: every code (the stable API of RULES §2 and docs/RULES.md), the
/// variants a code's words depend on, and the words of the machine values params carry
/// (`@role.manager`, `@action.delete_users`, `@field.webLogin.loginId`, `@day.Mo`). `pkg/` exports it (`englishMessages()`), so a
/// translator starts from the full list.
pub const ENGLISH: &[EnglishEntry] = &[
    ("bad_request", &["The request is not understood at {path}: {detail}.", "The request is not understood: {detail}."], &[]),
    ("required", &["This field is required."], &[]),
    ("name_invalid", &["The name has a character that is not allowed."], &["Use letters, spaces and punctuation only; no emoji."]),
    ("name_invalid.too_long", &["The name is longer than 100 characters."], &["Shorten it to 100 characters or fewer."]),
    ("name_invalid.control_character", &["The name contains a hidden control character."], &["Type the name again instead of pasting it."]),
    ("name_invalid.invisible_character", &["The name contains an invisible formatting character."], &["Type the name again instead of pasting it."]),
    ("name_invalid.emoji", &["The name contains an emoji."], &[]),
    ("name_invalid.misplaced_joiner", &["The name has a joining character outside a word."], &["Type the name again instead of pasting it."]),
    ("email_invalid", &["This is not a valid email address."], &["Use an address like name@company.in."]),
    ("email_invalid.not_ascii", &["The email address has a character email addresses cannot have, such as an accented letter."], &[]),
    ("email_invalid.too_long", &["The email address is longer than 254 characters."], &[]),
    ("email_invalid.missing_at", &["An email address needs an @."], &[]),
    ("email_invalid.bad_local_part", &["The part before the @ is missing or has a character that is not allowed."], &[]),
    ("email_invalid.local_part_too_long", &["The part before the @ is longer than 64 characters."], &[]),
    ("email_invalid.bad_domain", &["The part after the @ is not a valid domain."], &[]),
    ("email_invalid.no_dot_in_domain", &["The domain after the @ needs a dot, as in company.in."], &[]),
    ("email_taken", &["{email} is already used by {heldByName}.", "{email} is already used on line {heldByRow} of this file."], &["Use another address, or first change {heldByName}'s email (to name+old@company.in, say) so this user can have it.", "Use another address on one of the two lines."]),
    ("email_taken_elsewhere", &["{email} is already used in another workspace."], &["Use an alias such as name+team@company.in, or ask support to release the address."]),
    ("mobile_invalid", &["This is not a valid mobile number."], &["Type the number with its country code, for example +91 98123 45678."]),
    ("mobile_invalid.empty", &["Enter a mobile number."], &[]),
    ("mobile_invalid.bad_character", &["The mobile number has a character that is not a digit."], &["Use digits, spaces, dashes or brackets, with the country code, for example +91 98123 45678."]),
    ("mobile_invalid.not_a_number", &["This is not a phone number."], &[]),
    ("mobile_invalid.too_short", &["The mobile number is too short."], &[]),
    ("mobile_invalid.too_long", &["The mobile number is too long."], &[]),
    ("mobile_invalid.bad_country_code", &["A country code cannot start with 0."], &[]),
    ("mobile_invalid.bad_indian_number", &["An Indian mobile number has 10 digits and starts with 6, 7, 8 or 9."], &["Check the number, for example 98123 45678."]),
    ("mobile_invalid.unknown_country", &["The number needs its country code."], &["Start it with + and the country code, for example +44 20 7946 0018."]),
    ("mobile_taken", &["{mobile} is already the mobile number of {heldByName}.", "{mobile} is already used on line {heldByRow} of this file."], &["Each user needs their own mobile number."]),
    ("alt_mobile_same", &["The alternative number is the same as the mobile number."], &["Enter a different number, or leave it empty."]),
    ("extension_invalid", &["{extension} is not a valid extension: use digits only, without a leading zero."], &[]),
    ("extension_out_of_range", &["Extension {extension} is outside this account's range, {from} to {to}."], &["Choose a number from {from} to {to}."]),
    ("extension_out_of_range.reserved", &["Extension {extension} is reserved and cannot be given to a user."], &["Choose another number from {from} to {to}."]),
    ("extension_taken", &["Extension {extension} is already used by {heldByName}.", "Extension {extension} is already used on line {heldByRow} of this file."], &["Choose a free extension, for example {suggestion}.", "Every extension of this account is in use: free one first."]),
    ("role_unknown", &["{role} is not a role."], &["Choose owner, admin, manager or agent."]),
    ("role_requires_pro", &["The {role} role needs a Pro licence."], &["Turn Pro on, or choose the agent role."]),
    ("schedule_invalid", &["The schedule is not understood at “{near}”.", "The schedule is not understood."], &["Write days and hours separated by ;, for example Mo-Fr 09:00-18:00; Sa 10:00-14:00, or 24/7 for all the time."]),
    ("schedule_invalid.empty", &["The schedule is empty."], &[]),
    ("schedule_invalid.too_long", &["The schedule is longer than 1,024 characters."], &[]),
    ("schedule_invalid.expected_rule", &["A day such as Mo or a time such as 09:00 is expected at “{near}”.", "A day such as Mo or a time such as 09:00 is expected at the end."], &[]),
    ("schedule_invalid.expected_day", &["A day such as Mo, Mon or Monday is expected at “{near}”.", "A day such as Mo, Mon or Monday is expected at the end."], &[]),
    ("schedule_invalid.expected_time", &["A time such as 9am or 09:00 is expected at “{near}”.", "A time such as 9am or 09:00 is expected at the end."], &["Write hours as 9am-6pm or 09:00-18:00 (9-6 is not understood), and separate rules with ;, for example Mo-Fr 09:00-18:00; Sa 10:00-14:00."]),
    ("schedule_invalid.expected_dash", &["A dash between the start and the end time is expected at “{near}”.", "A dash and an end time are expected at the end."], &[]),
    ("schedule_invalid.time_out_of_range", &["The time at “{near}” does not exist: a slot starts from 00:00 to 23:59 and ends by 24:00."], &[]),
    ("schedule_invalid.unexpected_input", &["The schedule is not understood at “{near}”."], &[]),
    ("schedule_invalid.rule_comma", &["Separate rules with ;, not with a comma (at “{near}”)."], &["For example Mo-Fr 09:00-18:00; Sa 10:00-14:00."]),
    ("schedule_invalid.time_specific_off", &["off may follow days only, not times (at “{near}”)."], &["Leave the closed hours out instead, for example Mo-Fr 09:00-13:00,14:00-18:00."]),
    ("schedule_invalid.holiday", &["Public and school holidays are not supported in a schedule."], &[]),
    ("schedule_invalid.month", &["Months and dates are not supported in a schedule."], &[]),
    ("schedule_invalid.week", &["Week numbers are not supported in a schedule."], &[]),
    ("schedule_invalid.solar_time", &["Sunrise and sunset are not supported in a schedule."], &[]),
    ("schedule_invalid.fallback", &["Fallback rules (||) are not supported in a schedule."], &[]),
    ("schedule_invalid.comment", &["Comments are not supported in a schedule."], &[]),
    ("schedule_invalid.unsupported", &["This part of the schedule is not supported: “{near}”.", "This schedule is not supported."], &[]),
    ("schedule_overlap", &["Two time slots overlap at “{near}”.", "Two time slots overlap."], &["Make the slots of one day separate, for example 09:00-13:00,14:00-18:00."]),
    ("schedule_never_open", &["This schedule is never open, so the user will get no calls."], &["Write 24/7, or the hours the user takes calls."]),
    ("time_zone_invalid", &["{timeZone} is not a time zone."], &["Use a name like Asia/Kolkata."]),
    ("department_unknown", &["There is no department {department} in this account."], &["Choose one of the account's departments."]),
    ("no_department", &["The user is in no department, so gets no IVR calls."], &["Add the user to a department to route calls."]),
    ("login_id_invalid", &["A login id needs at least {min} characters: letters, digits, . _ - or @."], &[]),
    ("login_id_taken", &["Login id {loginId} is already used by {heldByName}.", "Login id {loginId} is already used on line {heldByRow} of this file."], &["Each panel login needs its own id; add a digit or the surname."]),
    ("ip_invalid", &["{ip} is not an IP address or a range of them."], &["Write it like 203.0.113.7 or 203.0.113.0/24."]),
    ("password_weak", &["The password is too weak."], &["Use {min} to {max} characters with a letter and a digit, and not the login id or the email name."]),
    ("password_weak.too_short", &["The password is shorter than {min} characters."], &[]),
    ("password_weak.too_long", &["The password is longer than {max} characters."], &[]),
    ("password_weak.no_letter", &["The password needs at least one letter."], &[]),
    ("password_weak.no_digit", &["The password needs at least one digit."], &[]),
    ("password_weak.contains_identity", &["The password must not contain the login id or the part of the email before the @."], &[]),
    ("caller_id_unknown", &["{callerId} is not one of this account's caller ids."], &["Choose one of the account's caller ids."]),
    ("user_unknown", &["There is no user {id} in this account."], &["Refresh the list: the user may have been deleted."]),
    ("id_taken", &["User id {id} is already in use."], &[]),
    ("id_taken.retired", &["User id {id} belonged to a deleted user; user ids are never reused."], &["Leave the id empty and a fresh one is given."]),
    ("not_permitted", &["You are not permitted to {action} users."], &["Ask {askName}, who can.", "Ask an owner or admin of this account."]),
    ("not_permitted.no_capability", &["A user with the {role} role cannot {action} users."], &["Ask {askName}, who can."]),
    ("not_permitted.no_panel_access", &["Your user cannot sign in to the panel (no Pro licence, or the login is blocked), so it cannot {action} users."], &["Ask {askName}, who can."]),
    ("not_permitted.higher_rank", &["{targetName} has the {targetRole} role, which is above yours, so you cannot {action} this user.", "This user's role is above yours, so you cannot {action} this user."], &["Ask {askName}, who can."]),
    ("not_permitted.outside_departments", &["You cannot {action} {targetName}: managers act only within their own departments ({departments}).", "Managers act only within their own departments: {departments}.", "Managers act only within their own departments, and you are in none."], &["Ask {askName}, who can."]),
    ("not_permitted.agents_only", &["Managers add and edit agents only, in their own departments: {departments}.", "Managers add and edit agents only, in their own departments."], &["Ask {askName} to add or change other roles."]),
    ("not_permitted.needs_own_department", &["Managers add users into their own departments: choose {departments}.", "Managers add users into their own departments, and you are in none."], &[]),
    ("not_permitted.ids_given_by_host", &["User ids are given by the system; a new user cannot be added with an id of your choosing."], &["Leave the id empty and a fresh one is given."]),
    ("not_permitted.actor_not_signed_in", &["An op can only be sent in the name of the signed-in user."], &["Send it with your own user as its actor, or sign in as that user."]),
    ("role_escalation", &["Your role ({actorRole}) cannot give the {role} role, which is above it."], &["Ask {askName}, who can."]),
    ("role_escalation.manager", &["Managers add and edit agents only, in their own departments: {departments}.", "Managers add and edit agents only, in their own departments."], &[]),
    ("self_action", &["You cannot do this to your own user."], &["Ask {askName} to do it.", "No one else here can do it yet: make another user an owner or admin who can, then ask them."]),
    ("self_action.change_own_role", &["You cannot change your own role."], &[]),
    ("self_action.deactivate_users", &["You cannot deactivate your own user."], &[]),
    ("self_action.reactivate_users", &["You cannot reactivate your own user."], &[]),
    ("self_action.delete_users", &["You cannot delete your own user."], &[]),
    ("self_action.replace_users", &["You cannot replace your own user."], &[]),
    ("plan_unknown", &["{plan} is not a known plan."], &["Contact support to correct the account's plan."]),
    ("plan_user_limit", &["Your {plan} plan allows {maxUsers} users; this would make {users}."], &["Delete {deactivatedName}, who is deactivated, or upgrade the plan.", "Upgrade the plan to add more users."]),
    ("pro_seat_limit", &["Every Pro licence is in use ({used} of {proSeats})."], &["Turn Pro off for {inactiveProName}, who is not using it, or buy more Pro licences.", "Buy more Pro licences, or keep this user without Pro (call-only)."]),
    ("last_admin", &["The account must keep at least one active owner or admin."], &["Make another user an owner or admin first, and let them sign in once."]),
    ("mobile_immutable", &["The mobile number of an existing user cannot be changed."], &["Replace the user instead: add a new user with the new number and the same role, extension and departments, then deactivate the old one."]),
    ("immutable_field", &["The {field} cannot be changed."], &[]),
    ("sso_managed", &["The {field} is managed by your identity provider."], &["Change it there, then sync."]),
    ("user_in_routing", &["{name} takes calls in {departments}, so cannot be deleted."], &["Remove {name} from these departments first, or deactivate instead."]),
    ("not_deactivated", &["Only deactivated users can be deleted."], &["Deactivate the user first."]),
    ("reset_unregistered_email", &["A password reset must come from the user's registered email or from an owner or admin."], &["Send the request from that email, or ask an owner or admin. If the user no longer has the email, send proof of identity to your account manager at the provider, who updates it."]),
    ("count_required", &["Say how many users to add: a positive whole number."], &[]),
    ("deactivated", &["The user is deactivated, so takes no calls."], &["Reactivate the user to route calls again."]),
    ("outside_schedule", &["The user does not take calls at this time."], &["The user takes calls again on {nextOpenDay} at {nextOpenTime}, the user's time."]),
    ("csv_invalid", &["The CSV file is not understood."], &["The header must be name,email,mobile,extension,role,pro,schedule,departments."]),
    ("csv_invalid.bad_header", &["The first line must be the header, with known columns each named once."], &[]),
    ("csv_invalid.missing_column", &["The header lacks a column that is required: name, email, mobile and extension."], &[]),
    ("csv_invalid.wrong_field_count", &["This line has a different number of fields from the header."], &["Put quotes around a field that contains a comma."]),
    ("csv_invalid.unterminated_quote", &["A quoted field is not closed."], &["Close the quote at the end of the field."]),
    ("csv_invalid.stray_quote", &["A quote is in the middle of a field."], &["Put quotes around the whole field, and double a quote inside it."]),
    ("csv_invalid.empty", &["The file is empty."], &[]),
    ("too_many_items", &["A user can have at most {max} entries here."], &["Remove the ones no longer needed."]),
    ("too_many_rows", &["The file has more than {max} rows."], &["Split it into smaller files."]),
    ("value_invalid", &["{value} is not a valid value here."], &[]),
    ("too_many_violations", &["{omitted} more problems are not listed."], &["Fix the problems listed first, then check again."]),
    // Words for the machine values of params (a role, an action, a field path, a day).
    ("@role.owner", &["owner"], &[]),
    ("@role.admin", &["admin"], &[]),
    ("@role.manager", &["manager"], &[]),
    ("@role.agent", &["agent"], &[]),
    ("@action.add_users", &["add"], &[]),
    ("@action.edit_users", &["edit"], &[]),
    ("@action.reset_passwords", &["set the password of"], &[]),
    ("@action.deactivate_users", &["deactivate"], &[]),
    ("@action.reactivate_users", &["reactivate"], &[]),
    ("@action.delete_users", &["delete"], &[]),
    ("@action.replace_users", &["replace"], &[]),
    ("@action.change_own_role", &["change the role of"], &[]),
    ("@action.view_reports", &["see the calls of"], &[]),
    ("@field.id", &["user id"], &[]),
    ("@field.name", &["name"], &[]),
    ("@field.email", &["email"], &[]),
    ("@field.mobile", &["mobile number"], &[]),
    ("@field.altMobile", &["alternative mobile number"], &[]),
    ("@field.extension", &["extension"], &[]),
    ("@field.role", &["role"], &[]),
    ("@field.pro", &["Pro licence"], &[]),
    ("@field.status", &["status"], &[]),
    ("@field.schedule", &["schedule"], &[]),
    ("@field.timeZone", &["time zone"], &[]),
    ("@field.departments", &["list of departments"], &[]),
    ("@field.previousStatus", &["status before deactivation"], &[]),
    ("@field.webLogin", &["panel login"], &[]),
    ("@field.webLogin.loginId", &["login id"], &[]),
    ("@field.webLogin.allowedIps", &["list of allowed IP addresses"], &[]),
    ("@field.webLogin.blocked", &["login block"], &[]),
    ("@field.webLogin.password", &["password"], &[]),
    ("@field.allowedCallerIds", &["list of caller ids"], &[]),
    ("@field.reportUsers", &["list of users whose calls this login sees"], &[]),
    ("@day.Mo", &["Monday"], &[]),
    ("@day.Tu", &["Tuesday"], &[]),
    ("@day.We", &["Wednesday"], &[]),
    ("@day.Th", &["Thursday"], &[]),
    ("@day.Fr", &["Friday"], &[]),
    ("@day.Sa", &["Saturday"], &[]),
    ("@day.Su", &["Sunday"], &[]),
];

/// The English entry of `key` (`code` or `code.variant`).
pub fn english(key: &str) -> Option<&'static EnglishEntry> {
    ENGLISH.iter().find(|(k, _, _)| *k == key)
}

/// The namespace of the words a param's machine value is written with, if it has one:
/// `role`, `targetRole` and `actorRole` are roles (`@role.manager`), `action` an action
/// (`@action.delete_users`), `field` a field path (`@field.webLogin.loginId`), a day of the
/// schedule language a day (`@day.Mo`). A table (the English one, or a client's) holds
/// these words as entries, so a translation writes them once.
fn word_namespace(param: &str) -> Option<&'static str> {
    match param {
        "role" | "targetRole" | "actorRole" => Some("role"),
        "action" => Some("action"),
        "field" => Some("field"),
        "nextOpenDay" => Some("day"),
        _ => None,
    }
}

/// The value of `name` in `params`: `None` when absent, `null` or empty.
fn value<'p>(params: &'p [(&'static str, Param)], name: &str) -> Option<&'p Param> {
    let empty = |v: &Param| matches!(v, Param::Null) || matches!(v, Param::Str(s) if s.is_empty());
    params.iter().find(|(k, v)| *k == name && !empty(v)).map(|(_, v)| v)
}

/// Whether every `{hole}` of `template` has a value.
fn fits(template: &str, params: &[(&'static str, Param)]) -> bool {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else { return true };
        if value(params, after.get(..close).unwrap_or("")).is_none() {
            return false;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    true
}

/// Fills `{name}` holes of `template` from `params` (unknown names are left as written).
/// A param with a machine value (a role, an action, a field path, a day) is written with
/// its word from `table` (`@role.manager`), else from English, else as it is.
pub fn fill(template: &str, params: &[(&'static str, Param)], table: Option<&MessageTable>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = (rest.get(..open).unwrap_or(""), rest.get(open..).unwrap_or(""));
        out.push_str(before);
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or("");
                match params.iter().find(|(k, _)| *k == name) {
                    Some((k, Param::Str(v))) => match word_namespace(k) {
                        Some(ns) => out.push_str(&word(ns, v, table)),
                        None => out.push_str(v),
                    },
                    Some((_, v)) => out.push_str(&v.text()),
                    None => out.push_str(after.get(..=close).unwrap_or("")),
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The word for the machine value `value` in namespace `ns`: from `table`, else English,
/// else the value itself.
fn word(ns: &str, value: &str, table: Option<&MessageTable>) -> String {
    let key = format!("@{ns}.{value}");
    let client = table.and_then(|t| t.get(&key)).and_then(|e| e.message.first()).map(String::as_str);
    client.or_else(|| english(&key).and_then(|e| e.1.first().copied())).unwrap_or(value).to_owned()
}

/// The first alternative whose holes all have a value (for a message, the last one when
/// none fits: a message is never left out).
fn pick<'t, S: AsRef<str>>(alternatives: &'t [S], params: &[(&'static str, Param)], last: bool) -> Option<&'t str> {
    let fitting = alternatives.iter().map(AsRef::as_ref).find(|t| fits(t, params));
    if last {
        fitting.or_else(|| alternatives.last().map(AsRef::as_ref))
    } else {
        fitting
    }
}

/// The message and hint of `code` (in the situation `variant`): from `table` where it
/// has the key `code.variant` or `code`, else English.
pub fn format(
    code: &str,
    variant: Option<&str>,
    params: &[(&'static str, Param)],
    table: Option<&MessageTable>,
) -> (String, Option<String>) {
    let specific = variant.map(|v| format!("{code}.{v}"));
    if let Some(t) = table {
        let narrow = specific.as_deref().and_then(|k| t.get(k));
        if let Some(entry) = narrow.or_else(|| t.get(code)) {
            let hint = entry.hint.as_ref().or_else(|| t.get(code).and_then(|c| c.hint.as_ref()));
            let message = pick(&entry.message, params, true).unwrap_or("");
            let hint = hint.and_then(|h| pick(h, params, false)).filter(|h| !h.is_empty());
            return (fill(message, params, table), hint.map(|h| fill(h, params, table)));
        }
    }
    let narrow = specific.as_deref().and_then(english);
    let broad = english(code);
    let Some(&(_, message, own_hint)) = narrow.or(broad) else {
        return (code.to_owned(), None);
    };
    let hint = if own_hint.is_empty() { broad.map_or(own_hint, |b| b.2) } else { own_hint };
    let message = pick(message, params, true).unwrap_or(code);
    let hint = pick(hint, params, false);
    (fill(message, params, None), hint.map(|h| fill(h, params, None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_from_json_or_names_the_path_at_fault() {
        let json = serde_json::json!({
            "required": {"message": "Pflichtfeld", "hint": null, "note": "ignored"},
            "extension_taken": {"message": "belegt: {extension}", "hint": ["frei: {suggestion}", "alles belegt"]},
        });
        let table = table_from_json(&json, "messages").unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table["required"], MessageTemplate { message: vec!["Pflichtfeld".into()], hint: None });
        assert_eq!(table["extension_taken"].hint.as_ref().unwrap()[1], "alles belegt");

        let at = |json: serde_json::Value| {
            let err = table_from_json(&json, "m").unwrap_err();
            assert_eq!(err.codes(), ["bad_request"]);
            err.violations[0].field_text().unwrap_or_default()
        };
        assert_eq!(at(serde_json::json!(["required"])), "m");
        assert_eq!(at(serde_json::json!({"required": "x"})), "m.required");
        assert_eq!(at(serde_json::json!({"required": {}})), "m.required.message");
        assert_eq!(at(serde_json::json!({"required": {"message": null}})), "m.required.message");
        assert_eq!(at(serde_json::json!({"required": {"message": "x", "hint": 1}})), "m.required.hint");
        assert_eq!(at(serde_json::json!({"required": {"message": ["x", 2]}})), "m.required.message[1]");
        assert_eq!(table_from_json(&serde_json::json!({}), "m").unwrap(), MessageTable::new());
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        let p = [("a", Param::Str("x".into())), ("n", Param::Num(3))];
        assert_eq!(fill("{a}-{n}-{b}-{", &p, None), "x-3-{b}-{");
        // Machine values are written with their words: the client's, else English's.
        let p = [("role", Param::Str("manager".into())), ("field", Param::Str("webLogin.loginId".into()))];
        assert_eq!(fill("{role}: {field}", &p, None), "manager: login id");
        let mut t = MessageTable::new();
        t.insert("@role.manager".into(), MessageTemplate::new("मैनेजर", None));
        assert_eq!(fill("{role}: {field}", &p, Some(&t)), "मैनेजर: login id");
    }

    #[test]
    fn client_table_wins_and_english_fills_only_missing_keys() {
        let mut t = MessageTable::new();
        t.insert("required".into(), MessageTemplate::new("Pflichtfeld", None));
        assert_eq!(format("required", None, &[], Some(&t)).0, "Pflichtfeld");
        assert_eq!(format("required", None, &[], None).0, "This field is required.");
        // A client's code-level entry covers every variant; its hint is not mixed with English.
        t.insert("password_weak".into(), MessageTemplate::new("schwach: {reason}", None));
        let p = [("reason", Param::Str("too_short".into())), ("min", Param::Num(8)), ("max", Param::Num(64))];
        assert_eq!(format("password_weak", Some("too_short"), &p, Some(&t)), ("schwach: too_short".into(), None));
        assert_eq!(
            format("password_weak", Some("too_short"), &p, None).0,
            "The password is shorter than 8 characters."
        );
    }

    #[test]
    fn english_has_no_machine_words_and_a_variant_takes_its_codes_hint() {
        let p = [
            ("reason", Param::Str("expected_time".into())),
            ("offset", Param::Num(8)),
            ("near", Param::Str("9-6".into())),
        ];
        let (message, hint) = format("schedule_invalid", Some("expected_time"), &p, None);
        assert_eq!(message, "A time such as 9am or 09:00 is expected at “9-6”.");
        assert!(hint.unwrap().contains("separate rules with ;"));
        let p = [("reason", Param::Str("month".into())), ("offset", Param::Num(0)), ("near", Param::Str("Jan".into()))];
        let (_, hint) = format("schedule_invalid", Some("month"), &p, None);
        assert!(hint.unwrap().starts_with("Write days and hours separated by ;"));
        // No snake_case word (a machine token) in any English text.
        let machine_word = |t: &str| {
            t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w.contains('_') && w.split('_').all(|part| !part.is_empty()))
        };
        for (key, message, hint) in ENGLISH {
            for t in message.iter().chain(hint.iter()) {
                assert!(!machine_word(t), "{key}: {t}");
            }
        }
    }

    #[test]
    fn every_variant_key_has_its_code() {
        for (key, message, _) in ENGLISH {
            assert!(!message.is_empty(), "{key}");
            if key.starts_with('@') {
                continue;
            }
            if let Some((code, _)) = key.split_once('.') {
                assert!(english(code).is_some(), "{key} without {code}");
            }
        }
    }
}
