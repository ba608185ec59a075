//! The `roster` command line as a person or a script meets it: subcommands, text and
//! JSON output, exit codes, and hostile input.

use std::path::PathBuf;
use std::process::Output;

use serde_json::{json, Value};

mod util;
use util::roster;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample-account.json")
}

fn sample_account() -> Value {
    serde_json::from_str(&std::fs::read_to_string(sample()).unwrap()).unwrap()
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roster-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn schedule_prints_canonical_and_week() {
    let o = roster(&["schedule", "Mon-Fri", "9am-6pm"], b"");
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("Mo-Fr 09:00-18:00\n"), "{text}");
    assert!(text.contains("  Su  closed"), "{text}");
}

#[test]
fn schedule_error_exits_1_with_offset() {
    let o = roster(&["schedule", "Mo-Fr 09:00-25:00", "--json"], b"");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"][0]["code"], "schedule_invalid");
    assert_eq!(v["violations"][0]["params"]["offset"], 12);
}

#[test]
fn apply_prints_outcome_and_changed_account() {
    let req = json!({ "account": sample_account(), "op": { "type": "deactivateUser", "actor": "u1", "target": "u6" } });
    let o = roster(&["apply", "--json"], req.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["outcome"]["ok"], true);
    let u6 = v["account"]["users"].as_array().unwrap().iter().find(|u| u["id"] == "u6").unwrap();
    assert_eq!(u6["status"], "deactivated");
    assert_eq!(
        v["outcome"]["changes"][0],
        json!({ "userId": "u6", "field": "status", "from": "pending", "to": "deactivated" })
    );
}

#[test]
fn apply_rejected_leaves_account_as_it_was() {
    let req = json!({ "account": sample_account(), "op": { "type": "deactivateUser", "actor": "u2", "target": "u1" } });
    let o = roster(&["apply", "--json"], req.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["outcome"]["violations"][0]["code"], "not_permitted");
    let account: roster_rules::Account = serde_json::from_value(v["account"].clone()).unwrap();
    let mut before: roster_rules::Account = serde_json::from_value(sample_account()).unwrap();
    // The account as given, with the number its next fresh id will take (u1…u6: u7).
    before.next_user_number = Some(7);
    assert_eq!(account, before);
}

#[test]
fn audit_of_sample_account_is_clean_and_of_broken_one_flags_users() {
    let sample = sample();
    let o = roster(&["audit", sample.to_str().unwrap()], b"");
    assert_eq!((o.status.code(), stdout(&o).trim()), (Some(0), "ok"));

    let mut broken = sample_account();
    broken["users"][5]["extension"] = json!("10");
    broken["users"][5]["email"] = json!("ASHA@acme.in");
    let path = temp_file("broken.json", &broken.to_string());
    let o = roster(&["audit", path.to_str().unwrap(), "--json"], b"");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let found: Vec<(String, String)> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["code"].as_str().unwrap().to_owned(), x["userId"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(found, [("email_taken".to_owned(), "u6".to_owned()), ("extension_taken".to_owned(), "u6".to_owned())]);
}

#[test]
fn import_reports_rows_and_needs_an_actor() {
    let csv = temp_file(
        "users.csv",
        "name,email,mobile,extension\nHari Das,hari@acme.in,9800000020,20\nBad,bad@,9800000021,21\n",
    );
    let sample = sample();
    let o = roster(&["import", sample.to_str().unwrap(), csv.to_str().unwrap(), "--actor", "u2", "--json"], b"");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["violations"][0]["code"], "email_invalid");
    assert_eq!(v["violations"][0]["row"], 3);

    let o = roster(&["import", sample.to_str().unwrap(), csv.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unusable_input_exits_2_with_bad_request() {
    for input in [
        &b"not json"[..],
        b"",
        b"{\"account\":{\"plan\":\"nano\",\"users\":[]},\"op\":{\"type\":\"fly\"}}",
        b"\xff\xfe{}",
    ] {
        let o = roster(&["check", "--json"], input);
        assert_eq!(o.status.code(), Some(2), "{input:?}");
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["violations"][0]["code"], "bad_request");
    }
    assert_eq!(roster(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(roster(&["--help"], b"").status.code(), Some(0));
}

#[test]
fn hostile_input_is_a_violation_not_a_crash() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let mut account = sample_account();
    account["users"][3]["schedule"] = json!(huge);
    let req = json!({ "account": account, "op": { "type": "addUser", "actor": "u2", "user": {
        "name": format!("{huge}\u{202E}"), "email": huge, "mobile": "\u{0}98000", "extension": huge,
        "webLogin": { "loginId": "gita.nair", "password": "hunter2-secret-\u{202E}" } } } });
    let o = roster(&["check", "--json"], req.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.len() < 64 * 1024, "the Outcome echoes huge input: {} bytes", out.len());
    assert!(!out.contains("hunter2"), "password echoed");
    let v: Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = v["violations"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    for code in ["name_invalid", "email_invalid", "mobile_invalid", "extension_invalid"] {
        assert!(codes.contains(&code), "{code} missing in {codes:?}");
    }

    let deep = "[".repeat(100_000);
    let o = roster(&["check", "--json"], deep.as_bytes());
    assert_eq!(o.status.code(), Some(2));

    let password_where_bool_goes = json!({ "account": sample_account(), "op": { "type": "addUser", "actor": "u2",
        "user": { "name": "G", "pro": "hunter2-secret" } } });
    let o = roster(&["check", "--json"], password_where_bool_goes.to_string().as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(!stdout(&o).contains("hunter2"), "{}", stdout(&o));
}
