//! The JSON request decoder on arbitrary bytes (as UTF-8, invalid sequences replaced),
//! then `check` and `apply` of the decoded op. No panic; a decoding error is one
//! `bad_request`; `check` and `apply` give the same Outcome and a rejected op changes
//! nothing; an ok op on a clean account leaves it clean (audit); a password is never
//! echoed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster_rules::request::{apply_json, check_json, decode};
use roster_rules::{Op, Request};

/// A password whose appearance in an Outcome can only be an echo: it is not in the
/// request without it, and it has a character no derived text (messages, normalised
/// mobiles, canonical schedules, `…` of a cut echo) can contain.
fn telltale(op: &Op) -> Option<&str> {
    let draft = match op {
        Op::AddUser { user, .. } => user,
        Op::EditUser { patch, .. } => patch,
        _ => return None,
    };
    let p = draft.web_login.as_ref()?.as_ref()?.password.as_deref()?;
    (p.chars().count() >= 4 && !p.is_ascii() && !p.contains('…')).then_some(p)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let req = match decode::<Request>(&text) {
        Ok(r) => r,
        Err(o) => {
            assert!(!o.ok && o.is_bad_request() && o.violations.len() == 1, "{}", o.to_json());
            assert_eq!(check_json(&text).to_json(), o.to_json());
            return;
        }
    };
    let engine = req.engine();
    let checked = engine.check(&req.op);
    let mut after = engine.clone();
    let applied = after.apply(&req.op);
    let json = checked.to_json();
    assert_eq!(json, applied.to_json(), "check and apply disagree");
    assert_eq!(check_json(&text).to_json(), json, "check_json differs from the Engine");
    let (outcome, account) = apply_json(&text);
    assert_eq!(outcome.to_json(), json, "apply_json differs from the Engine");
    assert_eq!(account, Some(after.account()), "apply_json's account differs");
    if !applied.ok {
        assert_eq!(after.account(), engine.account(), "a rejected op changed the account");
    } else if engine.check(&Op::Audit {}).ok {
        let audit = after.check(&Op::Audit {});
        assert!(audit.ok, "an ok {:?} broke a clean account: {}", req.op, audit.to_json());
    }
    let _ = roster_rules::forms::issues_json(&checked, None);
    if let Some(p) = telltale(&req.op) {
        let without = serde_json::to_string(&req).unwrap_or_default();
        if !without.contains(p) {
            assert!(!json.contains(p), "password echoed: {json}");
            let account = serde_json::to_string(&after.account()).unwrap_or_default();
            assert!(!account.contains(p), "password stored: {account}");
        }
    }
});
