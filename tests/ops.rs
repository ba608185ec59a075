//! Public-API tests of the ops that the shared conformance cases cover thinly:
//! editUser, the user life cycle, replaceUser, reachable, editableFields, audit,
//! importUsers, seatRequest, passwordReset and bad requests.
//!
//! Expectations are taken from RULES §1–§6, not from the implementation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use roster_rules::request::check_json;
use roster_rules::{Account, Engine, Op, Outcome, Policy};
use serde_json::{json, Value};

mod util;
use util::{edit, op};

// ---------------------------------------------------------------------------------------
// Fixture and helpers
// ---------------------------------------------------------------------------------------

/// The shared cases' account: owner u1, admin u2, manager u3 (sales), agent u4 (support,
/// Mo-Fr 09:00-18:00), u5 deactivated, u6 pending in sales; plan swift, 3 Pro seats (all used).
fn fixture() -> Value {
    json!({
        "plan": "swift",
        "proSeats": 3,
        "extensionRange": { "from": 10, "to": 99 },
        "timeZone": "Asia/Kolkata",
        "callerIds": ["+911140001234", "+912240005678"],
        "departments": [
            { "id": "sales", "name": "Sales", "routing": "round_robin" },
            { "id": "support", "name": "Support", "routing": "sequential" }
        ],
        "users": [
            { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
              "extension": "10", "role": "owner", "pro": true, "status": "active",
              "schedule": "24/7", "departments": [] },
            { "id": "u2", "name": "Bala Iyer", "email": "bala@acme.in", "mobile": "+919800000002",
              "extension": "11", "role": "admin", "pro": true, "status": "active",
              "schedule": "24/7", "departments": ["sales"] },
            { "id": "u3", "name": "Chitra Sen", "email": "chitra@acme.in", "mobile": "+919800000003",
              "extension": "12", "role": "manager", "pro": true, "status": "active",
              "schedule": "24/7", "departments": ["sales"],
              "webLogin": { "loginId": "chitra.sen" } },
            { "id": "u4", "name": "Dev Patel", "email": "dev@acme.in", "mobile": "+919800000004",
              "extension": "13", "role": "agent", "pro": false, "status": "active",
              "schedule": "Mo-Fr 09:00-18:00", "departments": ["support"] },
            { "id": "u5", "name": "Esha Khan", "email": "esha@acme.in", "mobile": "+919800000005",
              "extension": "14", "role": "agent", "pro": false, "status": "deactivated",
              "schedule": "24/7", "departments": [] },
            { "id": "u6", "name": "Farah Ali", "email": "farah@acme.in", "mobile": "+919800000006",
              "extension": "15", "role": "agent", "pro": false, "status": "pending",
              "schedule": "24/7", "departments": ["sales"] }
        ]
    })
}

/// The fixture's user `id`, for changing it before the engine is built.
#[track_caller]
fn user_mut<'a>(account: &'a mut Value, id: &str) -> &'a mut Value {
    account["users"]
        .as_array_mut()
        .expect("users")
        .iter_mut()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("no user {id} in the fixture"))
}

#[track_caller]
fn engine_from(policy: Value, account: Value) -> Engine {
    let policy: Policy = serde_json::from_value(policy).expect("policy");
    let account: Account = serde_json::from_value(account).expect("account");
    Engine::new(policy, account)
}

#[track_caller]
fn engine_of(account: Value) -> Engine {
    engine_from(json!({}), account)
}

fn engine() -> Engine {
    engine_of(fixture())
}

fn act(kind: &str, actor: &str, target: &str) -> Op {
    op(json!({ "type": kind, "actor": actor, "target": target }))
}

#[track_caller]
fn to_json(o: &Outcome) -> Value {
    serde_json::to_value(o).expect("outcome serialises")
}

/// Codes of the error-severity violations, sorted.
fn errors(o: &Outcome) -> Vec<&'static str> {
    let mut v: Vec<_> =
        o.violations.iter().filter(|v| v.severity == roster_rules::Severity::Error).map(|v| v.code()).collect();
    v.sort_unstable();
    v
}

/// Asserts `ok` and the exact (sorted) multiset of error codes.
#[track_caller]
fn assert_errors(o: &Outcome, expected: &[&str]) {
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(errors(o), want, "outcome: {}", o.to_json());
    assert_eq!(o.ok, expected.is_empty(), "ok; outcome: {}", o.to_json());
}

/// Asserts the outcome is exactly one violation with `code` (a permission denial).
#[track_caller]
fn assert_only(o: &Outcome, code: &str) {
    assert!(!o.ok, "expected {code}; outcome: {}", o.to_json());
    assert_eq!(o.codes(), [code], "outcome: {}", o.to_json());
}

/// The serialised violation with `code` (the first one).
#[track_caller]
fn violation(o: &Outcome, code: &str) -> Value {
    let j = to_json(o);
    j["violations"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("no {code} in {j}"))
}

#[track_caller]
fn effects(o: &Outcome) -> Vec<String> {
    to_json(o)["effects"]
        .as_array()
        .expect("effects")
        .iter()
        .map(|e| e.as_str().expect("effect name").to_owned())
        .collect()
}

#[track_caller]
fn stored<'a>(e: &'a Engine, id: &str) -> &'a roster_rules::User {
    e.user(id).unwrap_or_else(|| panic!("no user {id}"))
}

// ---------------------------------------------------------------------------------------
// editUser
// ---------------------------------------------------------------------------------------

#[test]
fn edit_admin_cannot_make_owner() {
    let o = engine().check(&edit("u2", "u4", json!({ "role": "owner", "pro": true })));
    assert_only(&o, "role_escalation");
    let v = violation(&o, "role_escalation");
    assert_eq!(v["field"], "role");
    assert_eq!(v["params"]["role"], "owner");
}

#[test]
fn edit_admin_can_make_admin() {
    // Same rank is not an escalation; but Pro needs a seat (all 3 are used).
    let o = engine().check(&edit("u2", "u4", json!({ "role": "admin", "pro": true })));
    assert_errors(&o, &["pro_seat_limit"]);
}

#[test]
fn edit_manager_edits_agent_of_own_department() {
    let mut e = engine();
    let o = e.apply(&edit("u3", "u6", json!({ "name": "Farah Ali Khan" })));
    assert_errors(&o, &[]);
    assert_eq!(stored(&e, "u6").name, "Farah Ali Khan");
}

#[test]
fn edit_manager_cannot_edit_agent_of_other_department() {
    let o = engine().check(&edit("u3", "u4", json!({ "name": "Dev Kumar" })));
    assert_only(&o, "not_permitted");
    assert_eq!(violation(&o, "not_permitted")["params"]["action"], "edit_users");
}

#[test]
fn edit_manager_cannot_make_agent_manager() {
    let o = engine().check(&edit("u3", "u6", json!({ "role": "manager", "pro": true })));
    assert_only(&o, "not_permitted");
    assert_eq!(violation(&o, "not_permitted")["field"], "role");
}

#[test]
fn edit_manager_cannot_move_agent_into_foreign_department() {
    let o = engine().check(&edit("u3", "u6", json!({ "departments": ["sales", "support"] })));
    assert_only(&o, "not_permitted");
    assert_eq!(violation(&o, "not_permitted")["field"], "departments");
}

#[test]
fn edit_manager_cannot_edit_admin() {
    let o = engine().check(&edit("u3", "u2", json!({ "name": "B. Iyer" })));
    assert_only(&o, "not_permitted");
}

#[test]
fn edit_self_name_allowed_for_pro_user() {
    let mut e = engine();
    let o = e.apply(&edit("u3", "u3", json!({ "name": "Chitra Sen Gupta" })));
    assert_errors(&o, &[]);
    assert_eq!(stored(&e, "u3").name, "Chitra Sen Gupta");
    let o = e.apply(&edit("u3", "u3", json!({ "timeZone": "Asia/Calcutta" })));
    assert_errors(&o, &[]);
    assert_eq!(stored(&e, "u3").time_zone.as_deref(), Some("Asia/Kolkata"));
}

#[test]
fn edit_self_name_not_allowed_for_call_only_agent() {
    // u4 has Pro off: it cannot sign in, so it cannot edit even its own name.
    let o = engine().check(&edit("u4", "u4", json!({ "name": "Dev P" })));
    assert_only(&o, "not_permitted");
}

