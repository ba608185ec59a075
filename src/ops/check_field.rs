//! As-you-type validation of one field: the same rules as `addUser` / `editUser`,
//! reporting only the field being typed.

use std::borrow::Cow;

use serde_json::Value;

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
        match value.as_str() {
            Some(text) => self.check_field_value(field, FieldValue::Text(text), target),
            None => self.check_field_value(field, FieldValue::Json(&value.to_string()), target),
        }
    }

    /// [`Engine::check_field`] of a typed text, or of a value as JSON text (what the wasm
    /// edge has: no `Value` is built on the way in).
    pub(crate) fn check_field_value(&self, field: &str, value: FieldValue<'_>, target: Option<&str>) -> Outcome {
        let value_is_null = matches!(value, FieldValue::Json(t) if t.trim() == "null");
        let typed = match value {
            FieldValue::Text(text) => text_draft(field, text),
            FieldValue::Json(_) => None,
        };
        let draft = match (typed, value) {
            (Some(d), _) => d,
            (None, FieldValue::Text(text)) => match decode_draft(field, &crate::json::quote(text)) {
                Ok(d) => d,
                Err(o) => return o,
            },
            (None, FieldValue::Json(json)) => match decode_draft(field, json) {
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

/// What a form holds in a field: typed text, or any value as JSON text.
#[derive(Clone, Copy)]
pub(crate) enum FieldValue<'a> {
    Text(&'a str),
    Json(&'a str),
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

/// The draft of `{field: value}` (a path like `webLogin.loginId` nests), `value` being
/// JSON text, through the one decoder: a `bad_request` names the path under the field.
fn decode_draft(field: &str, value: &str) -> Result<UserDraft, Outcome> {
    let Some(f) = Field::parse(field).filter(|f| !matches!(f, Field::Status | Field::PreviousStatus)) else {
        return Err(Outcome::bad_request(field, "not a field of the user form"));
    };
    let text = match f.parent() {
        Some(parent) => format!("{{\"{}\":{{\"{}\":{value}}}}}", parent.as_str(), f.key()),
        None => format!("{{\"{}\":{value}}}", f.as_str()),
    };
    crate::request::decode(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_text_gives_the_draft_the_json_decoder_gives() {
        for field in ["id", "name", "email", "mobile", "altMobile", "extension", "role", "schedule", "timeZone"] {
            for text in ["", " Asha Rao ", "x\u{0}y", "😀"] {
                let direct = text_draft(field, text);
                let decoded = decode_draft(field, &crate::json::quote(text)).ok();
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
