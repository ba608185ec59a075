//! Hostile input through the `roster` binary (RULES §8): invalid UTF-8 on stdin, in a
//! file and in an argument, a 10 MB request, deeply nested JSON, a 100,000-row CSV file.
//! Always exit 1 (violations) or 2 (`bad_request`) with an Outcome on stdout, never a
//! crash (101, or killed by a signal), and the password never on stdout or stderr.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::process::Output;

use serde_json::{json, Value};

mod util;
use util::roster;

const PASSWORD: &str = "Tr0ub4dor-kesTrel9";

/// Checks the run ended with `exit` (1 or 2, so no crash and no signal), printed one
/// JSON Outcome, kept the password off both streams; returns the Outcome.
#[track_caller]
fn judged(o: &Output, exit: i32) -> Value {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(exit), "status {:?}, stderr {stderr:.2000}", o.status);
    let stdout = String::from_utf8(o.stdout.clone()).expect("the CLI prints UTF-8");
    for text in [&stdout[..], &stderr[..]] {
        assert!(!text.contains(PASSWORD), "password echoed: {text:.2000}");
    }
    assert!(stderr.is_empty(), "{stderr:.2000}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout:.2000}"))
}

fn codes(v: &Value) -> Vec<&str> {
    v["violations"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect()
}

#[track_caller]
fn assert_bad_request(v: &Value, path: &str) {
    assert_eq!(codes(v), ["bad_request"], "{v:.2000}");
    assert_eq!(v["violations"][0]["params"]["path"], path, "{v:.2000}");
}

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample-account.json")
}