#[test]
fn edit_self_extension_by_manager_not_permitted() {
    let o = engine().check(&edit("u3", "u3", json!({ "extension": "42" })));
    assert_only(&o, "not_permitted");
    assert_eq!(violation(&o, "not_permitted")["field"], "extension");
}

#[test]
fn edit_self_role_change_is_self_action() {
    for (who, role) in [("u1", "admin"), ("u2", "agent"), ("u3", "agent")] {
        let o = engine().check(&edit(who, who, json!({ "role": role })));
        assert_only(&o, "self_action");
        let v = violation(&o, "self_action");
        assert_eq!(v["field"], "role", "{who}");
    }
}

#[test]
fn edit_password_weak_never_echoes_password() {
    let e = engine();
    for (pw, reason) in
        [("Kp4Vxq", "too_short"), ("chitra2024xyz", "contains_identity"), ("OnlyLettersHereQ", "no_digit")]
    {
        let o = e.check(&edit("u2", "u3", json!({ "webLogin": { "password": pw } })));
        assert_errors(&o, &["password_weak"]);
        let v = violation(&o, "password_weak");
        assert_eq!(v["field"], "webLogin.password");
        assert_eq!(v["params"]["reason"], reason);
        let text = o.to_json();
        assert!(!text.contains(pw), "password {pw} echoed in {text}");
        let text = serde_json::to_string(&o).expect("serialise");
        assert!(!text.contains(pw), "password {pw} echoed in {text}");
    }
}

#[test]
fn edit_self_password_ok_is_not_stored_or_echoed() {
    let mut e = engine();
    let pw = "Str0ngPassw0rdQ";
    let o = e.apply(&edit("u3", "u3", json!({ "webLogin": { "password": pw } })));
    assert_errors(&o, &[]);
    assert!(effects(&o).contains(&"password_changed".to_owned()));
    assert!(!o.to_json().contains(pw));
    let account = serde_json::to_string(&e.account()).expect("account");
    assert!(!account.contains(pw), "password stored: {account}");
    assert_eq!(stored(&e, "u3").web_login.as_ref().map(|w| w.login_id.as_str()), Some("chitra.sen"));
}

#[test]
fn edit_pro_on_without_free_seat() {
    let o = engine().check(&edit("u2", "u4", json!({ "pro": true })));
    assert_errors(&o, &["pro_seat_limit"]);
    let v = violation(&o, "pro_seat_limit");
    assert_eq!(v["field"], "pro");
    assert_eq!(v["params"]["proSeats"], 3);
    assert_eq!(v["params"]["used"], 3);
    assert!(v["hint"].as_str().is_some_and(|h| !h.is_empty()), "{v}");
}

#[test]
fn edit_pro_on_with_free_seat_ok() {
    let mut acct = fixture();
    acct["proSeats"] = json!(4);
    let mut e = engine_of(acct);
    let o = e.apply(&edit("u2", "u4", json!({ "pro": true })));
    assert_errors(&o, &[]);
    assert!(effects(&o).contains(&"relogin_suggested".to_owned()));
    assert!(stored(&e, "u4").pro);
}

#[test]
fn edit_demoting_admin_while_owner_active_is_ok() {
    let o = engine().check(&edit("u1", "u2", json!({ "role": "agent" })));
    assert_errors(&o, &[]);
    assert!(effects(&o).contains(&"relogin_suggested".to_owned()));
}

#[test]
fn edit_demoting_last_active_admin_is_last_admin() {
    let mut acct = fixture();
    user_mut(&mut acct, "u1")["status"] = json!("deactivated");
    let e = engine_of(acct);
    let o = e.check(&edit("$system", "u2", json!({ "role": "agent" })));
    assert_errors(&o, &["last_admin"]);
    assert_eq!(violation(&o, "last_admin")["field"], "role");
    let o = e.check(&edit("$system", "u2", json!({ "pro": false })));
    // Pro off on an admin: role_requires_pro, and the last admin is lost.
    assert!(errors(&o).contains(&"last_admin"), "{}", o.to_json());
    let o = e.check(&edit("$system", "u2", json!({ "webLogin": { "loginId": "bala.iyer", "blocked": true } })));
    assert_errors(&o, &["last_admin"]);
}

#[test]
fn edit_demoting_both_admins_in_turn_stops_at_the_last() {
    let mut e = engine();
    let o = e.apply(&edit("$system", "u2", json!({ "role": "agent" })));
    assert_errors(&o, &[]);
    let o = e.apply(&edit("$system", "u1", json!({ "role": "manager" })));
    assert_errors(&o, &["last_admin"]);
    assert_eq!(stored(&e, "u1").role, roster_rules::Role::Owner);
}

#[test]
fn edit_email_change_needs_verification() {
    let mut e = engine();
    let o = e.apply(&edit("u2", "u3", json!({ "email": "chitra.sen@acme.in" })));
    assert_errors(&o, &[]);
    let fx = effects(&o);
    assert!(fx.contains(&"email_verification_required".to_owned()), "{fx:?}");
    assert!(!fx.contains(&"relogin_suggested".to_owned()), "{fx:?}");
    assert_eq!(stored(&e, "u3").email, "chitra.sen@acme.in");
}

#[test]
fn edit_role_change_suggests_relogin() {
    let o = engine().check(&edit("u2", "u3", json!({ "role": "agent" })));
    assert_errors(&o, &[]);
    let fx = effects(&o);
    assert!(fx.contains(&"relogin_suggested".to_owned()), "{fx:?}");
    assert!(!fx.contains(&"email_verification_required".to_owned()), "{fx:?}");
    assert_eq!(to_json(&o)["changes"], json!([{ "userId": "u3", "field": "role", "from": "manager", "to": "agent" }]));
}

#[test]
fn edit_changes_list_from_and_to() {
    let mut e = engine();
    let o = e.apply(&edit(
        "u2",
        "u4",
        json!({ "name": "Dev Kumar Patel", "extension": "20", "schedule": "Mon-Fri 9am to 5pm" }),
    ));
    assert_errors(&o, &[]);
    let changes = to_json(&o)["changes"].clone();
    assert_eq!(
        changes,
        json!([
            { "userId": "u4", "field": "name", "from": "Dev Patel", "to": "Dev Kumar Patel" },
            { "userId": "u4", "field": "extension", "from": "13", "to": "20" },
            { "userId": "u4", "field": "schedule", "from": "Mo-Fr 09:00-18:00", "to": "Mo-Fr 09:00-17:00" }
        ])
    );
    let j = to_json(&o);
    assert_eq!(j["user"]["schedule"], "Mo-Fr 09:00-17:00");
    assert_eq!(j["user"]["extension"], "20");
    let u = stored(&e, "u4");
    assert_eq!((u.name.as_str(), u.extension.as_str()), ("Dev Kumar Patel", "20"));
    // No-op patch: no changes, no effects.
    let o = e.check(&edit("u2", "u4", json!({ "name": "Dev Kumar Patel" })));
    assert_errors(&o, &[]);
    assert!(o.changes.is_empty(), "{}", o.to_json());
    assert!(o.effects.is_empty(), "{}", o.to_json());
}

#[test]
fn edit_mobile_and_id_are_immutable() {
    let o = engine().check(&edit("u2", "u4", json!({ "mobile": "+919800000044", "id": "u44" })));
    assert_errors(&o, &["immutable_field", "mobile_immutable"]);
    assert_eq!(violation(&o, "mobile_immutable")["field"], "mobile");
    assert_eq!(violation(&o, "immutable_field")["field"], "id");
    // The same mobile, written differently, is not a change.
    let o = engine().check(&edit("u2", "u4", json!({ "mobile": "098000 00004" })));
    assert_errors(&o, &[]);
}

