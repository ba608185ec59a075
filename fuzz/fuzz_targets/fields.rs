//! Every field validator (RULES §2) on arbitrary text: the typed rules under
//! `roster_rules::rules` and `tz`, and `Engine::check_field` for every user field, as a
//! string, inside a list, and as whatever JSON the text is. No panic; a normalised value
//! is a fixed point of its rule; a password is never echoed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster_rules::rules::{email, extension, ip, name, phone, web_login};
use roster_rules::{tz, Engine, ExtensionRange, Policy};
use serde_json::{json, Value};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let account = serde_json::from_str(include_str!("../common/account.json")).expect("the fixed account");
        Engine::new(Policy::default(), account)
    })
}

/// Paths `check_field` is asked about beyond the form's fields (`ops::FIELDS`): nested
/// login keys, and unknown ones.
const EXTRA_PATHS: [&str; 6] = [
    "webLogin.loginId",
    "webLogin.allowedIps",
    "webLogin.blocked",
    "webLogin.password",
    "nosuchfield",
    "webLogin.nosuchkey",
];

/// Marks a password so that an echo of it is recognisable.
const MARK: &str = "Zq9#pw#";

fuzz_target!(|data: &[u8]| {
    // The first byte picks what `check_field` checks (below); the rest is the text typed.
    let (pick, rest) = data.split_first().map_or((0, data), |(p, r)| (*p, r));
    let text = String::from_utf8_lossy(rest);
    let s: &str = &text;

    if let Ok(n) = name::validate(s) {
        assert_eq!(name::validate(n), Ok(n), "name {s:?}");
        assert!(n.chars().count() <= 100, "name {s:?} too long");
    }
    if let Ok(e) = email::validate(s) {
        assert_eq!(email::validate(e), Ok(e), "email {s:?}");
        assert!(e.is_ascii() && e.len() <= 254 && e.contains('@'), "email {s:?}");
        assert_eq!(email::key(e), email::key(&email::key(e)));
    }
    for country in ["IN", "US", "GB", "AE", "", "ZZ", "in"] {
        if let Ok(m) = phone::normalize(s, country) {
            let digits = m.strip_prefix('+').unwrap_or_else(|| panic!("{s:?} → {m:?} has no +"));
            assert!((7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()), "{s:?} → {m:?}");
            assert!(!digits.starts_with('0'), "{s:?} → {m:?}");
            // E.164 is a fixed point, whatever the default country.
            assert_eq!(phone::normalize(&m, "IN").as_deref(), Ok(m.as_str()), "{s:?} → {m:?} ({country})");
            if let Some(national) = digits.strip_prefix("91") {
                assert!(national.len() == 10 && matches!(national.as_bytes()[0], b'6'..=b'9'), "{s:?} → {m:?}");
            }
        }
    }
    for range in [ExtensionRange { from: 10, to: 99 }, ExtensionRange { from: 0, to: u64::MAX }] {
        if let Ok(n) = extension::check(s, range, |e| e == "42") {
            assert_eq!(n.to_string(), s, "extension {s:?}");
        }
    }
    let _ = ip::is_valid(s);
    if web_login::login_id_ok(s, 6) {
        assert!(s.is_ascii() && s.len() >= 6);
    }
    let policy = Policy::default();
    let _ = web_login::check_password(s, &policy.password, &["asha.rao", "asha", ""]);
    if let Some(zone) = tz::canonical_name(s) {
        assert_eq!(tz::canonical_name(zone), Some(zone), "zone {s:?}");
    }
    if let Some(t) = tz::parse_rfc3339(s) {
        for offset in [0, 19_800, -12_600] {
            let back = tz::format_rfc3339(t, offset);
            // Four-digit years print as they parse; others are outside RFC 3339.
            if back.as_bytes().get(4) == Some(&b'-') {
                assert_eq!(tz::parse_rfc3339(&back), Some(t), "{s:?} → {back:?}");
            }
        }
    }

    let e = engine();
    // The first byte picks the field path and the record (the add form, or the edit
    // form of an agent, of the owner, of no one) it is checked against.
    let targets = [None, Some("u4"), Some("u1"), Some("nobody")];
    let paths: Vec<&str> = roster_rules::Field::ALL.iter().map(|f| f.as_str()).chain(EXTRA_PATHS).collect();
    let path = paths[usize::from(pick) % paths.len()];
    let target = targets[usize::from(pick) / paths.len() % targets.len()];
    let mut values = vec![Value::String(s.to_owned()), json!([s])];
    values.extend(serde_json::from_str::<Value>(s).ok());
    for v in &values {
        let out = e.check_field(path, v, target);
        let json = out.to_json();
        let _ = roster_rules::forms::issues_json(&out, None);
        for v in &out.violations {
            let f = v.field_text().unwrap_or_default();
            let f = f.as_str();
            let at_path = f == path || f.starts_with(&format!("{path}.")) || f.starts_with(&format!("{path}["));
            assert!(at_path || f == "target", "{path}: violation at {f:?}: {json}");
        }
        assert!(json.len() < 64 * 1024, "{path}: {} bytes of Outcome", json.len());
    }
    // A password is never echoed, however it is given.
    let pw = format!("{MARK}{s}");
    for (field, v) in [("webLogin.password", Value::String(pw.clone())), ("webLogin", json!({ "password": pw }))] {
        let json = e.check_field(field, &v, target).to_json();
        assert!(!json.contains(MARK), "password echoed: {json}");
    }
});
