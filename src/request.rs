//! The JSON request every front-end reads: `{"policy"?, "account", "externalEmails"?, "op"}`.

use serde::{Deserialize, Serialize};

use crate::field::Step;
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

/// Decodes `T` from JSON, or gives the `bad_request` Outcome naming the JSON path.
///
/// serde_json alone reads the text; on an error the path is found by re-reading the
/// text up to the error's position. A wrapping path-tracking
/// deserializer would compile every type's decoder a second time (a fifth of the
/// `.wasm`). An unknown key is reported at the object that holds it: keys are user
/// input and are never echoed.
///
/// # Errors
/// A `bad_request` [`Outcome`] whose field and `params.path` are the path at fault.
///
/// # Example
/// ```
/// use roster_rules::request::decode;
/// let err = decode::<roster_rules::Request>(r#"{"account":{"plan":"nano","users":{}},"op":{"type":"audit"}}"#).unwrap_err();
/// assert_eq!(err.violations[0].field_text().as_deref(), Some("account.users"));
/// ```
pub fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Outcome> {
    if json.len() > MAX_REQUEST_BYTES {
        return Err(Outcome::bad_request("", "the request is too large"));
    }
    serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        let mut path = path_at(json, byte_offset(json, e.line(), e.column()));
        if message.starts_with("unknown field") {
            // The unknown key itself is user input: name the object that holds it.
            path.pop();
        }
        Outcome::bad_request_at(path, &scrub(&message))
    })
}

/// The byte offset of serde_json's (line, column): column counts bytes from the line's start.
fn byte_offset(json: &str, line: usize, column: usize) -> usize {
    let start = json.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    start + column
}

/// The steps of a JSON path written as text (`account.users[3].email`).
pub fn parse_path(text: &str) -> Vec<Step> {
    let mut out = Vec::new();
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

/// The path of the value being read once `at` bytes of `json` were consumed: a
/// small tokenizer that tracks object keys and array indexes (strings, escapes and
/// nesting; numbers and literals need no tracking).
fn path_at(json: &str, at: usize) -> Vec<Step> {
    // (key or index, in an object: whether a key is expected next)
    let mut stack: Vec<(Option<Step>, bool)> = Vec::new();
    let bytes = json.as_bytes();
    let end = at.min(bytes.len());
    let mut i = 0;
    while i < end {
        match bytes.get(i).copied().unwrap_or(b' ') {
            b'"' => {
                let start = i;
                i += 1;
                let mut escaped = false;
                while let Some(&b) = bytes.get(i) {
                    match (escaped, b) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => break,
                        _ => {}
                    }
                    i += 1;
                }
                if let Some((step, expect_key @ true)) = stack.last_mut() {
                    let raw = json.get(start..=i).unwrap_or("\"\"");
                    *step = Some(Step::Key(serde_json::from_str(raw).unwrap_or_default()));
                    *expect_key = false;
                }
            }
            b'{' => stack.push((None, true)),
            b'[' => stack.push((Some(Step::Index(0)), false)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some((Some(Step::Index(n)), _)) => *n += 1,
                Some((step, expect_key)) => {
                    *step = None;
                    *expect_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    stack.into_iter().filter_map(|(step, _)| step).collect()
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
pub fn decode_at<T: serde::de::DeserializeOwned>(json: &str, prefix: &str) -> Result<T, Outcome> {
    decode(json).map_err(|outcome| {
        let first = outcome.violations.into_iter().next();
        let path = match first.as_ref().and_then(|v| v.field.as_ref()) {
            Some(crate::Path::Json(steps)) => steps.clone(),
            _ => Vec::new(),
        };
        let detail = match first.map(|v| v.problem) {
            Some(crate::Problem::BadRequest { detail }) => detail,
            _ => String::from("the value is not understood"),
        };
        let mut full = parse_path(prefix);
        full.extend(path);
        Outcome::bad_request_at(full, &detail)
    })
}

/// Drops every quoted or backticked span from serde's message (user input: a
/// misplaced password must never be echoed), and the line/column suffix.
fn scrub(detail: &str) -> String {
    let mut out = String::with_capacity(detail.len().min(200));
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in detail.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                    out.push('…');
                    out.push(c);
                }
            }
            None if c == '"' || c == '`' => {
                quote = Some(c);
                out.push(c);
            }
            None => out.push(c),
        }
    }
    let out = match out.find(" at line ") {
        Some(i) => out.get(..i).unwrap_or(&out).to_owned(),
        None => out,
    };
    out.chars().take(200).collect()
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
        assert_eq!(path_of(&req("", r#"{"type":"audit","actor":"u1"}"#)).as_deref(), Some("op"));
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

    #[test]
    fn unknown_keys_are_not_echoed_in_the_path() {
        let json = r#"{"account":{"plan":"nano","users":[],"secretword9":1},"op":{"type":"audit"}}"#;
        assert_eq!(path_of(json).as_deref(), Some("account"));
    }
}
