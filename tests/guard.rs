//! The engine as the guard: every hole found by trying the 0.1.0 package as an attacker
//! would (issue 15), each a regression test, through the public API.
//!
//! The account: u1 owner, u2 admin, u3 manager of Sales, u4 Pro agent in Sales with a
//! panel login (who may see u5's calls), u5 agent in Support, u6 an invited (pending)
//! admin.

use roster_rules::{Capability, Engine, Op, Outcome, Status};
use serde_json::{json, Value};

mod util;
use util::{edit, engine_of, guard_account as account, op};

fn engine() -> Engine {
    engine_of(account())
}

#[track_caller]
fn only(o: &Outcome, code: &str) {
    assert_eq!(o.codes(), [code], "{}", o.to_json());
}

// ---------------------------------------------------------------- 1. passwords

#[test]
fn a_manager_sets_no_other_users_password_whatever_else_the_patch_holds() {
    let e = engine();
    for extra in [json!({}), json!({ "blocked": false }), json!({ "loginId": "dev.p" }), json!({ "allowedIps": [] })] {
        let mut login = extra.clone();
        login["password"] = json!("Takeover2024x");
        let o = e.check(&edit("u3", "u4", json!({ "webLogin": login })));
        only(&o, "not_permitted");
        assert_eq!(o.violations[0].param("action").unwrap().text(), "reset_passwords", "{extra}");
        assert!(!o.to_json().contains("Takeover2024x"));
    }
    // editableFields and can say the same.
    let fields = e.check(&op(json!({ "type": "editableFields", "actor": "u3", "target": "u4" })));
    let state = fields.fields.unwrap();
    let password = state.iter().find(|(f, _)| f.as_str() == "webLogin.password").unwrap();
    assert_eq!(password.1.reason(), Some("not_permitted"));
    assert!(!e.can("u3", Capability::ResetPasswords, Some("u4")));
    // The other login fields stay the manager's to edit, and an admin may reset it.
    assert!(e.check(&edit("u3", "u4", json!({ "webLogin": { "blocked": true } }))).ok);
    assert!(e.check(&edit("u2", "u4", json!({ "webLogin": { "password": "Takeover2024x" } }))).ok);
}

// ---------------------------------------------------------------- 2. SSO sub-fields

#[test]
fn sso_managed_sub_fields_are_managed_wherever_they_appear() {
    let mut a = account();
    a["sso"] = json!({ "managedFields": ["webLogin.password"] });
    let e = engine_of(a.clone());
    let o = e.check(&edit("u2", "u4", json!({ "webLogin": { "loginId": "dev.patel", "password": "Secret2024x" } })));
    assert_eq!(o.codes(), ["sso_managed"]);
    assert_eq!(o.violations[0].field_text().as_deref(), Some("webLogin.password"));
    a["sso"] = json!({ "managedFields": ["webLogin.loginId"] });
    let e = engine_of(a.clone());
    let o = e.check(&edit("u2", "u4", json!({ "webLogin": { "loginId": "dev.p2" } })));
    assert_eq!(o.codes(), ["sso_managed"]);
    // Removing the login removes the managed login id: managed too.
    only(&e.check(&edit("u2", "u4", json!({ "webLogin": null }))), "sso_managed");
    // `webLogin` named whole manages each part; the host itself may change them.
    a["sso"] = json!({ "managedFields": ["webLogin"] });
    let e = engine_of(a);
    only(&e.check(&edit("u2", "u4", json!({ "webLogin": { "blocked": true } }))), "sso_managed");
    assert!(e.check(&edit("$system", "u4", json!({ "webLogin": { "blocked": true } }))).ok);
}

// ---------------------------------------------------------------- 3. can agrees

#[test]
fn can_refuses_what_the_ops_refuse() {
    let e = engine();
    assert!(!e.can("u2", Capability::EditUsers, Some("u1")));
    assert!(!e.can("u2", Capability::DeleteUsers, Some("u1")));
    assert!(!e.can("u1", Capability::DeactivateUsers, Some("u1")));
    only(&e.check(&edit("u2", "u1", json!({ "extension": "20" }))), "not_permitted");
    only(&e.check(&op(json!({ "type": "deleteUser", "actor": "u2", "target": "u1" }))), "not_permitted");
    only(&e.check(&op(json!({ "type": "deactivateUser", "actor": "u1", "target": "u1" }))), "self_action");
    // What an admin may do to another admin, and a manager to its own agent.
    assert!(e.can("u2", Capability::EditUsers, Some("u6")));
    assert!(e.can("u3", Capability::EditUsers, Some("u4")));
    assert!(!e.can("u3", Capability::EditUsers, Some("u5")), "Support is not the manager's department");
}

