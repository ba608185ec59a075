//! Messages are derived from a violation's code and params, never stored.
//!
//! The English table is built in. A client may pass its own [`MessageTable`] (another
//! language): it replaces messages by code, with `{param}` placeholders.

use std::collections::BTreeMap;

use crate::outcome::Param;

/// A client's message table: code → `{ message, hint? }` templates with `{param}` holes.
pub type MessageTable = BTreeMap<String, MessageTemplate>;

/// One code's templates.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct MessageTemplate {
    /// The message template.
    pub message: String,
    /// The hint template.
    #[serde(default)]
    pub hint: Option<String>,
}

/// A message table from its JSON form, `{code: {message, hint?}}` (a `null` hint is no
/// hint; other keys of a template are ignored, as serde's derive would), or the
/// `bad_request` naming the path under `root` that is at fault.
///
/// Read from a [`serde_json::Value`] rather than with a serde-derived decoder: the wasm
/// package already carries the `Value` decoder, and a derived one for this table alone
/// cost 0.2 KB of the gzipped `.wasm`.
///
/// # Errors
/// A `bad_request` [`Outcome`](crate::Outcome) at `root`, `root.code` or
/// `root.code.message` / `.hint`.
///
/// # Example
/// ```
/// use roster_rules::messages::table_from_json;
/// let json = serde_json::json!({"required": {"message": "Pflichtfeld", "hint": null}});
/// let table = table_from_json(&json, "messages").unwrap();
/// assert_eq!(table["required"].message, "Pflichtfeld");
/// assert_eq!(table["required"].hint, None);
/// let bad = serde_json::json!({"required": {"hint": "x"}});
/// let err = table_from_json(&bad, "messages").unwrap_err();
/// assert_eq!(err.violations[0].field.as_deref(), Some("messages.required.message"));
/// ```
pub fn table_from_json(json: &serde_json::Value, root: &str) -> Result<MessageTable, crate::Outcome> {
    use serde_json::Value;
    let bad = |path: String, detail: &str| crate::Outcome::bad_request(&path, detail);
    let Value::Object(codes) = json else {
        return Err(bad(root.to_owned(), "expected an object of message templates by code"));
    };
    let mut table = MessageTable::new();
    for (code, entry) in codes {
        let at = |key: &str| format!("{root}.{code}{key}");
        let Value::Object(entry) = entry else {
            return Err(bad(at(""), "expected an object with a message and an optional hint"));
        };
        let message = match entry.get("message") {
            Some(Value::String(m)) => m.clone(),
            None => return Err(bad(at(".message"), "missing field message")),
            Some(_) => return Err(bad(at(".message"), "expected a string")),
        };
        let hint = match entry.get("hint") {
            None | Some(Value::Null) => None,
            Some(Value::String(h)) => Some(h.clone()),
            Some(_) => return Err(bad(at(".hint"), "expected a string or null")),
        };
        table.insert(code.clone(), MessageTemplate { message, hint });
    }
    Ok(table)
}