#[test]
fn edit_sso_managed_field_only_by_system() {
    let mut acct = fixture();
    acct["sso"] = json!({ "managedFields": ["name", "email"] });
    let mut e = engine_of(acct);
    let o = e.check(&edit("u2", "u4", json!({ "name": "Dev Kumar" })));
    assert_errors(&o, &["sso_managed"]);
    let v = violation(&o, "sso_managed");
    assert_eq!(v["field"], "name");
    assert_eq!(v["params"]["field"], "name");
    // Even the user themselves cannot change an SSO-managed name.
    let o = e.check(&edit("u3", "u3", json!({ "name": "Chitra S" })));
    assert_errors(&o, &["sso_managed"]);
    // Unmanaged fields stay editable.
    assert_errors(&e.check(&edit("u2", "u4", json!({ "extension": "30" }))), &[]);
    let o = e.apply(&edit("$system", "u4", json!({ "name": "Dev Kumar", "email": "devk@acme.in" })));
    assert_errors(&o, &[]);
    assert_eq!(stored(&e, "u4").name, "Dev Kumar");
    assert_eq!(stored(&e, "u4").email, "devk@acme.in");
}

#[test]
fn editable_fields_explain_sso_managed_fields_with_the_edit_checks_own_words() {
    let mut acct = fixture();
    acct["sso"] = json!({ "managedFields": ["name", "email"] });
    let e = engine_of(acct);
    let map = fields_of(&e, "u2", "u4");
    assert_field(&map, "name", Some("sso_managed"));
    assert_field(&map, "email", Some("sso_managed"));
    assert_field(&map, "extension", None);
    // The form shows what the edit would say: same message, hint and params.
    let edit = violation(&e.check(&edit("u2", "u4", json!({ "name": "Dev Kumar" }))), "sso_managed");
    for key in ["message", "hint", "params"] {
        assert_eq!(map["name"][key], edit[key], "{key}");
    }
    assert_eq!(map["email"]["params"]["field"], "email");
    // $system edits what SSO manages.
    assert_field(&fields_of(&e, "$system", "u4"), "name", None);
}

#[test]
fn editable_fields_messages_follow_a_client_table() {
    let e = engine();
    let o = e.check(&op(json!({ "type": "editableFields", "actor": "u3", "target": "u2" })));
    let mut table = roster_rules::messages::MessageTable::new();
    table.insert(
        "not_permitted".into(),
        roster_rules::messages::MessageTemplate::new("Nicht erlaubt ({action}).", None),
    );
    let json: Value = serde_json::from_str(&o.to_json_with(Some(&table))).unwrap_or_default();
    let name = &json["fields"]["name"];
    assert_eq!(name["reason"], "not_permitted");
    // The action's machine value is written with its word: the table's own (none here),
    // else English's; the param itself stays the machine value.
    assert_eq!(name["params"]["action"], "edit_users");
    assert_eq!(name["message"], "Nicht erlaubt (edit).");
    assert!(name.get("hint").is_none(), "{name}");
}

#[test]
fn edit_system_still_bound_by_invariants() {
    // $system skips permission checks, never field validity or uniqueness.
    let o = engine().check(&edit("$system", "u4", json!({ "email": "ASHA@acme.in", "extension": "11" })));
    assert_errors(&o, &["email_taken", "extension_taken"]);
    assert_eq!(violation(&o, "email_taken")["params"]["heldBy"], "u1");
    let v = violation(&o, "extension_taken");
    assert_eq!(v["params"]["heldBy"], "u2");
    assert_eq!(v["params"]["suggestion"], "16");
}

#[test]
fn edit_permission_violation_comes_alone() {
    // An agent with an invalid patch learns only that it may not edit.
    let o =
        engine().check(&edit("u4", "u6", json!({ "email": "not-an-email", "extension": "0", "schedule": "whenever" })));
    assert_only(&o, "not_permitted");
    // An unknown actor or target: only user_unknown.
    let o = engine().check(&edit("u99", "u4", json!({ "email": "x" })));
    assert_only(&o, "user_unknown");
    assert_eq!(violation(&o, "user_unknown")["field"], "actor");
    let o = engine().check(&edit("u2", "u99", json!({ "email": "x" })));
    assert_only(&o, "user_unknown");
    assert_eq!(violation(&o, "user_unknown")["field"], "target");
    // The escalation is reported alone, not with the invalid email beside it.
    let o = engine().check(&edit("u2", "u4", json!({ "role": "owner", "pro": true, "email": "bad" })));
    assert_only(&o, "role_escalation");
}

#[test]
fn edit_reports_every_data_violation_at_once() {
    let o = engine().check(&edit(
        "u2",
        "u4",
        json!({ "email": "not-an-email", "extension": "05", "timeZone": "Mars/Base" }),
    ));
    assert_errors(&o, &["email_invalid", "extension_invalid", "time_zone_invalid"]);
}

#[test]
fn edit_rejected_apply_changes_nothing() {
    let mut e = engine();
    let before = e.account().clone();
    let o = e.apply(&edit("u2", "u4", json!({ "name": "Dev", "extension": "11" })));
    assert!(!o.ok);
    assert_eq!(&e.account(), &before);
}

// ---------------------------------------------------------------------------------------
// deactivateUser / reactivateUser / deleteUser
// ---------------------------------------------------------------------------------------

#[test]
fn lifecycle_self_action() {
    for kind in ["deactivateUser", "deleteUser"] {
        let o = engine().check(&act(kind, "u2", "u2"));
        assert_only(&o, "self_action");
    }
    let o = engine().check(&act("deactivateUser", "u1", "u1"));
    assert_only(&o, "self_action");
}

#[test]
fn lifecycle_admin_on_owner_not_permitted() {
    for kind in ["deactivateUser", "deleteUser", "reactivateUser"] {
        let o = engine().check(&act(kind, "u2", "u1"));
        assert_only(&o, "not_permitted");
    }
}

#[test]
fn lifecycle_manager_and_agent_not_permitted() {
    for kind in ["deactivateUser", "deleteUser"] {
        assert_only(&engine().check(&act(kind, "u3", "u6")), "not_permitted");
        assert_only(&engine().check(&act(kind, "u4", "u6")), "not_permitted");
    }
}

#[test]
fn lifecycle_deactivate_and_reactivate_round_trip() {
    let mut e = engine();
    let o = e.apply(&act("deactivateUser", "u2", "u4"));
    assert_errors(&o, &[]);
    assert_eq!(stored(&e, "u4").status, roster_rules::Status::Deactivated);
    assert_eq!(
        to_json(&o)["changes"],
        json!([{ "userId": "u4", "field": "status", "from": "active", "to": "deactivated" },
               { "userId": "u4", "field": "previousStatus", "from": null, "to": "active" }])
    );
    let o = e.apply(&act("reactivateUser", "u2", "u4"));
    assert_errors(&o, &[]);
    // Back to the status it had (RULES §5 Lifecycle), and nothing left of the deactivation.
    assert_eq!(stored(&e, "u4").status, roster_rules::Status::Active);
    assert_eq!(stored(&e, "u4").previous_status, None);
}

#[test]
fn lifecycle_deactivating_last_admin() {
    let mut acct = fixture();
    user_mut(&mut acct, "u1")["status"] = json!("deactivated");
    let e = engine_of(acct);
    let o = e.check(&act("deactivateUser", "$system", "u2"));
    assert_errors(&o, &["last_admin"]);
    // With both owner and admin active, deactivating one is fine.
    assert_errors(&engine().check(&act("deactivateUser", "u1", "u2")), &[]);
    assert_errors(&engine().check(&act("deactivateUser", "$system", "u1")), &[]);
}

#[test]
fn lifecycle_pending_owner_cannot_remove_last_active_admin() {
    // A pending owner is not an *active* owner: the admin is the last active one.
    let mut acct = fixture();
    user_mut(&mut acct, "u1")["status"] = json!("pending");
    let o = engine_of(acct).check(&act("deactivateUser", "u1", "u2"));
    assert_errors(&o, &["last_admin"]);
}

#[test]
fn lifecycle_deleting_last_admin() {
    let mut acct = fixture();
    user_mut(&mut acct, "u2")["status"] = json!("deactivated");
    let o = engine_of(acct).check(&act("deleteUser", "$system", "u1"));
    assert_errors(&o, &["last_admin"]);
}

#[test]
fn lifecycle_delete_requires_deactivation() {
    let mut acct = fixture();
    user_mut(&mut acct, "u6")["departments"] = json!([]);
    let mut e = engine_from(json!({ "deleteRequiresDeactivation": true }), acct);
    let o = e.check(&act("deleteUser", "u2", "u6"));
    assert_errors(&o, &["not_deactivated"]);
    // Both routing and deactivation are reported together.
    let o = e.check(&act("deleteUser", "u2", "u4"));
    assert_errors(&o, &["not_deactivated", "user_in_routing"]);
    // A deactivated user with no departments may be deleted.
    let o = e.apply(&act("deleteUser", "u2", "u5"));
    assert_errors(&o, &[]);
    assert!(e.account().users.iter().all(|u| u.id != "u5"));
    assert_eq!(e.account().users.len(), 5);
}

