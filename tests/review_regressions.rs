//! Regressions from the review of the core: each test failed before its fix.

use roster_rules::request::check_json;
use roster_rules::{Engine, Op, Policy};
use serde_json::{json, Value};

fn account() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample-account.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn run(account: Value, op: Value) -> Value {
    serde_json::from_str(&check_json(&json!({ "account": account, "op": op }).to_string()).to_json()).unwrap()
}

fn codes(o: &Value) -> Vec<String> {
    o["violations"].as_array().unwrap().iter().map(|v| v["code"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn empty_patch_by_a_stranger_is_not_permitted_and_shows_nothing() {
    for actor in ["u4", "u5"] {
        let o = run(account(), json!({ "type": "editUser", "actor": actor, "target": "u1", "patch": {} }));
        assert_eq!(codes(&o), ["not_permitted"], "actor {actor}");
        assert_eq!(o["user"], Value::Null);
    }
    let own = run(account(), json!({ "type": "editUser", "actor": "u3", "target": "u3", "patch": {} }));
    assert_eq!(own["ok"], true);
}

#[test]
fn bad_request_detail_never_echoes_escaped_strings_or_numbers() {
    for patch in [
        json!({ "webLogin": "Pa\"ss9secretword" }),
        json!({ "webLogin": { "password": 123456789 } }),
        json!({ "lastLogin": "secretword9" }),
    ] {
        let o = run(account(), json!({ "type": "editUser", "actor": "u1", "target": "u4", "patch": patch }));
        let text = o.to_string();
        assert_eq!(codes(&o), ["bad_request"]);
        assert!(!text.contains("secretword") && !text.contains("123456789"), "{text}");
    }
    // A key is a name of the schema or a mistake in one: it is named, with the keys known.
    let o = run(account(), json!({ "type": "editUser", "actor": "u1", "target": "u4", "patch": { "lastLogin": 1 } }));
    assert_eq!(o["violations"][0]["field"], "op.patch.lastLogin");
    assert!(o["violations"][0]["params"]["detail"].as_str().unwrap().ends_with("allowedCallerIds, reportUsers"));
}

#[test]
fn manager_cannot_set_an_agents_password() {
    let mut a = account();
    a["users"][5]["webLogin"] = json!({ "loginId": "farah.ali" });
    let o = run(
        a,
        json!({ "type": "editUser", "actor": "u3", "target": "u6", "patch": { "webLogin": { "password": "Newpass123" } } }),
    );
    assert_eq!(codes(&o), ["not_permitted"]);
    assert_eq!(o["violations"][0]["params"]["action"], "reset_passwords");
}

#[test]
fn stored_mobile_written_loosely_is_not_a_change() {
    let mut a = account();
    a["users"][3]["mobile"] = json!("98000 00004");
    let o =
        run(a, json!({ "type": "editUser", "actor": "u1", "target": "u4", "patch": { "mobile": "+919800000004" } }));
    assert_eq!(o["ok"], true, "{o}");
}

#[test]
fn extension_suggestion_is_found_without_walking_the_range() {
    let users: Vec<Value> = (0..10_000)
        .map(|i| json!({ "id": format!("u{i}"), "name": "N", "email": format!("n{i}@x.in"),
            "mobile": format!("+9198{i:08}"), "extension": format!("{}", 10 + i), "role": if i == 0 { "owner" } else { "agent" },
            "pro": i == 0, "status": "active" }))
        .collect();
    let account = serde_json::from_value(
        json!({ "plan": "enterprise", "extensionRange": { "from": 10, "to": 999_999 }, "users": users }),
    )
    .unwrap();
    let e = Engine::new(Policy::default(), account);
    let op: Op = serde_json::from_value(json!({ "type": "addUser", "actor": "u0", "user": {
        "name": "G", "email": "g@x.in", "mobile": "9700000000", "extension": "10" } }))
    .unwrap();
    let o = e.check(&op);
    assert_eq!(o.violations[0].param("suggestion").map(|p| p.text()).as_deref(), Some("10010"));
}

#[test]
fn denied_replace_shows_no_plan() {
    let o = run(account(), json!({ "type": "replaceUser", "actor": "u4", "target": "u1", "mobile": "9700000000" }));
    assert_eq!(codes(&o), ["not_permitted"]);
    assert!(o.get("plan").is_none(), "{o}");
}

#[test]
fn csv_line_of_commas_is_refused_early() {
    let csv = format!("name,email,mobile,extension\n{}\n", ",".repeat(1_000_000));
    let o = run(account(), json!({ "type": "importUsers", "actor": "u1", "csv": csv }));
    assert_eq!(codes(&o), ["csv_invalid"]);
    assert_eq!(o["violations"][0]["params"]["reason"], "wrong_field_count");
    assert_eq!(o["violations"][0]["row"], 2);
}
