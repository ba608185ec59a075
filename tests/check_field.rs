//! `Engine::check_field`: as-you-type validation gives the same answer as the full op,
//! for the one field being typed.

use roster_rules::{Engine, Op, Policy};
use serde_json::{json, Value};

fn engine() -> Engine {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample-account.json");
    let account = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Engine::new(Policy::default(), account)
}

fn codes(e: &Engine, field: &str, value: Value, target: Option<&str>) -> Vec<&'static str> {
    e.check_field(field, &value, target).codes()
}

#[test]
fn add_form_fields_as_typed() {
    let e = engine();
    assert_eq!(codes(&e, "extension", json!("14"), None), ["extension_taken"]);
    assert_eq!(codes(&e, "extension", json!("16"), None), Vec::<&str>::new());
    assert_eq!(codes(&e, "extension", json!("016"), None), ["extension_invalid"]);
    assert_eq!(codes(&e, "email", json!("BALA@acme.in"), None), ["email_taken"]);
    assert_eq!(codes(&e, "email", json!("bala@"), None), ["email_invalid"]);
    assert_eq!(codes(&e, "mobile", json!("+91 58000 00007"), None), ["mobile_invalid"]);
    assert_eq!(codes(&e, "mobile", json!("98000 00004"), None), ["mobile_taken"]);
    assert_eq!(codes(&e, "name", json!("  "), None), ["required"]);
    assert_eq!(codes(&e, "name", json!("Asha 😀"), None), ["name_invalid"]);
    assert_eq!(codes(&e, "schedule", json!("Mo-Fr 09:00-12:00,11:00-13:00"), None), ["schedule_overlap"]);
    assert_eq!(codes(&e, "webLogin.loginId", json!("bala.iyer"), None), ["login_id_taken"]);
    assert_eq!(codes(&e, "departments", json!(["sales", "nope"]), None), ["department_unknown"]);
}

#[test]
fn edit_form_fields_of_an_existing_user() {
    let e = engine();
    assert!(e.check_field("extension", &json!("13"), Some("u4")).ok, "its own extension is not taken");
    assert_eq!(codes(&e, "extension", json!("14"), Some("u4")), ["extension_taken"]);
    assert_eq!(codes(&e, "mobile", json!("+919800000099"), Some("u4")), ["mobile_immutable"]);
    assert!(e.check_field("mobile", &json!("98000 00004"), Some("u4")).ok, "the same number, written otherwise");
    assert_eq!(codes(&e, "name", json!("x"), Some("nobody")), ["user_unknown"]);
}

#[test]
fn wrong_types_and_unknown_fields_are_bad_requests() {
    let e = engine();
    assert_eq!(codes(&e, "pro", json!("yes"), None), ["bad_request"]);
    assert_eq!(codes(&e, "favouriteColour", json!("blue"), None), ["bad_request"]);
    for field in ["favouriteColour", "pro", "webLogin.loginId"] {
        let out = e.check_field(field, &json!(17), None);
        assert_eq!(out.violations[0].field.as_deref(), Some(field), "the bad_request names {field}");
    }
}

#[test]
fn field_check_agrees_with_the_full_add_check() {
    let e = engine();
    let user = json!({ "name": "Gita Nair", "email": "gita@acme.in", "mobile": "98000 00007", "extension": "14" });
    let op: Op = serde_json::from_value(json!({ "type": "addUser", "actor": "u2", "user": user })).unwrap();
    let full = serde_json::to_value(e.check(&op)).unwrap();
    let ext = serde_json::to_value(e.check_field("extension", &json!("14"), None)).unwrap();
    let from_full: Vec<&Value> =
        full["violations"].as_array().unwrap().iter().filter(|v| v["field"] == "extension").collect();
    assert_eq!(from_full, ext["violations"].as_array().unwrap().iter().collect::<Vec<_>>());
}
