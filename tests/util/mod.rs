//! Shared by the integration tests: the conformance cases and how they are judged.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

/// The repository's own conformance cases (`tests/cases`).
pub fn own_cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// Where extra cases may be: `$ROSTER_CASES`, else `../shared/cases` beside the
/// repository (the upstream copy, which may hold cases newer than ours). Absent is fine.
pub fn extra_cases_dir() -> PathBuf {
    std::env::var_os("ROSTER_CASES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/cases"))
}

fn read_cases(dir: &std::path::Path) -> Vec<(String, Value)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(String, Value)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), json)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every case: the repository's own (`tests/cases`, named by file), then each extra case
/// that is not the same as one of ours (named `extra/<file>`), sorted by name.
pub fn cases() -> Vec<(String, Value)> {
    let mut out = read_cases(&own_cases_dir());
    assert!(out.len() >= 29, "expected the repository's cases in tests/cases, found {}", out.len());
    let extra = read_cases(&extra_cases_dir());
    for (name, case) in extra {
        if !out.iter().any(|(n, c)| *n == name && *c == case) {
            out.push((format!("extra/{name}"), case));
        }
    }
    out
}

fn key(v: &Value) -> (String, Option<String>, Option<u64>) {
    let field = v.get("field").and_then(Value::as_str).map(|f| f.split('[').next().unwrap_or(f).to_owned());
    (v["code"].as_str().unwrap_or("").to_owned(), field, v.get("row").and_then(Value::as_u64))
}

/// The expected list is a multiset of (code, field?, row?), matched against actual
/// violations of one severity; field and row only where the case gives them.
#[track_caller]
fn match_multiset(name: &str, what: &str, expected: &[Value], actual: &[&Value]) {
    let mut left: Vec<(String, Option<String>, Option<u64>)> = actual.iter().map(|v| key(v)).collect();
    for e in expected {
        let (code, field, row) = key(e);
        let pos = left
            .iter()
            .position(|(c, f, r)| *c == code && (field.is_none() || *f == field) && (row.is_none() || *r == row));
        match pos {
            Some(i) => {
                left.remove(i);
            }
            None => panic!("{name}: expected {what} {e} not found in {actual:?}"),
        }
    }
    assert!(left.is_empty(), "{name}: unexpected {what}: {left:?}");
}

/// Judges one Outcome against a case's `expect`, as `tests/cases/README.md` says.
#[track_caller]
pub fn judge(name: &str, expect: &Value, outcome: &Value) {
    assert_eq!(outcome["ok"], expect["ok"], "{name}: ok differs; outcome {outcome}");
    let list = outcome["violations"].as_array().cloned().unwrap_or_default();
    let of = |sev: &str| list.iter().filter(|v| v["severity"] == sev).collect::<Vec<_>>();
    if let Some(e) = expect.get("violations").and_then(Value::as_array) {
        match_multiset(name, "error", e, &of("error"));
    }
    if let Some(w) = expect.get("warnings").and_then(Value::as_array) {
        match_multiset(name, "warning", w, &of("warning"));
    }
    for effect in expect.get("effects").and_then(Value::as_array).into_iter().flatten() {
        let effects = outcome["effects"].as_array().cloned().unwrap_or_default();
        assert!(effects.contains(effect), "{name}: effect {effect} missing in {effects:?}");
    }
    for part in ["user", "schedule"] {
        if let Some(obj) = expect.get(part).and_then(Value::as_object) {
            for (k, v) in obj {
                assert_eq!(&outcome[part][k], v, "{name}: {part}.{k}");
            }
        }
    }
    if let Some(params) = expect.get("params").and_then(Value::as_object) {
        for (code, want) in params {
            let v = list.iter().find(|v| v["code"] == code.as_str()).unwrap_or_else(|| panic!("{name}: no {code}"));
            for (k, val) in want.as_object().unwrap() {
                assert_eq!(&v["params"][k], val, "{name}: params.{k} of {code}");
            }
        }
    }
}

/// The CLI exit code a case expects.
pub fn expected_exit(expect: &Value) -> i32 {
    expect.get("exit").and_then(Value::as_i64).map(|e| e as i32).unwrap_or(if expect["ok"] == true { 0 } else { 1 })
}

/// Runs the `roster` binary with `args`, writing `stdin` to it.
pub fn roster<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The CLI may stop reading early on unusable input; a broken pipe is fine then.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}

/// The account of the guard's tests (`tests/guard.rs`, `tests/attack.rs`): u1 owner, u2
/// admin, u3 manager of Sales, u4 Pro agent in Sales with a panel login (who may see u5's
/// calls), u5 agent in Support, u6 an invited (pending) admin.
pub fn guard_account() -> Value {
    json!({ "plan": "swift", "proSeats": 5,
        "departments": [ { "id": "sales", "name": "Sales Team", "routing": "round_robin" },
                         { "id": "support", "name": "Support", "routing": "sequential" } ],
        "users": [
        { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
          "extension": "10", "role": "owner", "pro": true, "status": "active" },
        { "id": "u2", "name": "Bala Iyer", "email": "bala@acme.in", "mobile": "+919800000002",
          "extension": "11", "role": "admin", "pro": true, "status": "active" },
        { "id": "u3", "name": "Chitra Sen", "email": "chitra@acme.in", "mobile": "+919800000003",
          "extension": "12", "role": "manager", "pro": true, "status": "active", "departments": ["sales"] },
        { "id": "u4", "name": "Dev Patel", "email": "dev@acme.in", "mobile": "+919800000004",
          "extension": "13", "role": "agent", "pro": true, "status": "active", "departments": ["sales"],
          "webLogin": { "loginId": "dev.patel" }, "reportUsers": ["u5"] },
        { "id": "u5", "name": "Esha Khan", "email": "esha@acme.in", "mobile": "+919800000005",
          "extension": "14", "role": "agent", "status": "active", "departments": ["support"] },
        { "id": "u6", "name": "Farah Ali", "email": "farah@acme.in", "mobile": "+919800000006",
          "extension": "15", "role": "admin", "pro": true, "status": "pending" }
    ] })
}

/// An engine on the default policy over `account`.
#[track_caller]
pub fn engine_of(account: Value) -> roster_rules::Engine {
    roster_rules::Engine::new(roster_rules::Policy::default(), serde_json::from_value(account).unwrap())
}

/// An op from its JSON, as a host would send it.
#[track_caller]
pub fn op(v: Value) -> roster_rules::Op {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("op {v}: {e}"))
}

/// `actor` edits `target` with `patch`.
pub fn edit(actor: &str, target: &str, patch: Value) -> roster_rules::Op {
    op(json!({ "type": "editUser", "actor": actor, "target": target, "patch": patch }))
}