#[test]
fn lifecycle_delete_without_policy_needs_no_deactivation() {
    let mut acct = fixture();
    user_mut(&mut acct, "u6")["departments"] = json!([]);
    let o = engine_of(acct).check(&act("deleteUser", "u2", "u6"));
    assert_errors(&o, &[]);
}

#[test]
fn lifecycle_reactivate_at_plan_limit_when_deactivated_not_counted() {
    // Five users are not deactivated; the plan holds five.
    let policy = json!({ "plans": { "swift": 5 }, "countDeactivated": false });
    let mut e = engine_from(policy, fixture());
    let before = e.account().clone();
    let o = e.apply(&act("reactivateUser", "u2", "u5"));
    assert_errors(&o, &["plan_user_limit"]);
    let v = violation(&o, "plan_user_limit");
    assert_eq!(v["params"]["maxUsers"], 5);
    assert_eq!(v["params"]["users"], 6);
    assert_eq!(v["params"]["plan"], "swift");
    assert_eq!(&e.account(), &before);
    // One more seat in the plan: fine.
    let policy = json!({ "plans": { "swift": 6 }, "countDeactivated": false });
    assert_errors(&engine_from(policy, fixture()).check(&act("reactivateUser", "u2", "u5")), &[]);
}

#[test]
fn lifecycle_reactivate_when_deactivated_counted_is_not_limited_again() {
    // u5 already counts while deactivated, so reactivation adds nothing.
    let policy = json!({ "plans": { "swift": 6 } });
    let o = engine_from(policy, fixture()).check(&act("reactivateUser", "u2", "u5"));
    assert_errors(&o, &[]);
}

#[test]
fn lifecycle_reactivate_pro_user_needs_a_seat_when_deactivated_not_counted() {
    let mut acct = fixture();
    user_mut(&mut acct, "u5")["pro"] = json!(true);
    // With countDeactivated false, u5 holds no seat while deactivated; 3 of 3 in use.
    let policy = json!({ "countDeactivated": false });
    let o = engine_from(policy, acct).check(&act("reactivateUser", "u2", "u5"));
    assert_errors(&o, &["pro_seat_limit"]);
}

// ---------------------------------------------------------------------------------------
// replaceUser
// ---------------------------------------------------------------------------------------

fn replace(actor: &str, target: &str, mobile: &str) -> Op {
    op(json!({ "type": "replaceUser", "actor": actor, "target": target, "mobile": mobile }))
}

#[test]
fn replace_plan_is_the_ordered_list_of_ops() {
    let o = engine().check(&replace("u2", "u4", "98000 00099"));
    assert_errors(&o, &[]);
    let plan = to_json(&o)["plan"].clone();
    let plan = plan.as_array().expect("plan is a list");
    let types: Vec<&str> = plan.iter().map(|p| p["type"].as_str().unwrap_or("")).collect();
    assert_eq!(types, ["editUser", "editUser", "addUser", "editUser", "deactivateUser"], "{plan:?}");
    // 1. alias the old email.
    assert_eq!(plan[0]["target"], "u4");
    assert_eq!(plan[0]["patch"], json!({ "email": "dev+old@acme.in" }));
    // 2. free the extension (lowest free is 16).
    assert_eq!(plan[1]["target"], "u4");
    assert_eq!(plan[1]["patch"], json!({ "extension": "16" }));
    // 3. the new user: same role, extension, schedule, departments; new mobile.
    let u = &plan[2]["user"];
    assert_eq!(u["email"], "dev@acme.in");
    assert_eq!(u["name"], "Dev Patel");
    assert_eq!(u["extension"], "13");
    assert_eq!(u["role"], "agent");
    assert_eq!(u["schedule"], "Mo-Fr 09:00-18:00");
    assert_eq!(u["departments"], json!(["support"]));
    let m = u["mobile"].as_str().expect("mobile").replace(' ', "");
    assert!(m.ends_with("9800000099"), "{u}");
    // 4. remove the old user from its departments; 5. deactivate it.
    assert_eq!(plan[3]["target"], "u4");
    assert_eq!(plan[3]["patch"], json!({ "departments": [] }));
    assert_eq!(plan[4]["target"], "u4");
    for p in plan {
        assert_eq!(p["actor"], "u2");
    }
    // The plan's ops deserialise back into Ops.
    for p in plan {
        let _: Op = serde_json::from_value(p.clone()).expect("plan op parses");
    }
}

#[test]
fn replace_apply_moves_identity_to_new_user() {
    let mut e = engine();
    let o = e.apply(&replace("u2", "u4", "98000 00099"));
    assert_errors(&o, &[]);
    assert_eq!(e.account().users.len(), 7);
    let new = e.users().find(|u| u.mobile == "+919800000099").expect("new user");
    assert_ne!(new.id, "u4");
    assert_eq!(new.email, "dev@acme.in");
    assert_eq!(new.extension, "13");
    assert_eq!(new.departments, ["support"]);
    assert_eq!(new.role, roster_rules::Role::Agent);
    assert_eq!(new.schedule, "Mo-Fr 09:00-18:00");
    assert_ne!(new.status, roster_rules::Status::Deactivated);
    let new_id = new.id.clone();
    let old = stored(&e, "u4");
    assert_eq!(old.status, roster_rules::Status::Deactivated);
    assert_eq!(old.email, "dev+old@acme.in");
    assert_eq!(old.mobile, "+919800000004");
    assert_ne!(old.extension, "13");
    assert!(old.departments.is_empty());
    // Outcome's user is the new user.
    assert_eq!(to_json(&o)["user"]["id"], new_id.as_str());
    // The account is clean afterwards.
    assert_errors(&e.check(&op(json!({ "type": "audit" }))), &[]);
}

#[test]
fn replace_plan_replayed_step_by_step_gives_same_account() {
    let mut direct = engine();
    let o = direct.apply(&replace("u2", "u4", "+919800000099"));
    assert_errors(&o, &[]);
    let mut stepwise = engine();
    for step in o.plan.as_ref().expect("plan") {
        let s = stepwise.apply(step);
        assert!(s.ok, "step {step:?}: {}", s.to_json());
    }
    assert_eq!(stepwise.account(), direct.account());
}

#[test]
fn replace_bad_mobile_is_mobile_invalid() {
    let mut e = engine();
    let before = e.account().clone();
    let o = e.apply(&replace("u2", "u4", "12345"));
    assert!(!o.ok);
    assert!(errors(&o).contains(&"mobile_invalid"), "{}", o.to_json());
    assert_eq!(violation(&o, "mobile_invalid")["field"], "mobile");
    assert_eq!(&e.account(), &before);
}

#[test]
fn replace_with_mobile_already_taken() {
    let o = engine().check(&replace("u2", "u4", "+919800000001"));
    assert!(!o.ok);
    assert!(errors(&o).contains(&"mobile_taken"), "{}", o.to_json());
}

#[test]
fn replace_check_changes_nothing() {
    let e = engine();
    let before = e.account().clone();
    let o = e.check(&replace("u2", "u4", "98000 00099"));
    assert!(o.ok, "{}", o.to_json());
    assert_eq!(&e.account(), &before);
}

#[test]
fn replace_by_manager_fails_and_changes_nothing() {
    // A manager cannot deactivate, so the last step of its plan fails.
    let mut e = engine();
    let before = e.account().clone();
    let o = e.apply(&replace("u3", "u6", "98000 00099"));
    assert!(!o.ok, "{}", o.to_json());
    assert!(errors(&o).contains(&"not_permitted"), "{}", o.to_json());
    assert_eq!(&e.account(), &before);
}

#[test]
fn replace_unknown_target() {
    let o = engine().check(&replace("u2", "u99", "98000 00099"));
    assert_only(&o, "user_unknown");
}

// ---------------------------------------------------------------------------------------
// reachable
// ---------------------------------------------------------------------------------------

fn reachable(target: &str, at: &str) -> Op {
    op(json!({ "type": "reachable", "target": target, "at": at }))
}