fn sample() -> Value {
    serde_json::from_str(&std::fs::read_to_string(sample_path()).unwrap()).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roster-cli-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn add_request(user: Value) -> Value {
    json!({ "account": sample(), "op": { "type": "addUser", "actor": "u2", "user": user } })
}

fn gita() -> Value {
    json!({ "name": "Gita Nair", "email": "gita@acme.in", "mobile": "98000 00007", "extension": "16",
            "departments": ["sales"], "webLogin": { "loginId": "gita.nair", "password": PASSWORD } })
}

#[test]
fn invalid_utf8_on_stdin_is_a_bad_request() {
    let valid = add_request(gita()).to_string();
    // A stray byte in the middle of a request that carries the password.
    let at = valid.find("Gita Nair").unwrap() + 4;
    let mut broken = valid.as_bytes().to_vec();
    broken.insert(at, 0xff);
    let inputs: [&[u8]; 4] = [&broken, b"\xff\xfe{}", b"\xc3(", b"{\"account\": \"\xed\xa0\x80\"}"];
    for input in inputs {
        for cmd in ["check", "apply"] {
            let v = judged(&roster(&[cmd, "--json"], input), 2);
            assert_bad_request(if cmd == "apply" { &v["outcome"] } else { &v }, "");
            if cmd == "apply" {
                // The same shape as for any unusable request.
                assert_eq!(v["account"], Value::Null);
            }
        }
        // Text output too.
        let o = roster(&["check"], input);
        assert_eq!(o.status.code(), Some(2));
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(text.contains("bad_request") && !text.contains(PASSWORD), "{text}");
    }
    // An escaped lone surrogate is valid UTF-8 but no string: named where it is.
    let mut user = gita();
    user["name"] = json!("@@");
    let text = add_request(user).to_string().replace("@@", "\\ud800");
    let v = judged(&roster(&["check", "--json"], text.as_bytes()), 2);
    assert_bad_request(&v, "op.user.name");
}

#[test]
fn invalid_utf8_in_files_and_arguments_is_a_bad_request_or_a_violation() {
    let bad_csv = temp_file("bad.csv", b"name,email,mobile,extension\nG\xffita,g@acme.in,9800000007,16\n");
    let sample = sample_path();
    let args = [sample.as_os_str(), bad_csv.as_os_str()];
    let v = judged(
        &roster(
            &[OsStr::new("import"), args[0], args[1], OsStr::new("--actor"), OsStr::new("u1"), OsStr::new("--json")],
            b"",
        ),
        2,
    );
    assert_bad_request(&v, "");
    let bad_account = temp_file("bad-account.json", b"{\"plan\":\"swift\xff\",\"users\":[]}");
    let v = judged(&roster(&[OsStr::new("audit"), bad_account.as_os_str(), OsStr::new("--json")], b""), 2);
    assert_bad_request(&v, "");
    // Arguments are bytes on Unix: a schedule with a stray byte, a file name that is
    // not UTF-8. (`std::env::args` panicked on both: exit 101.)
    let v = judged(&roster(&[OsStr::new("schedule"), OsStr::from_bytes(b"Mo\xff 9-5"), OsStr::new("--json")], b""), 1);
    assert_eq!(codes(&v), ["schedule_invalid"]);
    assert_eq!(v["violations"][0]["params"]["offset"], 2);
    let v = judged(
        &roster(&[OsStr::new("audit"), OsStr::from_bytes(b"/nonexistent/\xff.json"), OsStr::new("--json")], b""),
        2,
    );
    assert_bad_request(&v, "");
    let v = judged(&roster(&[OsStr::from_bytes(b"\xff"), OsStr::new("--json")], b""), 2);
    assert_bad_request(&v, "");
}

#[test]
fn ten_megabyte_request_is_the_fields_violations() {
    let huge = "7".repeat(10 * 1024 * 1024);
    let mut user = gita();
    for key in ["name", "email", "mobile", "extension", "schedule"] {
        user[key] = json!("@@HUGE@@");
    }
    let text = add_request(user).to_string().replace("@@HUGE@@", &huge);
    for cmd in ["check", "apply"] {
        let o = roster(&[cmd, "--json"], text.as_bytes());
        assert!(o.stdout.len() < 64 * 1024, "{} bytes out", o.stdout.len());
        let v = judged(&o, 1);
        let outcome = if cmd == "apply" { &v["outcome"] } else { &v };
        assert_eq!(
            codes(outcome),
            ["name_invalid", "email_invalid", "mobile_invalid", "extension_invalid", "schedule_invalid"]
        );
        if cmd == "apply" {
            // A rejected op changes nothing.
            let users = v["account"]["users"].as_array().unwrap();
            assert_eq!(users.len(), 6);
            assert!(!v["account"].to_string().contains("gita"));
        }
    }
    // 10 MB of something that is not JSON, and 10 MB of white space.
    let v = judged(&roster(&["check", "--json"], huge.replace('7', "x").as_bytes()), 2);
    assert_bad_request(&v, "");
    let v = judged(&roster(&["check", "--json"], " ".repeat(10 * 1024 * 1024).as_bytes()), 2);
    assert_bad_request(&v, "");
    // A 10 MB password where a boolean goes: refused, not echoed.
    let mut user = gita();
    user["pro"] = json!(format!("{PASSWORD}{}", "x".repeat(10 * 1024 * 1024)));
    let v = judged(&roster(&["check", "--json"], add_request(user).to_string().as_bytes()), 2);
    assert_bad_request(&v, "op.user.pro");
    // The longest argument Linux passes (128 KB) as a schedule.
    let v = judged(&roster(&["schedule", &"9".repeat(128 * 1024 - 1), "--json"], b""), 1);
    assert_eq!(codes(&v), ["schedule_invalid"]);
    assert_eq!(v["violations"][0]["params"], json!({ "offset": 1024, "reason": "too_long", "near": null }));
}

#[test]
fn deeply_nested_json_is_a_bad_request() {
    let deep = "[".repeat(100_000);
    for cmd in ["check", "apply"] {
        let v = judged(&roster(&[cmd, "--json"], deep.as_bytes()), 2);
        assert_eq!(codes(if cmd == "apply" { &v["outcome"] } else { &v }), ["bad_request"]);
    }
    let v = judged(&roster(&["check", "--json"], "{\"a\":".repeat(100_000).as_bytes()), 2);
    assert_bad_request(&v, "a");
    let account = sample().to_string();
    let name = format!(r#"{{"account":{account},"op":{{"type":"addUser","actor":"u2","user":{{"name":{deep}"#);
    let v = judged(&roster(&["check", "--json"], name.as_bytes()), 2);
    assert_bad_request(&v, "op.user.name");
    // Nested where a password goes, after a password: the password is not echoed.
    let pw = format!(
        r#"{{"account":{account},"op":{{"type":"addUser","actor":"u2","user":{{"name":"{PASSWORD}","webLogin":{{"password":{deep}"#
    );
    let v = judged(&roster(&["check", "--json"], pw.as_bytes()), 2);
    assert_bad_request(&v, "op.user.webLogin.password");
    // As an account file.
    let file = temp_file("deep.json", format!(r#"{{"plan":"swift","users":{deep}"#).as_bytes());
    let v = judged(&roster(&[OsStr::new("audit"), file.as_os_str(), OsStr::new("--json")], b""), 2);
    assert_eq!(codes(&v), ["bad_request"]);
    assert!(v["violations"][0]["params"]["path"].as_str().unwrap().starts_with("users"), "{v}");
}

#[test]
fn hundred_thousand_row_csv_file_is_too_many_rows() {
    let mut csv = String::from("name,email,mobile,extension,role,pro,schedule,departments\n");
    for i in 0..100_000 {
        csv.push_str(&format!("User {i},user{i}@acme.in,+1212{i:07},{},agent,no,24/7,sales\n", 1000 + i));
    }
    let file = temp_file("100k.csv", csv.as_bytes());
    let account = sample_path();
    let args = [OsStr::new("import"), account.as_os_str(), file.as_os_str(), OsStr::new("--actor"), OsStr::new("u1")];
    let v = judged(&roster(&[&args[..], &[OsStr::new("--json")]].concat(), b""), 1);
    assert_eq!(codes(&v), ["too_many_rows"]);
    assert_eq!(v["violations"][0]["params"], json!({ "max": 5000 }));
    // Text output names the code.
    let o = roster(&args, b"");
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("error too_many_rows") && text.ends_with("not ok\n"), "{text:.500}");

    // Through `check`, with the CSV inside the JSON request.
    let req = json!({ "account": sample(), "op": { "type": "importUsers", "actor": "u1", "csv": csv } });
    let v = judged(&roster(&["check", "--json"], req.to_string().as_bytes()), 1);
    assert_eq!(codes(&v), ["too_many_rows"]);
}

#[test]
fn nul_and_bidi_characters_and_wrong_types_through_the_cli() {
    let mut user = gita();
    user["name"] = json!("Gita\u{202E}Nair");
    user["email"] = json!("gi\u{0}ta@acme.in");
    user["extension"] = json!("1\u{200B}6");
    user["webLogin"]["password"] = json!(format!("{PASSWORD}\u{0}\u{202E}"));
    let v = judged(&roster(&["check", "--json"], add_request(user).to_string().as_bytes()), 1);
    assert_eq!(codes(&v), ["name_invalid", "email_invalid", "extension_invalid"]);
    // A raw NUL byte in the JSON text (not escaped) is not JSON.
    let raw = add_request(gita()).to_string().replace("Gita Nair", "Gita\0Nair");
    let v = judged(&roster(&["check", "--json"], raw.as_bytes()), 2);
    assert_bad_request(&v, "op.user.name");
    // Numbers where strings go and the other way round.
    let mut user = gita();
    user["extension"] = json!(16);
    let v = judged(&roster(&["check", "--json"], add_request(user).to_string().as_bytes()), 2);
    assert_bad_request(&v, "op.user.extension");
    let mut user = gita();
    user["webLogin"]["password"] = json!(123_456_789);
    let v = judged(&roster(&["check", "--json"], add_request(user).to_string().as_bytes()), 2);
    assert_bad_request(&v, "op.user.webLogin.password");
    assert!(!v.to_string().contains("123456789"));
    let mut account = sample();
    account["proSeats"] = json!("3");
    let file = temp_file("string-seats.json", account.to_string().as_bytes());
    let v = judged(&roster(&[OsStr::new("audit"), file.as_os_str(), OsStr::new("--json")], b""), 2);
    assert_bad_request(&v, "proSeats");
}
