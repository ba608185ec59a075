//! The second attacker's pass over the guard (an outside review of issue 15's engine):
//! each way found around a rule, each unbounded cost and each wrong answer, as a
//! regression test through the public API.
//!
//! The account: u1 owner, u2 admin, u3 manager of Sales, u4 Pro agent in Sales with a
//! panel login (who may see u5's calls), u5 agent in Support, u6 an invited admin.

use roster_rules::json::{read, Lenient};
use roster_rules::{Account, Engine, Op, Outcome, Request};
use serde_json::{json, Value};

mod util;
use util::{edit, engine_of, guard_account as account, op};

fn engine() -> Engine {
    engine_of(account())
}

fn add(actor: &str, user: Value) -> Op {
    op(json!({ "type": "addUser", "actor": actor, "user": user }))
}

fn gita(k: u32) -> Value {
    json!({ "name": format!("Gita {k}"), "email": format!("gita{k}@acme.in"),
        "mobile": format!("+9198000001{k:02}"), "extension": format!("{}", 40 + k), "departments": ["sales"] })
}

#[track_caller]
fn only(o: &Outcome, code: &str) {
    assert_eq!(o.codes(), [code], "{}", o.to_json());
}

#[track_caller]
fn param(o: &Outcome, key: &str) -> String {
    o.violations[0].param(key).map(|p| p.text()).unwrap_or_default()
}

// ---------------------------------------------------------------- ids

#[test]
fn only_the_host_chooses_a_new_users_id() {
    let mut e = engine();
    for actor in ["u1", "u2", "u3"] {
        let mut user = gita(1);
        user["id"] = json!("u999999999999999999");
        let o = e.check(&add(actor, user));
        only(&o, "not_permitted");
        assert_eq!(param(&o, "reason"), "ids_given_by_host", "{actor}");
        assert_eq!(o.violations[0].field.as_ref().unwrap().to_string(), "id");
    }
    // The id the engine would give anyway is no choice (a replace plan's step names it).
    let mut user = gita(1);
    user["id"] = json!("u7");
    assert!(e.apply(&add("u3", user)).ok);
    // The host may choose one.
    let mut user = gita(2);
    user["id"] = json!("crm-42");
    assert!(e.apply(&add("$system", user)).ok);
    assert!(e.user("crm-42").is_some());
}

#[test]
fn a_deleted_users_id_is_never_taken_again_even_by_the_host() {
    let mut e = engine();
    assert!(e.apply(&edit("u1", "u4", json!({ "reportUsers": null }))).ok);
    assert!(e.apply(&edit("u1", "u5", json!({ "departments": [] }))).ok);
    assert!(e.apply(&op(json!({ "type": "deleteUser", "actor": "u1", "target": "u5" }))).ok);
    let mut user = gita(1);
    user["id"] = json!("u5");
    let o = e.check(&add("$system", user.clone()));
    only(&o, "id_taken");
    assert_eq!(param(&o, "reason"), "retired");
    let (message, _) = o.violations[0].text(None);
    assert!(message.contains("never reused"), "{message}");
    // The same after the host forgets a user it deleted itself.
    e.remove_user("u4");
    user["id"] = json!("u4");
    only(&e.check(&add("$system", user)), "id_taken");
}