fn new_york() -> Engine {
    let mut acct = fixture();
    let u = user_mut(&mut acct, "u4");
    u["timeZone"] = json!("America/New_York");
    u["schedule"] = json!("Mo-Fr 09:00-17:00");
    engine_of(acct)
}

#[test]
fn reachable_dst_summer_instant() {
    let e = new_york();
    // Tue 2025-07-15 13:30Z = 09:30 EDT: open.
    assert_errors(&e.check(&reachable("u4", "2025-07-15T13:30:00Z")), &[]);
    // 12:30Z = 08:30 EDT: closed until 09:00 -04:00.
    let o = e.check(&reachable("u4", "2025-07-15T12:30:00Z"));
    assert_errors(&o, &["outside_schedule"]);
    assert_eq!(violation(&o, "outside_schedule")["params"]["nextOpen"], "2025-07-15T09:00:00-04:00");
}

#[test]
fn reachable_dst_winter_instant() {
    let e = new_york();
    // Tue 2025-01-14 13:30Z = 08:30 EST: closed (the same UTC time as the open July one).
    let o = e.check(&reachable("u4", "2025-01-14T13:30:00Z"));
    assert_errors(&o, &["outside_schedule"]);
    assert_eq!(violation(&o, "outside_schedule")["params"]["nextOpen"], "2025-01-14T09:00:00-05:00");
    // 14:30Z = 09:30 EST: open.
    assert_errors(&e.check(&reachable("u4", "2025-01-14T14:30:00Z")), &[]);
}

#[test]
fn reachable_next_open_across_dst_start() {
    let e = new_york();
    // Fri 2025-03-07 22:30Z = 17:30 EST; DST starts Sun 2025-03-09; next open Mon 09:00 EDT.
    let o = e.check(&reachable("u4", "2025-03-07T22:30:00Z"));
    assert_errors(&o, &["outside_schedule"]);
    assert_eq!(violation(&o, "outside_schedule")["params"]["nextOpen"], "2025-03-10T09:00:00-04:00");
}

#[test]
fn reachable_next_open_across_dst_end() {
    let e = new_york();
    // Fri 2025-10-31 22:30Z = 18:30 EDT; DST ends Sun 2025-11-02; next open Mon 09:00 EST.
    let o = e.check(&reachable("u4", "2025-10-31T22:30:00Z"));
    assert_errors(&o, &["outside_schedule"]);
    assert_eq!(violation(&o, "outside_schedule")["params"]["nextOpen"], "2025-11-03T09:00:00-05:00");
}

#[test]
fn reachable_deactivated_and_no_department() {
    let o = engine().check(&reachable("u5", "2025-07-15T06:00:00Z"));
    assert_errors(&o, &["deactivated", "no_department"]);
    // The owner is active but in no department: no IVR calls.
    let o = engine().check(&reachable("u1", "2025-07-15T06:00:00Z"));
    assert_errors(&o, &["no_department"]);
    // In a department and 24/7: reachable (pending users already receive calls).
    assert_errors(&engine().check(&reachable("u6", "2025-07-15T06:00:00Z")), &[]);
}

#[test]
fn reachable_overnight_schedule_runs_into_saturday() {
    let mut acct = fixture();
    user_mut(&mut acct, "u6")["schedule"] = json!("Fr 22:00-06:00");
    let e = engine_of(acct);
    // Sat 2025-07-19 03:00 IST.
    assert_errors(&e.check(&reachable("u6", "2025-07-19T03:00:00+05:30")), &[]);
    assert_errors(&e.check(&reachable("u6", "2025-07-18T21:30:00Z")), &[]);
    // Fri 23:00 IST: open too.
    assert_errors(&e.check(&reachable("u6", "2025-07-18T23:00:00+05:30")), &[]);
    // Sat 07:00 IST: closed until next Friday 22:00.
    let o = e.check(&reachable("u6", "2025-07-19T07:00:00+05:30"));
    assert_errors(&o, &["outside_schedule"]);
    assert_eq!(violation(&o, "outside_schedule")["params"]["nextOpen"], "2025-07-25T22:00:00+05:30");
}

#[test]
fn reachable_bad_instant_is_bad_request() {
    let o = engine().check(&reachable("u4", "next tuesday"));
    assert!(o.is_bad_request(), "{}", o.to_json());
    assert!(!o.ok);
}

#[test]
fn reachable_unknown_target() {
    let o = engine().check(&reachable("u99", "2025-07-15T06:00:00Z"));
    assert_only(&o, "user_unknown");
}

// ---------------------------------------------------------------------------------------
// editableFields
// ---------------------------------------------------------------------------------------

#[track_caller]
fn fields_of(e: &Engine, actor: &str, target: &str) -> serde_json::Map<String, Value> {
    let o = e.check(&op(json!({ "type": "editableFields", "actor": actor, "target": target })));
    assert!(o.ok, "{}", o.to_json());
    to_json(&o)["fields"].as_object().cloned().unwrap_or_else(|| panic!("no fields in {}", o.to_json()))
}

#[track_caller]
fn assert_field(map: &serde_json::Map<String, Value>, field: &str, reason: Option<&str>) {
    let got = map.get(field).unwrap_or_else(|| panic!("no field {field} in {map:?}"));
    match reason {
        None => assert_eq!(got, &json!({ "editable": true }), "field {field}"),
        Some(r) => {
            assert_eq!((&got["editable"], &got["reason"]), (&json!(false), &json!(r)), "field {field}: {got}");
            assert!(got["message"].as_str().is_some_and(|m| !m.is_empty()), "field {field} has no message: {got}");
            assert!(got["params"].is_object(), "field {field} has no params: {got}");
        }
    }
}

const FORM_FIELDS: [&str; 13] = [
    "name",
    "email",
    "altMobile",
    "extension",
    "role",
    "pro",
    "schedule",
    "timeZone",
    "departments",
    "webLogin",
    "allowedCallerIds",
    "reportUsers",
    "webLogin.password",
];

#[test]
fn editable_fields_admin_on_agent() {
    let map = fields_of(&engine(), "u2", "u4");
    assert_field(&map, "mobile", Some("mobile_immutable"));
    assert_field(&map, "id", Some("immutable_field"));
    for f in FORM_FIELDS {
        assert_field(&map, f, None);
    }
}

#[test]
fn editable_fields_manager_on_admin() {
    let map = fields_of(&engine(), "u3", "u2");
    assert!(!map.is_empty());
    for f in FORM_FIELDS.iter().chain(&["id", "mobile"]) {
        assert_field(&map, f, Some("not_permitted"));
    }
    for (f, v) in &map {
        assert_eq!(v["editable"], false, "{f}");
    }
}

#[test]
fn editable_fields_sso_managed_name() {
    let mut acct = fixture();
    acct["sso"] = json!({ "managedFields": ["name"] });
    let e = engine_of(acct);
    let map = fields_of(&e, "u2", "u4");
    assert_field(&map, "name", Some("sso_managed"));
    assert_field(&map, "email", None);
    let map = fields_of(&e, "$system", "u4");
    assert_field(&map, "name", None);
}

#[test]
fn editable_fields_self() {
    let e = engine();
    let map = fields_of(&e, "u3", "u3");
    assert_field(&map, "role", Some("self_action"));
    assert_field(&map, "name", None);
    assert_field(&map, "timeZone", None);
    assert_field(&map, "webLogin.password", None);
    assert_field(&map, "extension", Some("not_permitted"));
    assert_field(&map, "email", Some("not_permitted"));
    // A call-only agent cannot sign in: it cannot open its own record, so no field is
    // editable, and the reason is the one editUser gives (the record, not the field).
    let map = fields_of(&e, "u4", "u4");
    assert_field(&map, "role", Some("not_permitted"));
    assert_field(&map, "name", Some("not_permitted"));
}