/// Every code with its English templates: (code, message, hint). The codes are the
/// stable API (SPEC §2 and the README's extra codes); `pkg/` exports this table so a
/// translator starts from the full list.
pub const ENGLISH: &[(&str, &str, Option<&str>)] = &[
    ("bad_request", "The request is not understood at {path}: {detail}.", None),
    ("required", "This field is required.", None),
    ("name_invalid", "The name has a character that is not allowed ({reason}).", Some("Use letters, spaces and punctuation only; no emoji.")),
    ("email_invalid", "This is not a valid email address ({reason}).", Some("Use an address like name@company.in.")),
    ("email_taken", "{email} is already used by another user of this account.", Some("Each user needs their own email; add an alias such as +old to the other user's address first.")),
    ("email_taken_elsewhere", "{email} is already used in another workspace.", Some("Use an alias, or ask support to release the address.")),
    ("mobile_invalid", "This is not a valid mobile number ({reason}).", Some("Type the number with its country code, for example +91 98123 45678.")),
    ("mobile_taken", "{mobile} is already used by another user.", Some("Each user needs their own mobile number.")),
    ("alt_mobile_same", "The alternative number is the same as the mobile number.", Some("Enter a different number, or leave it empty.")),
    ("extension_invalid", "Extension {extension} is not valid.", Some("Use digits only, without a leading zero.")),
    ("extension_out_of_range", "Extension {extension} is not available in this account.", Some("Choose a number from {from} to {to} that is not reserved.")),
    ("extension_taken", "Extension {extension} is already used by {heldByName}.", Some("Choose a free extension, for example {suggestion}.")),
    ("role_unknown", "{role} is not a role.", Some("Choose owner, admin, manager or agent.")),
    ("role_requires_pro", "The {role} role needs a Pro licence.", Some("Turn Pro on, or choose the agent role.")),
    ("schedule_invalid", "The schedule is not understood at character {offset} ({reason}).", Some("Write it like Mo-Fr 09:00-18:00; Sa 10:00-14:00.")),
    ("schedule_overlap", "Two time slots overlap at character {offset}.", Some("Make the slots of one day separate.")),
    ("schedule_never_open", "This schedule is never open, so the user will get no calls.", None),
    ("time_zone_invalid", "{timeZone} is not a time zone.", Some("Use a name like Asia/Kolkata.")),
    ("department_unknown", "Department {department} does not exist.", None),
    ("no_department", "The user is in no department, so receives no IVR calls.", Some("Add the user to a department to route calls.")),
    ("login_id_invalid", "The login id must have at least {min} characters: letters, digits, . _ - @.", None),
    ("login_id_taken", "Login id {loginId} is already used.", Some("Each panel login needs its own id; add a digit or the surname.")),
    ("ip_invalid", "{ip} is not an IP address or CIDR block.", Some("Write it like 203.0.113.7 or 203.0.113.0/24.")),
    ("password_weak", "The password is too weak ({reason}).", Some("Use 8 to 64 characters with a letter and a digit, not your login id or email name.")),
    ("caller_id_unknown", "Caller id {callerId} is not one of this account's numbers.", Some("Choose one of the account's caller ids, or add the number to the account first.")),
    ("user_unknown", "There is no user {id}.", None),
    ("id_taken", "User id {id} is used twice.", None),
    ("not_permitted", "You are not permitted to do this ({action}).", Some("Ask an owner or admin.")),
    ("role_escalation", "You cannot give a role above your own ({role}).", Some("Ask an owner.")),
    ("self_action", "You cannot do this to your own user ({action}).", Some("Ask another owner or admin.")),
    ("plan_unknown", "{plan} is not a known plan.", None),
    ("plan_user_limit", "Your {plan} plan allows {maxUsers} users; this would make more than that.", Some("Delete a user you no longer need, or upgrade the plan.")),
    ("pro_seat_limit", "All {proSeats} Pro seats are in use.", Some("Turn Pro off on an inactive user, or buy more seats.")),
    ("last_admin", "The account must keep at least one active owner or admin.", Some("Make another user an admin first.")),
    ("mobile_immutable", "The mobile number of an existing user cannot be changed.", Some("Replace the user: add a new user with the new number and the same role, extension and departments, then deactivate the old one.")),
    ("immutable_field", "The {field} field cannot be changed.", None),
    ("sso_managed", "The {field} field is managed by your identity provider.", Some("Change it there, then sync.")),
    ("user_in_routing", "The user is a member of {departments} and cannot be deleted.", Some("Remove the user from these departments, or deactivate instead.")),
    ("not_deactivated", "Only deactivated users can be deleted.", Some("Deactivate the user first.")),
    ("reset_unregistered_email", "A password reset must come from the registered email or an owner or admin.", Some("The account manager must update the email after verifying proof from the user.")),
    ("count_required", "Say how many users to add: a positive whole number.", None),
    ("deactivated", "The user is deactivated.", None),
    ("outside_schedule", "The user does not take calls at this time.", Some("Next open: {nextOpen}.")),
    ("csv_invalid", "The CSV file is not understood ({reason}).", Some("The header must be name,email,mobile,extension,role,pro,schedule,departments.")),
    ("too_many_rows", "The file has more than {max} rows.", Some("Split it into smaller files.")),
    ("value_invalid", "{value} is not a valid value here.", None),
];

