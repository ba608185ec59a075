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
    // All three Pro seats of the sample account are in use.
    assert_eq!(codes(&e, "pro", json!(true), None), ["pro_seat_limit"]);
    assert_eq!(codes(&e, "pro", json!(false), None), Vec::<&str>::new());
}

#[test]
fn edit_form_fields_of_an_existing_user() {
    let e = engine();
    assert!(e.check_field("extension", &json!("13"), Some("u4")).ok, "its own extension is not taken");
    assert_eq!(codes(&e, "extension", json!("14"), Some("u4")), ["extension_taken"]);
    assert_eq!(codes(&e, "mobile", json!("+919800000099"), Some("u4")), ["mobile_immutable"]);
    assert!(e.check_field("mobile", &json!("98000 00004"), Some("u4")).ok, "the same number, written otherwise");
    assert_eq!(codes(&e, "pro", json!(true), Some("u4")), ["pro_seat_limit"], "agent u4 has no seat yet");
    assert!(e.check_field("pro", &json!(true), Some("u1")).ok, "the owner holds a seat already");
    assert_eq!(codes(&e, "name", json!("x"), Some("nobody")), ["user_unknown"]);
}

#[test]
fn wrong_types_and_unknown_fields_are_bad_requests() {
    let e = engine();
    assert_eq!(codes(&e, "pro", json!("yes"), None), ["bad_request"]);
    assert_eq!(codes(&e, "favouriteColour", json!("blue"), None), ["bad_request"]);
    for field in ["favouriteColour", "pro", "webLogin.loginId"] {
        let out = e.check_field(field, &json!(17), None);
        assert_eq!(out.violations[0].field_text().as_deref(), Some(field), "the bad_request names {field}");
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

/// The violations of a full `addUser` (by `$system`, so no permission rule interferes)
/// that sit at `field` or under it.
fn at_field_of_full_add(e: &Engine, user: Value, field: &str) -> Vec<Value> {
    let op: Op = serde_json::from_value(json!({ "type": "addUser", "actor": "$system", "user": user })).unwrap();
    let full = serde_json::to_value(e.check(&op)).unwrap();
    full["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| {
            let f = v["field"].as_str().unwrap_or("");
            f == field || f.starts_with(&format!("{field}.")) || f.starts_with(&format!("{field}["))
        })
        .cloned()
        .collect()
}

/// checkField checks only the typed field (it skips the other required fields), so it
/// must say exactly what the full add check says at that field, for good and bad values
/// of every add-form field.
#[test]
fn field_check_agrees_with_the_full_add_check_for_every_field() {
    let e = engine();
    let cases: Vec<(&str, Vec<Value>)> = vec![
        ("name", vec![json!("Gita Nair"), json!("  "), json!(""), json!("Asha 😀"), json!("a\u{202e}b")]),
        ("email", vec![json!("gita@acme.in"), json!("BALA@acme.in"), json!("bala@"), json!(" ")]),
        ("mobile", vec![json!("98000 00007"), json!("98000 00004"), json!("+91 58000 00007"), json!("")]),
        ("altMobile", vec![json!("98000 00008"), json!("12"), json!(""), Value::Null]),
        ("extension", vec![json!("14"), json!("16"), json!("016"), json!("99999"), json!("")]),
        ("role", vec![json!("agent"), json!("manager"), json!("owner"), json!("boss")]),
        ("pro", vec![json!(true), json!(false)]),
        (
            "schedule",
            vec![json!("Mon-Fri 9am-6pm"), json!("Mo-Fr 09:00-12:00,11:00-13:00"), json!("Mo 25:00"), json!("off")],
        ),
        ("timeZone", vec![json!("Asia/Kolkata"), json!("Mars/Base"), json!("")]),
        ("departments", vec![json!(["sales"]), json!([]), json!(["sales", "nope"])]),
        (
            "webLogin",
            vec![json!({ "loginId": "bala.iyer" }), json!({ "loginId": "x", "allowedIps": ["1.2.3.4", "nope"] })],
        ),
        ("webLogin.loginId", vec![json!("bala.iyer"), json!("gita.nair"), json!("a b")]),
        ("webLogin.password", vec![json!("short"), json!("a-Long-passw0rd")]),
        ("allowedCallerIds", vec![json!(["+911140001234"]), json!(["+911111111111"])]),
        ("reportUsers", vec![json!(["u1"]), json!(["nobody"])]),
    ];
    for (field, values) in cases {
        for value in values {
            let user = match field.split_once('.') {
                Some((top, sub)) => json!({ top: { sub: value.clone() } }),
                None => json!({ field: value.clone() }),
            };
            let want = at_field_of_full_add(&e, user, field);
            let got = serde_json::to_value(e.check_field(field, &value, None)).unwrap();
            assert_eq!(got["violations"].as_array().unwrap(), &want, "{field} = {value}");
        }
    }
}