#[test]
fn editable_fields_agree_with_edit_user() {
    // What the form offers as editable must pass editUser's permission checks, and
    // what it refuses with not_permitted must be refused.
    let e = engine();
    let samples = [
        ("name", json!({ "name": "Zed Q" })),
        ("extension", json!({ "extension": "40" })),
        ("role", json!({ "role": "agent" })),
        ("timeZone", json!({ "timeZone": "Asia/Dubai" })),
        ("schedule", json!({ "schedule": "24/7" })),
    ];
    for (actor, target) in [("u2", "u4"), ("u3", "u6"), ("u3", "u3"), ("u3", "u2"), ("u4", "u4")] {
        let map = fields_of(&e, actor, target);
        for (field, patch) in &samples {
            let o = e.check(&edit(actor, target, patch.clone()));
            let denied = errors(&o).iter().any(|c| ["not_permitted", "self_action", "role_escalation"].contains(c));
            let editable = map[*field]["editable"] == true;
            assert_eq!(
                editable,
                !denied,
                "{actor} on {target}, {field}: fields say {}, edit says {}",
                map[*field],
                o.to_json()
            );
        }
    }
}

#[test]
fn editable_fields_unknown_target() {
    let o = engine().check(&op(json!({ "type": "editableFields", "actor": "u2", "target": "u99" })));
    assert_only(&o, "user_unknown");
}

// ---------------------------------------------------------------------------------------
// audit
// ---------------------------------------------------------------------------------------

fn audit() -> Op {
    op(json!({ "type": "audit" }))
}

#[test]
fn audit_clean_fixture() {
    let o = engine().check(&audit());
    assert!(o.ok, "{}", o.to_json());
    assert!(errors(&o).is_empty(), "{}", o.to_json());
}

#[test]
fn audit_duplicates_flag_the_later_user() {
    let mut acct = fixture();
    let users = acct["users"].as_array_mut().expect("users");
    users.push(json!({ "id": "u7", "name": "Dev Two", "email": "DEV@acme.in",
        "mobile": "+919800000017", "extension": "17", "role": "agent", "status": "active",
        "departments": ["support"] }));
    users.push(json!({ "id": "u8", "name": "Hari Das", "email": "hari@acme.in",
        "mobile": "+919800000001", "extension": "13", "role": "agent", "status": "active",
        "departments": ["support"] }));
    let o = engine_of(acct).check(&audit());
    assert_errors(&o, &["email_taken", "extension_taken", "mobile_taken"]);
    let v = violation(&o, "email_taken");
    assert_eq!(v["userId"], "u7");
    assert_eq!(v["field"], "email");
    assert_eq!(v["params"]["heldBy"], "u4");
    let v = violation(&o, "extension_taken");
    assert_eq!(v["userId"], "u8");
    assert_eq!(v["params"]["heldBy"], "u4");
    let v = violation(&o, "mobile_taken");
    assert_eq!(v["userId"], "u8");
    assert_eq!(v["params"]["heldBy"], "u1");
    // The earlier holders are never flagged.
    for v in to_json(&o)["violations"].as_array().expect("list") {
        assert!(v["userId"] != "u4" && v["userId"] != "u1", "{v}");
    }
}

#[test]
fn audit_flags_duplicate_ids_logins_padded_extensions_and_each_bad_schedule() {
    let mut acct = fixture();
    let users = acct["users"].as_array_mut().expect("users");
    let bad = "Mo-Fr 09:00-18:00, Sa";
    users.push(json!({ "id": "u4", "name": "Dev Two", "email": "dev2@acme.in",
        "mobile": "+919800000017", "extension": " 13 ", "role": "agent", "status": "active",
        "schedule": bad, "departments": ["support"],
        "webLogin": { "loginId": " Dev.Login " } }));
    users.push(json!({ "id": "u8", "name": "Hari Das", "email": "hari@acme.in",
        "mobile": "+919800000018", "extension": "18", "role": "agent", "status": "active",
        "schedule": bad, "departments": ["support"], "webLogin": { "loginId": "dev.login" } }));
    let o = engine_of(acct).check(&audit());
    assert_errors(&o, &["id_taken", "extension_taken", "schedule_invalid", "login_id_taken", "schedule_invalid"]);
    let v = violation(&o, "id_taken");
    assert_eq!((v["userId"].as_str(), v["field"].as_str()), (Some("u4"), Some("id")));
    assert_eq!(violation(&o, "extension_taken")["params"]["heldBy"], "u4");
    assert_eq!(violation(&o, "login_id_taken")["userId"], "u8");
    // The same broken text is reported for every user who has it, though parsed once.
    let bad_users: Vec<Value> = to_json(&o)["violations"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|v| v["code"] == "schedule_invalid")
        .map(|v| v["userId"].clone())
        .collect();
    assert_eq!(bad_users, [json!("u4"), json!("u8")]);
}

#[test]
fn audit_plan_over_limit() {
    let o = engine_from(json!({ "plans": { "swift": 4 } }), fixture()).check(&audit());
    assert_errors(&o, &["plan_user_limit"]);
    let v = violation(&o, "plan_user_limit");
    assert_eq!(v["params"]["maxUsers"], 4);
    assert_eq!(v["params"]["users"], 6);
    assert!(v["userId"].is_string(), "{v}");
}

#[test]
fn audit_pro_seats_over_limit() {
    let mut acct = fixture();
    acct["proSeats"] = json!(2);
    let o = engine_of(acct).check(&audit());
    assert_errors(&o, &["pro_seat_limit"]);
    assert_eq!(violation(&o, "pro_seat_limit")["params"]["proSeats"], 2);
}

#[test]
fn audit_no_active_admin() {
    let mut acct = fixture();
    user_mut(&mut acct, "u1")["status"] = json!("deactivated");
    user_mut(&mut acct, "u2")["status"] = json!("pending");
    let o = engine_of(acct).check(&audit());
    assert_errors(&o, &["last_admin"]);
    let v = violation(&o, "last_admin");
    assert!(v.get("userId").is_none(), "{v}");
}

#[test]
fn audit_bad_stored_data() {
    let mut acct = fixture();
    user_mut(&mut acct, "u4")["schedule"] = json!("Mo-Fr 09:00-18:00, Sa");
    user_mut(&mut acct, "u6")["departments"] = json!(["marketing"]);
    let o = engine_of(acct).check(&audit());
    assert_errors(&o, &["department_unknown", "schedule_invalid"]);
    assert_eq!(violation(&o, "schedule_invalid")["userId"], "u4");
    assert_eq!(violation(&o, "department_unknown")["userId"], "u6");
}

// ---------------------------------------------------------------------------------------
// importUsers
// ---------------------------------------------------------------------------------------

const HEADER: &str = "name,email,mobile,extension,role,pro,schedule,departments";

fn import(actor: &str, csv: &str) -> Op {
    op(json!({ "type": "importUsers", "actor": actor, "csv": csv }))
}

#[track_caller]
fn rows_of(o: &Outcome, code: &str) -> Vec<u64> {
    to_json(o)["violations"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|v| v["code"] == code)
        .map(|v| v["row"].as_u64().unwrap_or(0))
        .collect()
}

#[test]
fn import_quoted_fields() {
    let csv = format!(
        "{HEADER}\n\"Rao, Gita\",gita@acme.in,\"98000 00007\",16,agent,no,\"Mo-Fr 09:00-18:00\",\"sales;support\"\r\n\
         \"Hari \"\"HD\"\" Das\",hari@acme.in,+919800000008,17,,,,sales\n"
    );
    let mut e = engine();
    let o = e.apply(&import("u2", &csv));
    assert_errors(&o, &[]);
    assert!(effects(&o).contains(&"invite_sent".to_owned()));
    assert_eq!(e.account().users.len(), 8);
    let gita = e.users().find(|u| u.email == "gita@acme.in").expect("gita");
    assert_eq!(gita.name, "Rao, Gita");
    assert_eq!(gita.mobile, "+919800000007");
    assert_eq!(gita.departments, ["sales", "support"]);
    assert_eq!(gita.schedule, "Mo-Fr 09:00-18:00");
    assert!(!gita.pro);
    let hari = e.users().find(|u| u.email == "hari@acme.in").expect("hari");
    assert_eq!(hari.name, "Hari \"HD\" Das");
    assert_eq!(hari.schedule, "24/7");
    assert_eq!(hari.role, roster_rules::Role::Agent);
    assert_eq!(hari.status, roster_rules::Status::Pending);
}