/// The built-in English templates of `code`: (message, hint).
pub fn english(code: &str) -> (&'static str, Option<&'static str>) {
    ENGLISH.iter().find(|(c, _, _)| *c == code).map_or(("{code}", None), |(_, m, h)| (*m, *h))
}

/// Fills `{name}` holes of `template` from `params` (unknown names are left as written).
pub fn fill(template: &str, params: &[(&'static str, Param)]) -> String {
    fill_as(template, params, false)
}

/// [`fill`], and with `words` the machine words of `reason` and `action` params read as
/// words (`too_short` → `too short`): the English defaults are read by people, while a
/// client's table gets the params as they are.
fn fill_as(template: &str, params: &[(&'static str, Param)], words: bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or("");
                match params.iter().find(|(k, _)| *k == name) {
                    Some((k, v)) if words && matches!(*k, "reason" | "action") => {
                        out.push_str(&v.text().replace('_', " "))
                    }
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

/// The message and hint of `code`, from `table` where it has the code, else English.
/// A hint whose params are missing (a `null` suggestion) is left out.
pub fn format(code: &str, params: &[(&'static str, Param)], table: Option<&MessageTable>) -> (String, Option<String>) {
    if let Some(t) = table.and_then(|t| t.get(code)) {
        return (fill(&t.message, params), t.hint.as_deref().map(|h| fill(h, params)));
    }
    let (message, hint) = english(code);
    let has_null = |tpl: &str| params.iter().any(|(k, v)| *v == Param::Null && tpl.contains(&format!("{{{k}}}")));
    let hint = hint.filter(|h| !has_null(h)).map(|h| fill_as(h, params, true));
    (fill_as(message, params, true), hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_from_json_or_names_the_path_at_fault() {
        let json = serde_json::json!({
            "required": {"message": "Pflichtfeld", "hint": null, "note": "ignored"},
            "extension_taken": {"message": "belegt: {extension}", "hint": "frei: {suggestion}"},
        });
        let table = table_from_json(&json, "messages").unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table["required"], MessageTemplate { message: "Pflichtfeld".into(), hint: None });
        assert_eq!(table["extension_taken"].hint.as_deref(), Some("frei: {suggestion}"));
        // The serde derive reads the same table the same way.
        let derived: MessageTable = serde_json::from_value(json).unwrap();
        assert_eq!(derived, table);

        let at = |json: serde_json::Value| {
            let err = table_from_json(&json, "m").unwrap_err();
            assert_eq!(err.codes(), ["bad_request"]);
            err.violations[0].field.clone().unwrap_or_default()
        };
        assert_eq!(at(serde_json::json!(["required"])), "m");
        assert_eq!(at(serde_json::json!({"required": "x"})), "m.required");
        assert_eq!(at(serde_json::json!({"required": {}})), "m.required.message");
        assert_eq!(at(serde_json::json!({"required": {"message": null}})), "m.required.message");
        assert_eq!(at(serde_json::json!({"required": {"message": "x", "hint": 1}})), "m.required.hint");
        assert_eq!(table_from_json(&serde_json::json!({}), "m").unwrap(), MessageTable::new());
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        let p = [("a", Param::Str("x".into())), ("n", Param::Num(3))];
        assert_eq!(fill("{a}-{n}-{b}-{", &p), "x-3-{b}-{");
    }

    #[test]
    fn client_table_wins() {
        let mut t = MessageTable::new();
        t.insert("required".into(), MessageTemplate { message: "Pflichtfeld".into(), hint: None });
        assert_eq!(format("required", &[], Some(&t)).0, "Pflichtfeld");
        assert_eq!(format("required", &[], None).0, "This field is required.");
    }

    #[test]
    fn english_reads_reasons_as_words_and_a_table_gets_them_raw() {
        let p = [("reason", Param::Str("too_short".into()))];
        assert_eq!(format("password_weak", &p, None).0, "The password is too weak (too short).");
        let mut t = MessageTable::new();
        t.insert("password_weak".into(), MessageTemplate { message: "schwach: {reason}".into(), hint: None });
        assert_eq!(format("password_weak", &p, Some(&t)).0, "schwach: too_short");
    }
}
