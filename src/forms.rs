//! What form libraries see: the issues of a Standard Schema v1 result
//! (<https://standardschema.dev>), derived from an Outcome.
//!
//! The JavaScript package's `engine.schema(form)` calls `check` and hands form
//! libraries (TanStack Form, React Hook Form resolvers, tRPC) these issues. They are
//! built here, once, so the field-path syntax of RULES §6 is read in one place.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::field::Step;
use crate::messages::MessageTable;
use crate::outcome::{Outcome, Severity, Violation};

/// One step of an issue's path: a key or a list index.
struct Segment<'a>(&'a Step);

impl Serialize for Segment<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Step::Key(k) => ser.serialize_str(k),
            Step::Index(i) => ser.serialize_u64(*i as u64),
        }
    }
}

struct Segments(Vec<Step>);

impl Serialize for Segments {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(Segment))
    }
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
/// assert!(json.starts_with(r#"[{"message":"The part after the @ is not a valid domain."#));
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
        let params = v.params();
        let (message, hint) = crate::messages::format(v.code(), v.problem.variant(), &params, self.1);
        let mut map = ser.serialize_map(None)?;
        map.serialize_entry("message", &message)?;
        // Only a field of the user form has a path; rule-level problems have none.
        if let Some(path) = v.field.as_ref().filter(|p| p.user_field().is_some()) {
            map.serialize_entry("path", &Segments(path.steps()))?;
        }
        map.serialize_entry("code", v.code())?;
        map.serialize_entry("params", &crate::outcome::ParamMap(&params))?;
        if let Some(hint) = &hint {
            map.serialize_entry("hint", hint)?;
        }
        map.end()
    }
}