#[test]
fn import_repeated_schedules_each_get_their_verdict_at_their_row() {
    // Import parses each distinct schedule text once: every row must still get the
    // verdict (canonical form or error) of its own text, at its own row.
    let csv = format!(
        "{HEADER}\nA One,a1@acme.in,9800000021,21,agent,no,Mon-Fri 9am to 6pm,sales\n\
         A Two,a2@acme.in,9800000022,22,agent,no,Mo-Fr 25:00-26:00,sales\n\
         A Three,a3@acme.in,9800000023,23,agent,no,Mon-Fri 9am to 6pm,sales\n\
         A Four,a4@acme.in,9800000024,24,agent,no,Mo-Fr 25:00-26:00,sales\n\
         A Five,a5@acme.in,9800000025,25,agent,no,off,sales\n\
         A Six,a6@acme.in,9800000026,26,agent,no,off,sales\n"
    );
    let e = engine();
    let o = e.check(&import("u2", &csv));
    assert_eq!(rows_of(&o, "schedule_invalid"), [3, 5]);
    assert_eq!(o.violations.len(), 2, "{:?}", o.codes());
    let fine = format!(
        "{HEADER}\nA One,a1@acme.in,9800000021,21,agent,no,Mon-Fri 9am to 6pm,sales\n\
         A Three,a3@acme.in,9800000023,23,agent,no,Mon-Fri 9am to 6pm,sales\n\
         A Five,a5@acme.in,9800000025,25,agent,no,24/7,sales\n"
    );
    let mut e = engine();
    assert_errors(&e.apply(&import("u2", &fine)), &[]);
    let users = &e.account().users;
    let imported: Vec<&str> = users[users.len() - 3..].iter().map(|u| u.schedule.as_str()).collect();
    assert_eq!(imported, ["Mo-Fr 09:00-18:00", "Mo-Fr 09:00-18:00", "24/7"]);
}

#[test]
fn import_bad_header_is_csv_invalid() {
    let e = engine();
    let o = e.check(&import("u2", "name,mail,mobile,extension\nA B,a@b.in,9800000011,20\n"));
    assert_errors(&o, &["csv_invalid"]);
    assert_eq!(violation(&o, "csv_invalid")["row"], 1);
    let o = e.check(&import("u2", "name,email,mobile\nA B,a@b.in,9800000011\n"));
    assert_errors(&o, &["csv_invalid"]);
    assert_eq!(violation(&o, "csv_invalid")["row"], 1);
    let o = e.check(&import("u2", ""));
    assert_errors(&o, &["csv_invalid"]);
}

#[test]
fn import_too_many_rows() {
    let rows = "A One,a1@acme.in,9800000021,21\nA Two,a2@acme.in,9800000022,22\nA Three,a3@acme.in,9800000023,23\n";
    let csv = format!("name,email,mobile,extension\n{rows}");
    let e = engine_from(json!({ "maxImportRows": 2 }), fixture());
    let o = e.check(&import("u2", &csv));
    assert_errors(&o, &["too_many_rows"]);
    assert_eq!(violation(&o, "too_many_rows")["params"]["max"], 2);
    // Exactly at the cap is fine (warnings aside).
    let two: String = rows.lines().take(2).map(|l| format!("{l}\n")).collect();
    let o = e.check(&import("u2", &format!("name,email,mobile,extension\n{two}")));
    assert_errors(&o, &[]);
}

#[test]
fn import_plan_limit_counts_cumulatively() {
    let csv = format!(
        "{HEADER}\nGita Nair,gita@acme.in,9800000007,16,,,,sales\n\
         Hari Das,hari@acme.in,9800000008,17,,,,sales\n\
         Indu Roy,indu@acme.in,9800000009,18,,,,sales\n"
    );
    // 6 users counted, 8 allowed: the third row (line 4) is one too many.
    let mut e = engine_from(json!({ "plans": { "swift": 8 } }), fixture());
    let before = e.account().clone();
    let o = e.apply(&import("u2", &csv));
    assert_errors(&o, &["plan_user_limit"]);
    assert_eq!(rows_of(&o, "plan_user_limit"), [4]);
    let v = violation(&o, "plan_user_limit");
    assert_eq!(v["params"]["maxUsers"], 8);
    assert_eq!(v["params"]["users"], 9);
    assert_eq!(&e.account(), &before, "a failed import adds nothing");
}

#[test]
fn import_pro_seats_count_cumulatively() {
    let mut acct = fixture();
    acct["proSeats"] = json!(4);
    let csv = format!(
        "{HEADER}\nGita Nair,gita@acme.in,9800000007,16,manager,yes,,sales\n\
         Hari Das,hari@acme.in,9800000008,17,agent,true,,sales\n"
    );
    let o = engine_of(acct).check(&import("u2", &csv));
    assert_errors(&o, &["pro_seat_limit"]);
    assert_eq!(rows_of(&o, "pro_seat_limit"), [3]);
}

#[test]
fn import_duplicates_within_file_flag_later_row() {
    let csv = format!(
        "{HEADER}\nGita Nair,gita@acme.in,9800000007,16,,,,sales\n\
         Gita Two,GITA@acme.in,9800000008,16,,,,sales\n"
    );
    let o = engine().check(&import("u2", &csv));
    assert_errors(&o, &["email_taken", "extension_taken"]);
    assert_eq!(rows_of(&o, "email_taken"), [3]);
    assert_eq!(rows_of(&o, "extension_taken"), [3]);
    // The holder is the earlier line of the file (no user yet, RULES §2); extensions
    // 10–15 are held, so the free-extension hint skips 16, which that row takes.
    let v = violation(&o, "extension_taken");
    assert_eq!(v["params"]["heldByRow"], 2);
    assert_eq!(v["params"]["heldBy"], json!(null));
    assert_eq!(v["message"], "Extension 16 is already used on line 2 of this file.");
    assert_eq!(v["params"]["suggestion"], "17");
}

#[test]
fn import_adds_what_the_same_adds_one_by_one_would() {
    let rows = [
        ("Gita Nair", "gita@acme.in", "98000 00007", "16", "Mo-Fr 09:00-18:00"),
        ("Hari Das", "hari@acme.in", "+91 98000 00008", "17", ""),
        ("Indu Roy", "indu@acme.in", "09800000009", "18", "Mon-Fri 9am to 6pm"),
    ];
    let csv: String = std::iter::once(HEADER.to_owned())
        .chain(rows.iter().map(|(n, e, m, x, s)| format!("{n},{e},{m},{x},,,{s},sales")))
        .map(|l| l + "\n")
        .collect();
    let mut imported = engine();
    assert_errors(&imported.apply(&import("u2", &csv)), &[]);
    let mut one_by_one = engine();
    for (n, e, m, x, s) in rows {
        let mut user = json!({ "name": n, "email": e, "mobile": m, "extension": x, "departments": ["sales"] });
        if !s.is_empty() {
            user["schedule"] = json!(s);
        }
        assert_errors(&one_by_one.apply(&op(json!({ "type": "addUser", "actor": "u2", "user": user }))), &[]);
    }
    assert_eq!(imported.account(), one_by_one.account());
    // And the engine after the import answers as one that was built with those users.
    let rebuilt = Engine::new(imported.policy().clone(), imported.account().clone());
    let again = op(json!({ "type": "addUser", "actor": "u2", "user":
        { "name": "Jai", "email": "GITA@acme.in", "mobile": "9800000008", "extension": "18", "departments": ["sales"] } }));
    assert_eq!(imported.check(&again), rebuilt.check(&again));
}

#[test]
fn import_apply_is_all_or_nothing() {
    let csv = format!(
        "{HEADER}\nGita Nair,gita@acme.in,9800000007,16,,,,sales\n\
         Hari Das,hari@acme.in,12345,17,,,,sales\n"
    );
    let mut e = engine();
    let before = e.account().clone();
    let o = e.apply(&import("u2", &csv));
    assert_errors(&o, &["mobile_invalid"]);
    assert_eq!(rows_of(&o, "mobile_invalid"), [3]);
    assert_eq!(violation(&o, "mobile_invalid")["field"], "mobile");
    assert!(!effects(&o).contains(&"invite_sent".to_owned()));
    assert_eq!(&e.account(), &before);
    // check of a good file changes nothing either; apply then adds every row.
    let good = format!(
        "{HEADER}\nGita Nair,gita@acme.in,9800000007,16,,,,sales\n\
         Hari Das,hari@acme.in,9800000008,17,,,,sales\n"
    );
    assert_errors(&e.check(&import("u2", &good)), &[]);
    assert_eq!(&e.account(), &before);
    assert_errors(&e.apply(&import("u2", &good)), &[]);
    assert_eq!(e.account().users.len(), 8);
}

