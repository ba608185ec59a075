//! The binding layer (src/wasm.rs) in Node, through wasm-bindgen-test:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!  cargo test --target wasm32-unknown-unknown --test wasm` (scripts/test runs it).
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use roster_rules::wasm::{parse_schedule, WasmEngine};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const ACCOUNT: &str = r#"{"plan":"swift","proSeats":3,"users":[
  {"id":"u1","name":"Asha Rao","email":"asha@acme.in","mobile":"+919800000001","extension":"10","role":"owner","pro":true,"status":"active"},
  {"id":"u2","name":"Dev Patel","email":"dev@acme.in","mobile":"+919800000004","extension":"13","timeZone":"America/New_York","schedule":"Mo-Fr 09:00-17:00","departments":["support"],"status":"active"}]}"#;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn text(v: &JsValue) -> String {
    String::from(JSON::stringify(v).unwrap())
}

fn engine() -> WasmEngine {
    WasmEngine::new(&js(ACCOUNT), &JsValue::UNDEFINED, &JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn check_returns_the_same_json_as_the_core() {
    let op = r#"{"type":"addUser","actor":"u1","user":{"name":"Gita","email":"gita@acme.in","mobile":"9800000007","extension":"10"}}"#;
    let native = roster_rules::request::check_json(&format!(r#"{{"account":{ACCOUNT},"op":{op}}}"#)).to_json();
    assert_eq!(text(&engine().check(&js(op))), native);
}

#[wasm_bindgen_test]
fn a_string_op_is_json_text_and_garbage_is_bad_request() {
    let e = engine();
    let audit = text(&e.check(&JsValue::from_str(r#"{"type":"parseSchedule","text":"24/7"}"#)));
    assert!(audit.starts_with(r#"{"ok":true"#), "{audit}");
    for bad in [JsValue::NULL, JsValue::from_f64(1.5), JsValue::from_str("{"), js(r#"{"type":"audit","x":1}"#)] {
        let out = text(&e.check(&bad));
        assert!(out.contains(r#""code":"bad_request""#), "{out}");
    }
}

#[wasm_bindgen_test]
fn constructor_error_carries_the_outcome_with_the_full_path() {
    let err = match WasmEngine::new(&js(r#"{"plan":"nano","users":{}}"#), &JsValue::UNDEFINED, &JsValue::UNDEFINED) {
        Ok(_) => panic!("a map of users must be refused"),
        Err(e) => e,
    };
    assert_eq!(text(&Reflect::get(&err, &"name".into()).unwrap()), r#""RosterError""#);
    let outcome = text(&Reflect::get(&err, &"outcome".into()).unwrap());
    assert!(outcome.contains(r#""field":"account.users""#), "{outcome}");
}

#[wasm_bindgen_test]
fn apply_keeps_the_account_in_wasm_memory() {
    let mut e = engine();
    let op = js(
        r#"{"type":"addUser","actor":"u1","user":{"name":"Gita","email":"gita@acme.in","mobile":"9800000007","extension":"11"}}"#,
    );
    assert!(text(&e.apply(&op)).starts_with(r#"{"ok":true"#));
    assert!(text(&e.account()).contains("+919800000007"));
    let again = text(&e.check_field("extension", &"11".into(), None));
    assert!(again.contains("extension_taken"), "{again}");
}

#[wasm_bindgen_test]
fn check_field_takes_js_values_of_every_type() {
    let e = engine();
    assert!(text(&e.check_field("pro", &JsValue::TRUE, None)).starts_with(r#"{"ok":true"#));
    assert!(text(&e.check_field("webLogin.allowedIps", &js(r#"["1.2.3.4","x"]"#), None)).contains("allowedIps[1]"));
    assert!(text(&e.check_field("extension", &JsValue::from_f64(11.0), None)).contains("bad_request"));
}

#[wasm_bindgen_test]
fn time_zones_come_from_intl_and_follow_dst() {
    // 14:30Z is 09:30 in New York on 9 March 2026 (EDT) but 09:30 is 14:30Z only in summer;
    // on 6 March (EST) 13:30Z is 08:30, before the schedule opens.
    assert_eq!(roster_rules::tz::offset_at("America/New_York", 1_773_063_000), Some(-4 * 3600));
    assert_eq!(roster_rules::tz::offset_at("America/New_York", 1_772_803_800), Some(-5 * 3600));
    assert_eq!(roster_rules::tz::offset_at("Asia/Kolkata", 0), Some(19_800));
    assert_eq!(roster_rules::tz::offset_at("Not/AZone", 0), None);
    let e = engine();
    let open = text(&e.check(&js(r#"{"type":"reachable","target":"u2","at":"2026-03-09T13:30:00Z"}"#)));
    assert!(open.starts_with(r#"{"ok":true"#), "{open}");
    let closed = text(&e.check(&js(r#"{"type":"reachable","target":"u2","at":"2026-03-06T13:30:00Z"}"#)));
    assert!(closed.contains("outside_schedule"), "{closed}");
}

#[wasm_bindgen_test]
fn messages_and_form_issues() {
    let mut e = engine();
    e.set_messages(&js(r#"{"extension_taken":{"message":"besetzt: {extension}"}}"#)).unwrap();
    assert!(text(&e.check_field("extension", &"10".into(), None)).contains("besetzt: 10"));
    assert!(e.set_messages(&JsValue::from_f64(3.0)).is_err());
    let issues = text(&e.form_issues(&js(r#"{"type":"addUser","actor":"u1"}"#), &js(r#"{"extension":"10"}"#)));
    assert!(issues.contains(r#""path":["extension"],"code":"extension_taken""#), "{issues}");
    assert_eq!(text(&e.form_issues(&js(r#"{"type":"editUser","actor":"u1","target":"u2"}"#), &js("{}"))), "null");
    assert!(text(&parse_schedule("Mon-Fri 9am-6pm")).contains("Mo-Fr 09:00-18:00"));
}