// ---------------------------------------------------------------- 4. ids and references

#[test]
fn deleted_ids_are_never_given_again_and_references_go_with_them() {
    let mut e = engine();
    let o = e.apply(&op(json!({ "type": "deleteUser", "actor": "u1", "target": "u5" })));
    // u5 takes calls in Support: take it out first.
    only(&o, "user_in_routing");
    assert!(e.apply(&edit("u1", "u5", json!({ "departments": [] }))).ok);
    let o = e.apply(&op(json!({ "type": "deleteUser", "actor": "u1", "target": "u5" })));
    assert!(o.ok, "{}", o.to_json());
    // The delete took u5 out of u4's reportUsers, and says so in its changes.
    assert_eq!(e.user("u4").unwrap().report_users.as_deref(), Some(&[][..]));
    let changed: Vec<(String, &str)> = o.changes.iter().map(|c| (c.user_id.clone(), c.field.as_str())).collect();
    assert!(changed.contains(&("u4".into(), "reportUsers")), "{changed:?}");
    // The next user is not u5 (nor u6, nor any id given before).
    let added = e.apply(&op(json!({ "type": "addUser", "actor": "u1", "user": { "name": "Gita Nair",
        "email": "gita@acme.in", "mobile": "9800000007", "extension": "16", "departments": ["sales"] } })));
    assert!(added.ok, "{}", added.to_json());
    assert_eq!(added.user.unwrap().id, "u7");
    // Deleting the newest user does not free its id either.
    assert!(e.apply(&edit("u1", "u7", json!({ "departments": [] }))).ok);
    assert!(e.apply(&op(json!({ "type": "deleteUser", "actor": "u1", "target": "u7" }))).ok);
    let next = e.check(&op(json!({ "type": "addUser", "actor": "u1", "user": { "name": "Hari Das",
        "email": "hari@acme.in", "mobile": "9800000008", "extension": "16", "departments": ["sales"] } })));
    assert_eq!(next.user.unwrap().id, "u8");
    assert_eq!(e.account().next_user_number, Some(8));
}

// ---------------------------------------------------------------- 5. invitations

#[test]
fn deactivating_and_reactivating_keeps_an_invitation_an_invitation() {
    let mut e = engine();
    assert!(e.apply(&op(json!({ "type": "deactivateUser", "actor": "u1", "target": "u6" }))).ok);
    assert!(e.apply(&op(json!({ "type": "reactivateUser", "actor": "u1", "target": "u6" }))).ok);
    assert_eq!(e.user("u6").unwrap().status, Status::Pending);
    // So the pending admin is no active admin: the owner is still the last but one.
    assert!(e.apply(&op(json!({ "type": "deactivateUser", "actor": "u1", "target": "u2" }))).ok);
    only(&e.check(&edit("$system", "u1", json!({ "role": "agent" }))), "last_admin");
    // An active user goes back to active.
    assert!(e.apply(&op(json!({ "type": "reactivateUser", "actor": "u1", "target": "u2" }))).ok);
    assert_eq!(e.user("u2").unwrap().status, Status::Active);
}

// ---------------------------------------------------------------- 6. reportUsers

#[test]
fn report_users_name_only_users_whose_calls_the_actor_may_see() {
    let e = engine();
    for named in ["u1", "u2"] {
        let o = e.check(&edit("u3", "u4", json!({ "reportUsers": ["u5", named] })));
        only(&o, "not_permitted");
        assert_eq!(o.violations[0].param("action").unwrap().text(), "view_reports");
    }
    // A user of the manager's own department, and the manager itself, are fine.
    let o = e.check(&edit("u3", "u4", json!({ "reportUsers": ["u5", "u3"] })));
    assert!(o.ok, "{}", o.to_json());
    // An admin sees everyone's.
    assert!(e.check(&edit("u2", "u4", json!({ "reportUsers": ["u1", "u2"] }))).ok);
    assert!(!e.can("u3", Capability::ViewReports, Some("u1")));
}