#[test]
fn import_pro_maybe_is_value_invalid() {
    let csv = format!("{HEADER}\nGita Nair,gita@acme.in,9800000007,16,agent,maybe,,sales\n");
    let o = engine().check(&import("u2", &csv));
    assert_errors(&o, &["value_invalid"]);
    let v = violation(&o, "value_invalid");
    assert_eq!(v["row"], 2);
    assert_eq!(v["field"], "pro");
    assert_eq!(v["params"]["value"], "maybe");
}

#[test]
fn import_by_agent_not_permitted() {
    let csv = format!("{HEADER}\nGita Nair,gita@acme.in,9800000007,16,,,,sales\n");
    assert_only(&engine().check(&import("u4", &csv)), "not_permitted");
}

// ---------------------------------------------------------------------------------------
// seatRequest
// ---------------------------------------------------------------------------------------

fn seats(count: Option<Value>) -> Op {
    match count {
        Some(c) => op(json!({ "type": "seatRequest", "count": c })),
        None => op(json!({ "type": "seatRequest" })),
    }
}

#[test]
fn seat_request_needs_positive_whole_count() {
    for c in [
        Some(json!(0)),
        Some(json!(-1)),
        Some(json!(1.5)),
        Some(json!("2")),
        Some(Value::Null),
        Some(json!(true)),
        None,
    ] {
        let o = engine().check(&seats(c.clone()));
        assert_only(&o, "count_required");
        assert_eq!(violation(&o, "count_required")["field"], "count", "{c:?}");
    }
}

#[test]
fn seat_request_within_and_over_plan_room() {
    // swift: 10 users, 6 counted.
    assert_errors(&engine().check(&seats(Some(json!(1)))), &[]);
    assert_errors(&engine().check(&seats(Some(json!(4)))), &[]);
    let o = engine().check(&seats(Some(json!(5))));
    assert_errors(&o, &["plan_user_limit"]);
    let v = violation(&o, "plan_user_limit");
    assert_eq!(v["params"]["maxUsers"], 10);
    assert_eq!(v["params"]["users"], 11);
}

#[test]
fn seat_request_unlimited_plan() {
    let mut acct = fixture();
    acct["plan"] = json!("enterprise");
    assert_errors(&engine_of(acct).check(&seats(Some(json!(100000)))), &[]);
}

#[test]
fn seat_request_huge_count_does_not_panic() {
    let o = engine().check(&seats(Some(json!(u64::MAX))));
    assert_errors(&o, &["plan_user_limit"]);
}

#[test]
fn seat_request_large_count_over_plan() {
    let o = engine().check(&seats(Some(json!(1_000_000_000_u64))));
    assert_errors(&o, &["plan_user_limit"]);
    assert_eq!(violation(&o, "plan_user_limit")["params"]["users"], 1_000_000_006_u64);
}

// ---------------------------------------------------------------------------------------
// passwordReset
// ---------------------------------------------------------------------------------------

fn reset(from: &str, target: &str) -> Op {
    op(json!({ "type": "passwordReset", "fromEmail": from, "target": target }))
}

#[test]
fn password_reset_from_active_admin_email_is_ok() {
    let o = engine().check(&reset("bala@acme.in", "u4"));
    assert_errors(&o, &[]);
    assert!(effects(&o).contains(&"password_reset_sent".to_owned()));
    assert_errors(&engine().check(&reset("  BALA@Acme.IN ", "u4")), &[]);
    assert_errors(&engine().check(&reset("asha@acme.in", "u3")), &[]);
    assert_errors(&engine().check(&reset("dev@acme.in", "u4")), &[]);
}

#[test]
fn password_reset_from_other_emails_refused() {
    // A manager, another agent, a stranger: not the target's email, not an active admin.
    for from in ["chitra@acme.in", "farah@acme.in", "someone@else.in", "dev+x@acme.in"] {
        let o = engine().check(&reset(from, "u4"));
        assert_only(&o, "reset_unregistered_email");
        let v = violation(&o, "reset_unregistered_email");
        assert!(v["hint"].as_str().is_some_and(|h| !h.is_empty()), "{v}");
    }
    // A deactivated admin's email no longer vouches.
    let mut acct = fixture();
    user_mut(&mut acct, "u2")["status"] = json!("deactivated");
    assert_only(&engine_of(acct).check(&reset("bala@acme.in", "u4")), "reset_unregistered_email");
}

// ---------------------------------------------------------------------------------------
// Bad requests via check_json
// ---------------------------------------------------------------------------------------

fn request(account: Value, op: Value) -> String {
    json!({ "account": account, "op": op }).to_string()
}

#[track_caller]
fn assert_bad_request(o: &Outcome) -> Value {
    assert!(!o.ok, "{}", o.to_json());
    assert_eq!(o.codes(), ["bad_request"], "{}", o.to_json());
    violation(o, "bad_request")
}

#[test]
fn bad_request_unknown_op_type() {
    let o = check_json(&request(fixture(), json!({ "type": "frobnicate", "actor": "u2" })));
    let v = assert_bad_request(&o);
    assert!(v["params"]["path"].as_str().is_some_and(|p| p.starts_with("op")), "{v}");
}

#[test]
fn bad_request_unknown_key_in_user_names_the_path() {
    let mut acct = fixture();
    user_mut(&mut acct, "u3")["nickname"] = json!("CS");
    let o = check_json(&request(acct, json!({ "type": "audit" })));
    let v = assert_bad_request(&o);
    let path = v["params"]["path"].as_str().unwrap_or("").to_owned();
    assert!(path.starts_with("account.users[2]"), "path {path}: {v}");
    assert_eq!(v["field"], path.as_str());
}

#[test]
fn bad_request_unknown_key_in_op_user() {
    let o = check_json(&request(
        fixture(),
        json!({ "type": "addUser", "actor": "u2",
                "user": { "name": "Gita", "email": "g@acme.in", "mobile": "9800000007",
                          "extension": "16", "nickname": "G" } }),
    ));
    let v = assert_bad_request(&o);
    assert!(v["params"]["path"].as_str().is_some_and(|p| p.starts_with("op")), "{v}");
}

#[test]
fn bad_request_number_where_string_belongs() {
    let mut acct = fixture();
    user_mut(&mut acct, "u1")["name"] = json!(42);
    let o = check_json(&request(acct, json!({ "type": "audit" })));
    let v = assert_bad_request(&o);
    assert_eq!(v["params"]["path"], "account.users[0].name");
    // In an op too.
    let o = check_json(&request(
        fixture(),
        json!({ "type": "editUser", "actor": "u2", "target": "u4", "patch": { "extension": 16 } }),
    ));
    assert_bad_request(&o);
}

#[test]
fn bad_request_never_echoes_input_strings() {
    // A password typed into the wrong-typed field must not come back in the error.
    let secret = "Sup3rSecretPassw0rd";
    let o = check_json(&request(
        fixture(),
        json!({ "type": "editUser", "actor": "u2", "target": "u3",
                "patch": { "webLogin": { "blocked": secret } } }),
    ));
    assert_bad_request(&o);
    assert!(!o.to_json().contains(secret), "{}", o.to_json());
}

#[test]
fn bad_request_deeply_nested_json() {
    let deep = "[".repeat(100_000);
    let o = check_json(&deep);
    assert_bad_request(&o);
    // Deep nesting inside a value the op keeps as raw JSON.
    let text = format!(
        "{{\"account\":{},\"op\":{{\"type\":\"seatRequest\",\"count\":{}{}}}}}",
        fixture(),
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_bad_request(&check_json(&text));
    let text = format!("{{\"account\":{{\"plan\":{}}}}}", "{\"a\":".repeat(100_000));
    assert_bad_request(&check_json(&text));
}

#[test]
fn bad_request_not_json_and_trailing_garbage() {
    assert_bad_request(&check_json(""));
    assert_bad_request(&check_json("not json"));
    let text = format!("{} trailing", request(fixture(), json!({ "type": "audit" })));
    assert_bad_request(&check_json(&text));
    // A well-formed request of the same shape is fine.
    let o = check_json(&request(fixture(), json!({ "type": "audit" })));
    assert!(o.ok, "{}", o.to_json());
}
