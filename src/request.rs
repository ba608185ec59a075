//! The JSON request every front-end reads: `{"policy"?, "account", "externalEmails"?, "op"}`.

use serde::{Deserialize, Serialize};

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
/// # Errors
/// A `bad_request` [`Outcome`] whose field and `params.path` are the path at fault.
///
/// # Example
/// ```
/// use roster_rules::request::decode;
/// let err = decode::<roster_rules::Request>(r#"{"account":{"plan":"nano","users":{}},"op":{"type":"audit"}}"#).unwrap_err();
/// assert_eq!(err.violations[0].field.as_deref(), Some("account.users"));
/// ```
pub fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Outcome> {
    if json.len() > MAX_REQUEST_BYTES {
        return Err(Outcome::bad_request("", "the request is too large"));
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        Outcome::bad_request(&path, &scrub(&e.inner().to_string()))
    })?;
    de.end().map_err(|e| Outcome::bad_request("", &scrub(&e.to_string())))?;
    Ok(value)
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