// ---------------------------------------------------------------- 7. permission first

#[test]
fn permission_comes_first_for_the_whole_op() {
    let mut a = account();
    a["proSeats"] = json!(4);
    let e = engine_of(a);
    // Replacing oneself, every seat in use: self_action, not pro_seat_limit.
    only(
        &e.check(&op(json!({ "type": "replaceUser", "actor": "u2", "target": "u2", "mobile": "9800000099" }))),
        "self_action",
    );
    // A manager's import: a bad email on row 3, an admin on row 4: only the refusal.
    let csv = "name,email,mobile,extension,role,pro,schedule,departments\n\
               Gita Nair,gita@acme.in,9800000007,16,agent,,,sales\n\
               Hari Das,not-an-email,9800000008,17,agent,,,sales\n\
               Indu Roy,indu@acme.in,9800000009,18,admin,yes,,sales\n";
    let o = e.check(&op(json!({ "type": "importUsers", "actor": "u3", "csv": csv })));
    only(&o, "role_escalation");
    assert_eq!(o.violations[0].row, Some(4));
    // Its message says the real limit: agents only, into Sales Team (RULES §2).
    assert_eq!(
        o.violations[0].text(None).0,
        "Managers add and edit agents only, in their own departments: Sales Team."
    );
    // A row into another department is refused the same way, with its row.
    let csv = "name,email,mobile,extension,departments
Gita Nair,gita@acme.in,9800000007,16,sales
               Hari Das,x,9800000008,17,support
";
    let o = e.check(&op(json!({ "type": "importUsers", "actor": "u3", "csv": csv })));
    only(&o, "not_permitted");
    assert_eq!(o.violations[0].row, Some(3));
}

// ---------------------------------------------------------------- replaceUser

#[test]
fn replace_carries_every_setting_and_applies_all_or_nothing() {
    let mut a = account();
    a["callerIds"] = json!(["+911140001234"]);
    a["users"][3]["altMobile"] = json!("+919800000044");
    a["users"][3]["timeZone"] = json!("Asia/Kolkata");
    a["users"][3]["allowedCallerIds"] = json!(["+911140001234"]);
    a["users"][3]["schedule"] = json!("Mo-Fr 09:00-18:00");
    a["users"][3]["webLogin"] = json!({ "loginId": "dev.patel", "allowedIps": ["203.0.113.0/24"] });
    let mut e = engine_of(a);
    let o = e.apply(&op(json!({ "type": "replaceUser", "actor": "u2", "target": "u4", "mobile": "98000 00099" })));
    assert!(o.ok, "{}", o.to_json());
    let new = o.user.clone().unwrap();
    assert_eq!(new.id, "u7");
    assert_eq!(new.mobile, "+919800000099", "the new mobile, normalised");
    let stored = e.user("u7").unwrap();
    for (field, want) in [
        ("name", json!("Dev Patel")),
        ("email", json!("dev@acme.in")),
        ("extension", json!("13")),
        ("role", json!("agent")),
        ("pro", json!(true)),
        ("schedule", json!("Mo-Fr 09:00-18:00")),
        ("timeZone", json!("Asia/Kolkata")),
        ("departments", json!(["sales"])),
        ("altMobile", json!("+919800000044")),
        ("webLogin", json!({ "loginId": "dev.patel", "allowedIps": ["203.0.113.0/24"], "blocked": false })),
        ("allowedCallerIds", json!(["+911140001234"])),
        ("reportUsers", json!(["u5"])),
    ] {
        assert_eq!(serde_json::to_value(stored).unwrap()[field], want, "{field}");
    }
    let old = e.user("u4").unwrap();
    assert_eq!(old.status, Status::Deactivated);
    assert_eq!(old.email, "dev+old@acme.in");
    assert_eq!(old.web_login.as_ref().unwrap().login_id, "dev.patel.old");
    assert!(old.departments.is_empty());
    // The plan is the ops an admin would take by hand, each passing on its own.
    let plan = o.plan.unwrap();
    let mut by_hand = engine_of(account_with_dev_settings());
    for step in &plan {
        assert!(by_hand.apply(step).ok, "{step:?}");
    }
}

