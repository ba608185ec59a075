//! As-you-type validation of one field: the same rules as `addUser` / `editUser`,
//! reporting only the field being typed.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::edit::mobile_change;
use super::fields::{check_fields, Mode};
use super::{blank_user, seat_for};
use crate::engine::Engine;
use crate::field::Field;
use crate::model::UserDraft;
use crate::outcome::{Outcome, Report, Violation};

impl Engine {
    /// Checks one field of the add form (`target` = `None`) or of the edit form of
    /// `target`, as the user types. `field` is a JSON name or a path into `webLogin`
    /// (`"webLogin.loginId"`); `value` is what the form holds.
    ///
    /// Only violations at that field are reported; a `bad_request` when the field is
    /// not a user field or the value has the wrong JSON type, `user_unknown` for an
    /// unknown target. Permission is not checked here (the form asks `editableFields`).
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Engine, Policy};
    /// let account = serde_json::from_str(r#"{"plan":"swift","users":[
    ///   {"id":"u1","name":"Asha Rao","email":"asha@acme.in","mobile":"+919800000001",
    ///    "extension":"10","role":"owner","pro":true,"status":"active"}]}"#)?;
    /// let engine = Engine::new(Policy::default(), account);
    /// let out = engine.check_field("extension", &"10".into(), None);
    /// assert_eq!(out.codes(), ["extension_taken"]);
    /// assert_eq!(out.violations[0].param("suggestion").unwrap().text(), "11");
    /// assert!(engine.check_field("extension", &"10".into(), Some("u1")).ok); // its own
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn check_field(&self, field: &str, value: &Value, target: Option<&str>) -> Outcome {
        let value_is_null = value.is_null();
        let draft = match value.as_str().and_then(|text| text_draft(field, text)) {
            Some(d) => d,
            None => match decode_draft(field, value) {
                Ok(d) => d,
                Err(o) => return o,
            },
        };
        let view = self.state.view();
        let mut report = Report::new();
        match target {
            // Only the typed field is checked; a `null` (an empty form) is checked as a
            // new user's, so a required field still says so.
            None => {
                let mode = if value_is_null { Mode::Add } else { Mode::Field };
                let c = check_fields(
                    &view,
                    Cow::Owned(blank_user(String::new())),
                    &(&draft).into(),
                    None,
                    mode,
                    &mut report,
                );
                report.extend(seat_for(&view, None, &c.user));
            }
            Some(id) => match view.find(id) {
                Some((slot, user)) => {
                    let c =
                        check_fields(&view, Cow::Borrowed(user), &(&draft).into(), Some(slot), Mode::Edit, &mut report);
                    report.extend(draft.mobile.as_deref().and_then(|m| mobile_change(&view, user, m)));
                    report.extend(seat_for(&view, Some(user), &c.user));
                }
                None => {
                    return Outcome::from_violations(vec![Violation::at(
                        crate::field::Key::Target,
                        crate::problem::Problem::UserUnknown { id: id.to_owned() },
                    )])
                }
            },
        }
        let typed = Field::parse(field);
        let at_field = |v: &Violation| {
            let Some(f) = v.field.as_ref().and_then(crate::field::Path::user_field) else { return false };
            Some(f) == typed || (typed == Some(Field::WebLogin) && f.parent() == Some(Field::WebLogin))
        };
        Outcome::from_violations(report.into_outcome().violations.into_iter().filter(at_field).collect())
    }
}

/// The draft of a text typed into a plain text field, built directly: what the JSON
/// decoder gives for `{field: text}`, without writing and reading JSON on every keystroke.
fn text_draft(field: &str, text: &str) -> Option<UserDraft> {
    let mut d = UserDraft::default();
    let t = Some(text.to_owned());
    match field {
        "id" => d.id = t,
        "name" => d.name = t,
        "email" => d.email = t,
        "mobile" => d.mobile = t,
        "altMobile" => d.alt_mobile = Some(t),
        "extension" => d.extension = t,
        "role" => d.role = t,
        "schedule" => d.schedule = t,
        "timeZone" => d.time_zone = Some(t),
        _ => return None,
    }
    Some(d)
}

/// The draft of `{field: value}` (a path like `webLogin.loginId` nests) through the one
/// JSON decoder (not `from_value`, which would compile the draft's decoder a second time
/// into the `.wasm`); a `bad_request` is named at the field the caller gave.
fn decode_draft(field: &str, value: &Value) -> Result<UserDraft, Outcome> {
    let (top, sub) = match field.split_once('.') {
        Some((t, s)) => (t, Some(s)),
        None => (field, None),
    };
    let value = match sub {
        Some(s) => {
            let mut inner = Map::new();
            inner.insert(s.to_owned(), value.clone());
            Value::Object(inner)
        }
        None => value.clone(),
    };
    let mut obj = Map::new();
    obj.insert(top.to_owned(), value);
    crate::request::decode(&Value::Object(obj).to_string()).map_err(|o| {
        // An unknown key's path would be empty.
        let detail = match o.violations.into_iter().next().map(|v| v.problem) {
            Some(crate::problem::Problem::BadRequest { detail }) => detail,
            _ => String::new(),
        };
        Outcome::bad_request(field, &detail)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_text_gives_the_draft_the_json_decoder_gives() {
        for field in ["id", "name", "email", "mobile", "altMobile", "extension", "role", "schedule", "timeZone"] {
            for text in ["", " Asha Rao ", "x\u{0}y", "😀"] {
                let direct = text_draft(field, text);
                let decoded = decode_draft(field, &Value::String(text.to_owned())).ok();
                assert!(direct.is_some(), "{field}");
                assert_eq!(direct, decoded, "{field} = {text:?}");
            }
        }
        // Everything else goes through the decoder.
        for field in ["pro", "departments", "webLogin", "webLogin.loginId", "nope", "allowedCallerIds"] {
            assert_eq!(text_draft(field, "x"), None, "{field}");
        }
    }
}
