//! What form libraries see: the issues of a Standard Schema v1 result
//! (<https://standardschema.dev>), derived from an Outcome.
//!
//! The JavaScript package's `engine.schema(form)` calls `check` and hands form
//! libraries (TanStack Form, React Hook Form resolvers, tRPC) these issues. They are
//! built here, once, so the field-path syntax of SPEC §6 is read in one place.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::messages::MessageTable;
use crate::ops::FIELDS;
use crate::outcome::{Outcome, Severity, Violation};

/// One step of an issue's path: a key or a list index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PathSegment<'a> {
    /// An object key.
    Key(&'a str),
    /// A list index.
    Index(u64),
}

/// Splits a field path of SPEC §6 into segments.
///
/// # Example
/// ```
/// use roster_rules::forms::{path_segments, PathSegment::{Index, Key}};
/// assert_eq!(path_segments("webLogin.allowedIps[1]"), [Key("webLogin"), Key("allowedIps"), Index(1)]);
/// assert_eq!(path_segments("email"), [Key("email")]);
/// ```
pub fn path_segments(field: &str) -> Vec<PathSegment<'_>> {
    let mut out = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(PathSegment::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            match index.parse() {
                Ok(i) => out.push(PathSegment::Index(i)),
                Err(_) => out.push(PathSegment::Key(index)),
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// The issues of a form check, or `None` when the form may be submitted (no error;
/// warnings do not block a form). An issue names its path only when the field is a
/// field of the user form; rule-level problems (`not_permitted`, `plan_user_limit`)
/// have no path, which form libraries show as a form-level error.
pub fn issues(outcome: &Outcome) -> Option<Vec<&Violation>> {
    (!outcome.ok).then(|| outcome.violations.iter().filter(|v| v.severity == Severity::Error).collect())
}

/// The issues of [`issues`] as JSON: `null`, or a list of `{message, path?, code,
/// params, hint?}` with messages from `table` where it has the code.
///
/// # Example
/// ```
/// let out = roster_rules::request::check_json(r#"{"account":{"plan":"nano","users":[]},
///   "op":{"type":"addUser","actor":"$system","user":{"name":"Asha","email":"asha@",
///   "mobile":"+919800000001","extension":"10"}}}"#);
/// let json = roster_rules::forms::issues_json(&out, None);
/// assert!(json.starts_with(r#"[{"message":"This is not a valid email address"#));
/// assert!(json.contains(r#""path":["email"],"code":"email_invalid""#));
/// assert_eq!(roster_rules::forms::issues_json(&roster_rules::Outcome::from_violations(vec![]), None), "null");
/// ```
pub fn issues_json(outcome: &Outcome, table: Option<&MessageTable>) -> String {
    serde_json::to_string(&issue_list(outcome, table)).unwrap_or_else(|_| String::from("null"))
}

/// One issue of [`issues_json`], with its message from the table.
pub(crate) struct Issue<'a>(&'a Violation, Option<&'a MessageTable>);

/// The issues of [`issues_json`], for any serializer (the wasm edge writes them without
/// JSON text).
pub(crate) fn issue_list<'a>(outcome: &'a Outcome, table: Option<&'a MessageTable>) -> Option<Vec<Issue<'a>>> {
    issues(outcome).map(|l| l.into_iter().map(|v| Issue(v, table)).collect())
}

impl Serialize for Issue<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        let params = v.problem.params();
        let (message, hint) = crate::messages::format(v.code(), &params, self.1);
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("message", &message)?;
        if let Some(field) = v.field.as_deref().filter(|f| is_form_field(f)) {
            map.serialize_entry("path", &path_segments(field))?;
        }
        map.serialize_entry("code", v.code())?;
        map.serialize_entry("params", &crate::outcome::ParamMap(&params))?;
        if let Some(hint) = &hint {
            map.serialize_entry("hint", hint)?;
        }
        map.end()
    }
}

fn is_form_field(field: &str) -> bool {
    let top = field.split(['.', '[']).next().unwrap_or(field);
    FIELDS.contains(&top)
}

#[cfg(test)]
mod tests {
    use super::PathSegment::{Index, Key};
    use super::*;

    #[test]
    fn path_of_nested_indexes() {
        assert_eq!(path_segments("a[0][2].b"), [Key("a"), Index(0), Index(2), Key("b")]);
        assert_eq!(path_segments(""), []);
    }

    #[test]
    fn rule_level_problems_have_no_path() {
        assert!(is_form_field("webLogin.allowedIps[0]"));
        assert!(!is_form_field("actor"));
        assert!(!is_form_field("target"));
    }
}
