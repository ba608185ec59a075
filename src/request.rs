//! The JSON request every front-end reads: `{"policy"?, "account", "externalEmails"?, "op"}`.

use serde::{Deserialize, Serialize};

use crate::field::Step;
use crate::json::FromJson;
use crate::{Account, Engine, Op, Outcome, Policy};

/// A request: an account, an optional policy, the host's directory, and one op.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    /// The policy (partial: missing keys take the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// The account snapshot.
    pub account: Account,
    /// Emails used in other workspaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_emails: Vec<String>,
    /// The operation.
    pub op: Op,
}

/// Largest request accepted, in bytes (a 100,000-user account fits comfortably).
pub const MAX_REQUEST_BYTES: usize = 256 * 1024 * 1024;

/// Decodes `T` from JSON, or gives the `bad_request` Outcome naming the JSON path, the
/// keys and names expected there, never the value at fault (see [`crate::json`]).
///
/// # Errors
/// A `bad_request` [`Outcome`] whose field is the path at fault.
///
/// # Example
/// ```
/// use roster_rules::request::decode;
/// let err = decode::<roster_rules::Request>(r#"{"account":{"plan":"nano","users":{}},"op":{"type":"audit"}}"#).unwrap_err();
/// assert_eq!(err.violations[0].field_text().as_deref(), Some("account.users"));
/// assert_eq!(err.violations[0].param("detail").unwrap().text(), "expected a list, found an object");
/// ```
pub fn decode<T: FromJson>(json: &str) -> Result<T, Outcome> {
    decode_at(json, "")
}

/// Decodes `T` from JSON that sits at `prefix` of a larger document: a `bad_request`
/// names the full path (`account.users[0].email`), as if the whole request had been
/// decoded. The wasm `Engine` constructor uses this for its `account` and `policy`.
///
/// # Errors
/// A `bad_request` [`Outcome`] whose path starts with `prefix`.
///
/// # Example
/// ```
/// use roster_rules::{request::decode_at, Account};
/// let err = decode_at::<Account>(r#"{"plan":"nano","users":{}}"#, "account").unwrap_err();
/// assert_eq!(err.violations[0].field_text().as_deref(), Some("account.users"));
/// ```
pub fn decode_at<T: FromJson>(json: &str, prefix: &str) -> Result<T, Outcome> {
    decode_with(json, prefix, false)
}

/// [`decode_at`], with unknown keys skipped when `lenient` (a host's database row; see
/// [`Lenient`](crate::json::Lenient)).
pub(crate) fn decode_with<T: FromJson>(json: &str, prefix: &str, lenient: bool) -> Result<T, Outcome> {
    if json.len() > MAX_REQUEST_BYTES {
        return Err(Outcome::bad_request(prefix, "the request is too large"));
    }
    crate::json::read(json, lenient).map_err(|e| {
        let mut path = parse_path(prefix);
        path.extend(e.path);
        Outcome::bad_request_at(path, &e.detail)
    })
}

/// The steps of a JSON path written as text (`account.users[3].email`).
pub fn parse_path(text: &str) -> Vec<Step> {
    let mut out = Vec::new();
    if text.is_empty() {
        return out;
    }
    for part in text.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key.to_owned()));
        }
        while let Some((index, after)) = rest.split_once(']') {
            match index.parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => out.push(Step::Key(index.to_owned())),
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

impl Request {
    /// The engine this request describes.
    pub fn engine(&self) -> Engine {
        let mut e = Engine::new(self.policy.clone().unwrap_or_default(), self.account.clone());
        if !self.external_emails.is_empty() {
            e.set_external_emails(&self.external_emails);
        }
        e
    }
}

/// Decodes a request and checks its op: the whole `roster check` in one call.
///
/// # Example
/// ```
/// let out = roster_rules::request::check_json(r#"{"account":{"plan":"nano","users":[]},
///   "op":{"type":"parseSchedule","text":"9am-6pm"}}"#);
/// assert_eq!(out.schedule.unwrap().canonical, "09:00-18:00");
/// ```
pub fn check_json(json: &str) -> Outcome {
    match decode::<Request>(json) {
        Ok(req) => req.engine().check(&req.op),
        Err(o) => o,
    }
}

/// Decodes a request and applies its op; returns the Outcome and the account after it.
pub fn apply_json(json: &str) -> (Outcome, Option<Account>) {
    match decode::<Request>(json) {
        Ok(req) => {
            let mut engine = req.engine();
            let outcome = engine.apply(&req.op);
            (outcome, Some(engine.account().clone()))
        }
        Err(o) => (o, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn path_of(json: &str) -> Option<String> {
        decode::<Request>(json).err().and_then(|o| o.violations.first().and_then(|v| v.field_text()))
    }

    #[test]
    fn paths_of_wrong_types_and_missing_fields() {
        let user = r#"{"id":"u1","name":"A","email":"a@x.in","mobile":"+919800000001","extension":"10""#;
        let req = |users: &str, op: &str| format!(r#"{{"account":{{"plan":"nano","users":[{users}]}},"op":{op}}}"#);
        let audit = r#"{"type":"audit"}"#;
        assert_eq!(path_of(&req(&format!("{user}}}"), audit)), None);
        assert_eq!(
            path_of(&req(&format!("{user},\"role\":\"king\"}}"), audit)).as_deref(),
            Some("account.users[0].role")
        );
        assert_eq!(path_of(&req(&format!("{user}}},{{\"id\":3}}"), audit)).as_deref(), Some("account.users[1].id"));
        assert_eq!(path_of(&req(r#"{"id":"u1"}"#, audit)).as_deref(), Some("account.users[0]"));
        let ips = r#"{"type":"addUser","actor":"u1","user":{"webLogin":{"allowedIps":["a",3]}}}"#;
        assert_eq!(path_of(&req("", ips)).as_deref(), Some("op.user.webLogin.allowedIps[1]"));
        assert_eq!(path_of(&req("", r#"{"type":"nope"}"#)).as_deref(), Some("op.type"));
        assert_eq!(path_of(&req("", r#"{"type":"addUser","actor":"u1"}"#)).as_deref(), Some("op"));
        assert_eq!(path_of(&req("", r#"{"type":"audit","actor":"u1"}"#)).as_deref(), Some("op.actor"));
        assert_eq!(
            path_of("{\n \"account\": {\"plan\": \"nano\",\n  \"users\": {}}}").as_deref(),
            Some("account.users")
        );
    }

    #[test]
    fn escaped_keys_and_strings_do_not_confuse_the_path() {
        let json = r#"{"account":{"plan":"n\"}[,","users":[],"time\u005aone":5},"op":{"type":"audit"}}"#;
        assert_eq!(path_of(json).as_deref(), Some("account.timeZone"));
    }

    /// Key names are not user data: an unknown key is named, with the keys expected
    /// there; only values are withheld.
    #[test]
    fn unknown_keys_are_named_values_are_not() {
        let json = r#"{"account":{"plan":"nano","users":[],"lastLogin":"s3cret-value"},"op":{"type":"audit"}}"#;
        let o = decode::<Request>(json).unwrap_err();
        assert_eq!(o.violations[0].field_text().as_deref(), Some("account.lastLogin"));
        let text = o.to_json();
        assert!(text.contains("the keys are plan, proSeats"), "{text}");
        assert!(!text.contains("s3cret-value"), "{text}");
    }
}
