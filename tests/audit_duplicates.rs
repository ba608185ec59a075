//! An audit finds every key held twice (RULES §5.8 `audit`), written however the stored
//! rows write it, and the index's count of shared keys, which lets an audit of a clean
//! account skip the lookups, follows every change: apply, upsert and remove.

use proptest::prelude::*;
use roster_rules::{Engine, Op, Outcome, Policy, User};
use serde_json::{json, Value};

fn user(i: usize) -> Value {
    json!({ "id": format!("u{}", i + 1), "name": format!("User {i}"),
        "email": format!("user{i}@acme.in"), "mobile": format!("+9198000{:05}", i),
        "extension": format!("{}", 100 + i), "role": if i == 0 { "owner" } else { "agent" },
        "pro": i == 0, "status": "active", "departments": ["sales"],
        "webLogin": { "loginId": format!("login.{i}") } })
}

/// The same key as `of`'s, written another way where the rule reads it as equal.
fn plant(kind: usize, of: &Value, into: &mut Value) -> (&'static str, &'static str) {
    match kind {
        0 => {
            into["id"] = of["id"].clone();
            ("id", "id_taken")
        }
        1 => {
            into["email"] = json!(of["email"].as_str().unwrap().to_uppercase());
            ("email", "email_taken")
        }
        2 => {
            // +9198000NNNNN stored as 98000 NNNNN: one number.
            let national = &of["mobile"].as_str().unwrap()[3..];
            into["mobile"] = json!(format!("{} {}", &national[..5], &national[5..]));
            ("mobile", "mobile_taken")
        }
        3 => {
            into["extension"] = of["extension"].clone();
            ("extension", "extension_taken")
        }
        _ => {
            into["webLogin"]["loginId"] = json!(of["webLogin"]["loginId"].as_str().unwrap().to_uppercase());
            ("webLogin.loginId", "login_id_taken")
        }
    }
}

fn engine(users: &[Value]) -> Engine {
    let account = json!({ "plan": "enterprise", "proSeats": 1000,
        "extensionRange": { "from": 100, "to": 999 },
        "departments": [ { "id": "sales", "name": "Sales", "routing": "round_robin" } ],
        "users": users });
    Engine::new(Policy::default(), serde_json::from_value(account).unwrap())
}

fn audit(e: &Engine) -> Outcome {
    e.check(&Op::Audit {})
}

/// Whether the audit reports `code` at `field` of the user at account position `at`.
fn reports(o: &Outcome, e: &Engine, at: usize, field: &str, code: &str) -> bool {
    let id = e.users().nth(at).map(|u| u.id.clone());
    o.violations.iter().any(|v| v.code() == code && v.field_text().as_deref() == Some(field) && v.user_id == id)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_planted_duplicate_is_found_and_the_shared_count_follows(
        n in 2usize..24, kind in 0usize..5, a in 0usize..24, b in 0usize..24,
    ) {
        let (first, second) = (a % n, b % n);
        prop_assume!(first != second);
        let (first, second) = (first.min(second), first.max(second));
        let mut users: Vec<Value> = (0..n).map(user).collect();
        let clean = engine(&users);
        prop_assert!(audit(&clean).ok, "{}", audit(&clean).to_json());

        let of = users[first].clone();
        let (field, code) = plant(kind, &of, &mut users[second]);
        let mut e = engine(&users);
        let found = audit(&e);
        prop_assert!(reports(&found, &e, second, field, code), "{field} {code}: {}", found.to_json());

        if kind != 0 {
            // Take the duplicate out and put it back: the count of shared keys follows.
            let row: User = serde_json::from_value(users[second].clone()).unwrap();
            prop_assert!(e.remove_user(&row.id).is_some());
            prop_assert!(audit(&e).ok, "{}", audit(&e).to_json());
            e.upsert_user(row);
            prop_assert!(!audit(&e).ok);
            // Fixed by an apply of the host: clean again.
            let fixed = serde_json::from_value::<User>(user(second)).unwrap();
            let patch = json!({ "type": "editUser", "actor": "$system", "target": fixed.id, "patch": {
                "email": fixed.email, "mobile": fixed.mobile, "extension": fixed.extension,
                "webLogin": { "loginId": fixed.web_login.as_ref().unwrap().login_id } } });
            let op: Op = serde_json::from_value(patch).unwrap();
            let out = e.apply(&op);
            // A mobile never changes on an edit: the mobile pair stays until a replace.
            if kind == 2 {
                prop_assert!(!out.ok);
            } else {
                prop_assert!(out.ok, "{}", out.to_json());
                prop_assert!(audit(&e).ok, "{}", audit(&e).to_json());
            }
        }
    }
}