fn account_with_dev_settings() -> Value {
    let mut a = account();
    a["callerIds"] = json!(["+911140001234"]);
    a["users"][3]["altMobile"] = json!("+919800000044");
    a["users"][3]["timeZone"] = json!("Asia/Kolkata");
    a["users"][3]["allowedCallerIds"] = json!(["+911140001234"]);
    a["users"][3]["schedule"] = json!("Mo-Fr 09:00-18:00");
    a["users"][3]["webLogin"] = json!({ "loginId": "dev.patel", "allowedIps": ["203.0.113.0/24"] });
    a
}

#[test]
fn a_failed_replace_has_no_plan_and_changes_nothing() {
    let mut e = engine();
    let before = e.account();
    // The new mobile is u5's.
    let o = e.apply(&op(json!({ "type": "replaceUser", "actor": "u2", "target": "u4", "mobile": "+919800000005" })));
    assert_eq!(o.codes(), ["mobile_taken"]);
    assert!(o.plan.is_none() && o.user.is_none());
    assert_eq!(e.account(), before);
}

#[test]
fn the_only_owner_can_be_replaced_and_stays_active_until_the_new_one_signs_in() {
    let account = json!({ "plan": "swift", "proSeats": 2, "users": [
        { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
          "extension": "10", "role": "owner", "pro": true, "status": "active" }] });
    let mut e = engine_of(account);
    let o = e.apply(&op(json!({ "type": "replaceUser", "actor": "$system", "target": "u1", "mobile": "9800000099" })));
    assert!(o.ok, "{}", o.to_json());
    // The plan ends with an active owner: the old one, now on an alias.
    assert_eq!(e.user("u1").unwrap().status, Status::Active);
    assert_eq!(e.user("u2").unwrap().role, roster_rules::Role::Owner);
    assert!(e.check(&Op::Audit {}).ok);
}

#[test]
fn a_pro_agent_is_replaced_even_when_every_seat_is_in_use() {
    // Five Pro users (u6's invitation among them), five seats.
    let mut e = engine();
    assert_eq!(e.check(&edit("u2", "u5", json!({ "pro": true }))).codes(), ["pro_seat_limit"]);
    let o = e.apply(&op(json!({ "type": "replaceUser", "actor": "u2", "target": "u4", "mobile": "9800000099" })));
    assert!(o.ok, "{}", o.to_json());
    assert!(!e.user("u4").unwrap().pro, "the old user gave its seat up");
    assert!(e.user("u7").unwrap().pro);
}

// ---------------------------------------------------------------- bounded answers

#[test]
fn a_row_of_half_a_million_unknown_departments_is_a_bounded_answer() {
    let deps = "x;".repeat(500_000);
    let csv = format!("name,email,mobile,extension,departments\nGita Nair,gita@acme.in,9800000007,16,{deps}\n");
    let o = engine().check(&op(json!({ "type": "importUsers", "actor": "u1", "csv": csv })));
    assert_eq!(o.violations.len(), 1000 + 1);
    let last = o.violations.last().unwrap();
    assert_eq!(last.code(), "too_many_violations");
    assert_eq!(last.param("omitted").unwrap().text(), (500_000 - 1000).to_string());
    assert!(o.to_json().len() < 1_000_000, "{} bytes", o.to_json().len());
}

#[test]
fn ten_thousand_caller_ids_are_checked_each_once() {
    let mut a = account();
    a["callerIds"] = json!((0..1000).map(|i| format!("+9111400{i:05}")).collect::<Vec<_>>());
    let e = engine_of(a);
    let ids: Vec<String> = (0..10_000).map(|i| format!("+9111400{:05}", i % 2000)).collect();
    let o = e.check(&edit("u2", "u4", json!({ "allowedCallerIds": ids })));
    // Half name numbers the account does not own: each its own place, capped.
    assert_eq!(o.codes().iter().filter(|c| **c == "caller_id_unknown").count(), 1000);
    assert_eq!(o.codes().last(), Some(&"too_many_violations"));
}

#[test]
fn an_outcome_keeps_one_violation_per_field() {
    let mut a = account();
    a["sso"] = json!({ "managedFields": ["name"] });
    let o = engine_of(a).check(&edit("u2", "u4", json!({ "name": "😀" })));
    assert_eq!(o.codes(), ["sso_managed"], "the field's own error is not repeated under it");
}
