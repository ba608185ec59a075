//! Inputs the fuzz targets (fuzz/, `scripts/fuzz`) crashed on, each kept with the
//! outcome it must have now.

use roster_rules::ops::schedule_outcome;
use roster_rules::schedule::{Reason, Schedule, ScheduleErrorKind};
use roster_rules::{Engine, Op, Policy};
use serde_json::json;

/// `fuzz/artifacts/schedule/crash-763fb00c…`: 1015 characters of friendly text whose
/// canonical form (`;` → `; `, `fr\f` → `Fr`) is longer than the 1024-character cap, so
/// the canonical string did not parse again (RULES §4: it must).
const CANONICAL_OVER_CAP: [&str; 20] = [
    "mo\u{b}\u{b},Mo-We\u{c}\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};f",
    "r\u{c};fr\u{c}\u{c}\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo\u{c}\u{c}\u{c};fr\u{c};Mo-We\u{c}\u{c}",
    ";Mo;fr\u{c};fr;Mo;fr\u{c}\u{c}\u{c};fr\u{c};mo\u{b}\u{c}\u{c},Mo-We\u{c}\u{c}\u{b},Mo-We\u{c}\u{c}",
    ";Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr;Mo;fr\u{c}",
    ";fr\u{c};fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};Mo-We\u{c}\u{c};Mo;fr\u{c};f",
    "r;Mo;fr\u{c};fr\u{c};fr\u{c}\u{c}\u{c};mo\u{b}\u{c}\u{c},Mo-We\u{c}\u{c};Mo\u{c};fr;Mo;fr\u{c};f",
    "r;Mo;fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo",
    "-We\u{c}\u{c}\u{b},Mo-We\u{c}\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};mo",
    "\u{c}\u{c},Mo-We\u{c};Mo\u{c};fr;Mo;fr\u{c};fr;Mo;fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c}",
    ";fr\u{c};fr;Mo;fr-We\u{c}\u{c};Mo\u{c};fr;Mo;fr\u{c};fr;Mo;fr\u{c};Mo;fr\u{c}\u{c}\u{c};fr;Mo;fr",
    "\u{c};fr\u{c};fr\u{c};Mo\u{c}\u{c}\u{c};fr\u{c};Mo-We\u{c}\u{c};Mo;fr\u{c};fr;Mo;fr\u{c}\u{c}\u{c}",
    ";fr\u{c};mo\u{b}\u{c}\u{c},Mo-We\u{c}\u{c}\u{b},Mo-We\u{c}\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}",
    ";fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo;fr\u{c};fr;",
    "Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};Mo-We\u{c}\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c}\u{c}",
    "\u{c};mo\u{b}\u{c}\u{c},Mo-We\u{c}\u{c};Mo\u{c};fr;Mo;fr\u{c};fr;Mo;fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c}",
    ";fr\u{c}\u{c}\u{c};fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c};Mo-We\u{c}\u{c}\u{b},Mo-We\u{c}\u{c};Mo",
    ";fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};mo\u{c}\u{c},Mo-We\u{c};Mo\u{c};fr;Mo;f",
    "r\u{c};fr;Mo;fr\u{c};Mo;fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};fr;Mo;fr-We\u{c}\u{c};Mo",
    "\u{c};fr;Mo;fr\u{c};fr\u{c};fr;Mo;fr\u{c};fr\u{c}\u{c}\u{c};fr\u{c};fr;Mo;fr\u{c};fr\u{c};fr\u{c}",
    ";Mo-We\u{c}\u{c}\u{b};mo\u{b}\u{b},Mo\u{c}\u{c}\u{c};fr,Mo",
];

#[track_caller]
fn too_long_at(text: &str, offset: usize) {
    let err = Schedule::parse(text).unwrap_err();
    assert_eq!((err.kind, err.offset), (ScheduleErrorKind::Invalid(Reason::TooLong), offset), "{text:?}");
    let out = schedule_outcome(text);
    assert_eq!(out.codes(), ["schedule_invalid"]);
    let v: serde_json::Value = serde_json::from_str(&out.to_json()).unwrap();
    assert_eq!(v["violations"][0]["params"], json!({ "offset": offset, "reason": "too_long", "near": null }));
    assert_eq!(v["schedule"], serde_json::Value::Null);
}

#[test]
fn schedule_whose_canonical_form_is_over_the_cap_is_too_long() {
    let text = CANONICAL_OVER_CAP.concat();
    assert_eq!(text.chars().count(), 1015);
    too_long_at(&text, 1015);
}

#[test]
fn schedule_cap_holds_for_the_canonical_form_on_both_sides_of_the_boundary() {
    // `Mo;` prints as `Mo; `: 256 rules print as 1022 characters, 257 as 1026.
    let fits = "Mo;".repeat(256);
    let s = Schedule::parse(&fits).unwrap();
    let canonical = s.canonical();
    assert_eq!(canonical.chars().count(), 1022);
    let again = Schedule::parse(&canonical).unwrap();
    assert_eq!((again.canonical(), again.weekly()), (canonical.clone(), s.weekly()));
    too_long_at(&"Mo;".repeat(257), 771);
    // Friendly times grow too: `1am-2am` is `01:00-02:00`.
    let times = "Mo 1am-2am;".repeat(80);
    assert_eq!(times.chars().count(), 880);
    too_long_at(&times, 880);
}

#[test]
fn schedule_over_the_cap_in_canonical_form_is_refused_on_add_not_stored() {
    let account = serde_json::from_value(json!({ "plan": "nano", "proSeats": 1, "users": [
        { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
          "extension": "10", "role": "owner", "pro": true, "status": "active" } ] }))
    .unwrap();
    let mut engine = Engine::new(Policy::default(), account);
    let op: Op = serde_json::from_value(json!({ "type": "addUser", "actor": "u1", "user": {
        "name": "Bala Iyer", "email": "bala@acme.in", "mobile": "9800000002", "extension": "11",
        "schedule": CANONICAL_OVER_CAP.concat() } }))
    .unwrap();
    let out = engine.apply(&op);
    assert_eq!(out.codes(), ["schedule_invalid", "no_department"]);
    assert_eq!(out.violations[0].field_text().as_deref(), Some("schedule"));
    assert_eq!(engine.account().users.len(), 1);
    // Before the fix the add went through and the audit then flagged the stored schedule.
    assert!(engine.check(&Op::Audit {}).ok);
}