#[test]
fn fresh_ids_stay_unique_past_every_u64_the_host_gives() {
    let mut e = engine();
    // The largest id the counter can pass.
    let mut user = gita(1);
    user["id"] = json!("u18446744073709551614");
    assert!(e.apply(&add("$system", user)).ok);
    let o = e.apply(&add("u1", gita(2)));
    assert!(o.ok, "{}", o.to_json());
    assert_eq!(o.user.as_ref().unwrap().id, "u18446744073709551615");
    // The counter is spent: the next add is refused, never given a taken id.
    let o = e.check(&add("u1", gita(3)));
    only(&o, "id_taken");
    // Every id is still held once.
    let account = e.account();
    let mut ids: Vec<&str> = account.users.iter().map(|u| u.id.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn an_id_past_eighteen_digits_still_moves_the_counter() {
    let mut e = engine();
    let mut user = gita(1);
    user["id"] = json!("u1000000000000000000");
    assert!(e.apply(&add("$system", user)).ok);
    let o = e.apply(&add("u1", gita(2)));
    assert_eq!(o.user.as_ref().unwrap().id, "u1000000000000000001");
}

// ---------------------------------------------------------------- SSO

#[test]
fn a_managed_status_is_the_identity_providers_in_every_op() {
    let mut a = account();
    a["sso"] = json!({ "managedFields": ["status"] });
    let e = engine_of(a);
    for t in ["deactivateUser", "reactivateUser"] {
        let o = e.check(&op(json!({ "type": t, "actor": "u2", "target": "u4" })));
        only(&o, "sso_managed");
    }
    // Replacing deactivates the old user: the same field.
    let o = e.check(&op(json!({ "type": "replaceUser", "actor": "u2", "target": "u4", "mobile": "9800000099" })));
    assert!(o.codes().contains(&"sso_managed"), "{}", o.to_json());
    // The host may.
    assert!(e.check(&op(json!({ "type": "deactivateUser", "actor": "$system", "target": "u4" }))).ok);
}

#[test]
fn a_misspelt_sso_setting_is_refused_even_from_a_lenient_row() {
    let mut a = account();
    a["sso"] = json!({ "managed_fields": ["email"] });
    let text = a.to_string();
    let err = read::<Lenient<Account>>(&text, false).unwrap_err();
    assert_eq!(roster_rules::Path::Json(err.path.clone()).to_string(), "sso.managed_fields", "{err:?}");
    a["sso"] = json!({ "managedFields": ["Email"] });
    let err = read::<Lenient<Account>>(&a.to_string(), false).unwrap_err();
    assert_eq!(roster_rules::Path::Json(err.path.clone()).to_string(), "sso.managedFields[0]", "{err:?}");
    // A row's own column is still skipped.
    a["sso"] = json!({ "managedFields": ["email"] });
    a["createdAt"] = json!("2026-12-04");
    assert!(read::<Lenient<Account>>(&a.to_string(), false).is_ok());
}

// ---------------------------------------------------------------- sign-in takeover

#[test]
fn moving_a_pro_users_sign_in_is_a_password_reset() {
    let e = engine();
    for patch in [json!({ "email": "chitra.private@gmail.com" }), json!({ "webLogin": { "loginId": "chitra.p" } })] {
        let o = e.check(&edit("u3", "u4", patch.clone()));
        only(&o, "not_permitted");
        assert_eq!(param(&o, "action"), "reset_passwords", "{patch}");
        // An admin may; so may the manager for an agent with no Pro.
        assert!(e.check(&edit("u2", "u4", patch)).ok);
    }
    let mut a = account();
    a["users"][4]["departments"] = json!(["sales"]);
    let e = engine_of(a);
    assert!(e.check(&edit("u3", "u5", json!({ "email": "esha.k@acme.in" }))).ok);
}

#[test]
fn replacing_a_deactivated_user_needs_the_right_to_reactivate() {
    let mut e = engine();
    assert!(e.apply(&edit("u1", "u4", json!({ "reportUsers": null }))).ok);
    assert!(e.apply(&op(json!({ "type": "deactivateUser", "actor": "u1", "target": "u4" }))).ok);
    let o = e.check(&op(json!({ "type": "replaceUser", "actor": "u3", "target": "u4", "mobile": "9800000099" })));
    only(&o, "not_permitted");
    assert_eq!(param(&o, "action"), "reactivate_users");
    assert!(e.check(&op(json!({ "type": "replaceUser", "actor": "u1", "target": "u4", "mobile": "9800000099" }))).ok);
}

// ---------------------------------------------------------------- lists

#[test]
fn an_ok_op_never_stores_less_than_it_was_sent() {
    let e = engine();
    let ips: Vec<String> = (0..1500).map(|i| format!("10.0.{}.{}", i / 256, i % 256)).collect();
    let o = e.check(&edit("u1", "u4", json!({ "webLogin": { "allowedIps": ips } })));
    only(&o, "too_many_items");
    assert_eq!(o.violations[0].field.as_ref().unwrap().to_string(), "webLogin.allowedIps");
    assert_eq!(param(&o, "max"), "1000");
    // A thousand is fine, and a long list of repeats counts each once.
    let ips: Vec<String> = (0..1000).map(|i| format!("10.0.{}.{}", i / 256, i % 256)).collect();
    assert!(e.check(&edit("u1", "u4", json!({ "webLogin": { "allowedIps": ips } }))).ok);
    let repeats = vec!["sales"; 5000];
    assert!(e.check(&edit("u1", "u4", json!({ "departments": repeats }))).ok);
}

#[test]
fn violations_past_the_cap_are_counted_not_kept() {
    let e = engine();
    let unknown: Vec<String> = (0..200_000).map(|i| format!("d{i}")).collect();
    let o = e.check(&edit("u1", "u4", json!({ "departments": unknown })));
    assert_eq!(o.violations.len(), 1001);
    let last = o.violations.last().unwrap();
    assert_eq!(last.code(), "too_many_violations");
    // 200,000 unknown + 1 for the list's length, less the 1,000 kept.
    assert_eq!(last.param("omitted").unwrap().text(), "199001");
}

// ---------------------------------------------------------------- managers' cost

#[test]
fn a_manager_in_many_departments_is_judged_by_sets_not_by_pairs() {
    // Answers (not timings: benches measure those) for lists long enough to take the
    // sorted path on both sides.
    let mut a = account();
    let departments: Vec<Value> = (0..3000)
        .map(|i| json!({ "id": format!("d{i}"), "name": format!("D {i}"), "routing": "sequential" }))
        .collect();
    a["departments"] = Value::Array(departments);
    let own: Vec<String> = (0..2000).map(|i| format!("d{i}")).collect();
    a["users"][2]["departments"] = json!(own);
    a["users"][3]["departments"] = json!(["d5", "d1999"]);
    let e = engine_of(a);
    let mut user = gita(1);
    user["departments"] = json!(vec!["d1500"; 40_000]);
    let o = e.check(&add("u3", user.clone()));
    assert!(!o.codes().contains(&"not_permitted"), "{}", o.to_json());
    user["departments"] = json!([vec!["d1500"; 20_000], vec![" d2500 "]].concat());
    let o = e.check(&add("u3", user));
    only(&o, "not_permitted");
    assert_eq!(param(&o, "reason"), "outside_departments");
    // Editing: adding one of its own departments is the manager's; one of another's is not.
    let keep: Vec<String> = (0..30).map(|i| format!("d{i}")).collect();
    assert!(!e.check(&edit("u3", "u4", json!({ "departments": keep }))).codes().contains(&"not_permitted"));
    only(&e.check(&edit("u3", "u4", json!({ "departments": ["d5", "d1999", "d2999"] }))), "not_permitted");
}

// ---------------------------------------------------------------- imports

#[test]
fn an_import_refused_names_adding_users() {
    let e = engine();
    let csv = "name,email,mobile,extension\nGita,gita@acme.in,9800000100,40\n";
    let o = e.check(&op(json!({ "type": "importUsers", "actor": "u4", "csv": csv })));
    only(&o, "not_permitted");
    assert_eq!(param(&o, "action"), "add_users");
    // A file of headers adds no one, so invites no one.
    let o = e.check(&op(json!({ "type": "importUsers", "actor": "u1", "csv": "name,email,mobile,extension\n" })));
    assert!(o.ok && o.effects.is_empty(), "{}", o.to_json());
}

// ---------------------------------------------------------------- answers

#[test]
fn hints_name_only_steps_that_can_be_taken() {
    // Every seat in use: Farah (pending admin) needs hers, so the hint names no one.
    let mut a = account();
    a["proSeats"] = json!(5);
    let e = engine_of(a.clone());
    let mut user = gita(1);
    user["pro"] = json!(true);
    let o = e.check(&add("u1", user.clone()));
    only(&o, "pro_seat_limit");
    let hint = o.violations[0].text(None).1.unwrap_or_default();
    assert!(!hint.contains("Farah"), "{hint}");
    // A pending Pro agent is named.
    a["users"][4]["pro"] = json!(true);
    a["users"][4]["status"] = json!("pending");
    a["users"][3]["pro"] = json!(false);
    a["users"][3]["webLogin"] = Value::Null;
    let e = engine_of(a);
    let o = e.check(&add("u1", user));
    only(&o, "pro_seat_limit");
    let hint = o.violations[0].text(None).1.unwrap_or_default();
    assert!(hint.contains("Esha Khan"), "{hint}");
}

#[test]
fn no_suggested_extension_is_zero() {
    let mut a = account();
    a["extensionRange"] = json!({ "from": 0, "to": 99 });
    let e = engine_of(a);
    let mut user = gita(1);
    user["extension"] = json!("10");
    let o = e.check(&add("u1", user));
    only(&o, "extension_taken");
    assert_eq!(param(&o, "suggestion"), "1");
}

#[test]
fn numbers_past_javascripts_exact_range_are_text_in_params() {
    let e = engine();
    let o = e.check(&op(json!({ "type": "seatRequest", "count": 9_007_199_254_740_993u64 })));
    assert!(!o.ok);
    let v = &o.violations[0];
    let users = v.param("users").unwrap();
    let (message, _) = v.text(None);
    assert!(message.contains(&users.text()), "{message} / {}", users.text());
    assert!(!message.contains(" ."), "{message}");
}

#[test]
fn rfc3339_dates_are_four_two_two() {
    use roster_rules::tz::parse_rfc3339;
    assert!(parse_rfc3339("2026-12-04T09:00:00Z").is_some());
    for bad in ["10000-01-1T00:00:00Z", "0000-01-01T00:00:00Z", "2026-1-04T09:00:00Z", "+026-12-04T09:00:00Z"] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
}

#[test]
fn the_decoder_takes_json_and_nothing_else() {
    let request = |op: &str| format!(r#"{{"account":{},"op":{op}}}"#, account());
    let refused = |text: String| roster_rules::request::decode::<Request>(&text).is_err();
    assert!(!refused(request(r#"{"type":"seatRequest","count":2}"#)));
    assert!(refused(request(r#"{"type":"seatRequest","count":02}"#)));
    assert!(refused(request(r#"{"type":"seatRequest","count":"\u+031"}"#)));
    // A row's own column is skipped, but only if it is JSON.
    let row = |x: &str| read::<Lenient<Account>>(&format!(r#"{{"plan":"nano","users":[],"x":{x}}}"#), false);
    assert!(row("-1.5e+3").is_ok());
    for bad in ["-", "1.", "+1", "01", "1e", "--1"] {
        assert!(row(bad).is_err(), "{bad}");
    }
    let nope = roster_rules::request::decode::<Request>(&request(r#"{"type":"seatRequest","count":nope}"#));
    let text = nope.unwrap_err().to_json();
    assert!(!text.contains("found null"), "{text}");
}
