//! Every conformance case (`tests/cases`, plus any new ones in `../shared/cases`) through
//! the native engine and the `roster` CLI; the
//! two Outcomes must be identical, byte for byte.

mod util;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn native(request: &Value) -> Value {
    let outcome = roster_rules::request::check_json(&request.to_string());
    serde_json::from_str(&outcome.to_json()).unwrap()
}

fn cli(request: &Value) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(["check", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(request.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code().unwrap())
}

#[test]
fn every_case_native() {
    for (name, case) in util::cases() {
        util::judge(&name, &case["expect"], &native(&case["request"]));
    }
}

#[test]
fn every_case_cli_matches_native_byte_for_byte() {
    for (name, case) in util::cases() {
        let (stdout, code) = cli(&case["request"]);
        let expected = roster_rules::request::check_json(&case["request"].to_string()).to_json();
        assert_eq!(stdout.trim_end(), expected, "{name}: CLI and native differ");
        assert_eq!(code, util::expected_exit(&case["expect"]), "{name}: exit code");
        util::judge(&name, &case["expect"], &serde_json::from_str(&stdout).unwrap());
    }
}
