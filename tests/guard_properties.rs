//! Who may change what, stated as properties over random accounts and random op
//! sequences (issue 15):
//!
//! (a) `can` gives the verdict of the op the capability names, for every actor,
//!     capability and target;
//! (b) `editableFields` says what a one-field `editUser` meets, for every field path,
//!     the parts of `webLogin` included;
//! (c) a password changes only by its owner, by an actor with `reset_passwords` over
//!     the user, or by the host;
//! (d) an SSO-managed path changes only by `$system`;
//! (e) a user id is never given twice, not even after a delete.
//!
//! The patches here are written for the test, not taken from the engine: (b) compares
//! the engine's form answer with the op it stands for.

use std::collections::{BTreeMap, HashSet};

use proptest::prelude::*;
use roster_rules::{Capability, Engine, Op, Outcome, Policy, User};
use serde_json::{json, Value};

mod util;
use util::{edit, op};

const ROLES: [&str; 4] = ["owner", "admin", "manager", "agent"];
const STATUSES: [&str; 3] = ["pending", "active", "deactivated"];
const DEPARTMENTS: [&str; 3] = ["sales", "support", "billing"];
const MANAGED: [&str; 6] = ["name", "email", "extension", "webLogin", "webLogin.password", "webLogin.loginId"];

/// One generated user: role, pro, status, departments, login, blocked, report users.
type Spec = (usize, bool, usize, Vec<bool>, bool, bool, Vec<bool>);

fn user_spec() -> impl Strategy<Value = Spec> {
    (
        0..4usize,
        any::<bool>(),
        0..3usize,
        prop::collection::vec(any::<bool>(), 3),
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::collection::vec(prop::bool::weighted(0.2), 8),
    )
}

fn account_strategy() -> impl Strategy<Value = Value> {
    (prop::collection::vec(user_spec(), 2..7), prop::collection::vec(prop::bool::weighted(0.25), MANAGED.len()))
        .prop_map(|(specs, managed)| {
            let n = specs.len() + 1;
            let mut users = vec![json!({ "id": "u1", "name": "Owner One", "email": "u1@acme.in",
                "mobile": "+919800000001", "extension": "10", "role": "owner", "pro": true, "status": "active",
                "webLogin": { "loginId": "owner.one" } })];
            for (i, (role, pro, status, deps, login, blocked, reports)) in specs.into_iter().enumerate() {
                let k = i + 2;
                let role = ROLES[role];
                let pro = pro || role != "agent";
                let deps: Vec<&str> = DEPARTMENTS.iter().zip(&deps).filter(|(_, on)| **on).map(|(d, _)| *d).collect();
                let reports: Vec<String> =
                    (1..=n).zip(&reports).filter(|(j, on)| **on && *j != k).map(|(j, _)| format!("u{j}")).collect();
                let mut u = json!({ "id": format!("u{k}"), "name": format!("User {k}"), "email": format!("u{k}@acme.in"),
                    "mobile": format!("+9198000000{k:02}"), "extension": format!("{}", 10 + k), "role": role,
                    "pro": pro, "status": STATUSES[status], "departments": deps, "reportUsers": reports });
                if login {
                    u["webLogin"] = json!({ "loginId": format!("user.{k}"), "blocked": blocked });
                }
                users.push(u);
            }
            let managed: Vec<&str> = MANAGED.iter().zip(&managed).filter(|(_, on)| **on).map(|(f, _)| *f).collect();
            json!({ "plan": "enterprise", "proSeats": 100,
                "departments": DEPARTMENTS.iter().map(|d| json!({ "id": d, "name": d.to_uppercase(), "routing": "round_robin" })).collect::<Vec<_>>(),
                "sso": { "managedFields": managed }, "users": users })
        })
}

/// An op of the sequence: who, on whom, what (indexes into the account's users; an
/// index past the end is `$system`).
fn op_strategy() -> impl Strategy<Value = (usize, usize, usize, u8)> {
    (0..9usize, 0..9usize, 0..12usize, any::<u8>())
}

fn id_of(users: &[User], i: usize) -> String {
    users.get(i).map_or_else(|| "$system".to_owned(), |u| u.id.clone())
}

/// The op `kind` of actor `a` on target `t`; `seed` picks values.
fn make_op(e: &Engine, a: usize, t: usize, kind: usize, seed: u8) -> Op {
    let users: Vec<User> = e.users().cloned().collect();
    let (actor, mut target) = (id_of(&users, a), id_of(&users, t % users.len().max(1)));
    // Half the time, a target that shares a department with the actor: where a
    // manager's reach ends is where holes were.
    if let Some(me) = users.get(a).filter(|_| seed % 2 == 0) {
        let near: Vec<&User> = users
            .iter()
            .filter(|u| u.id != me.id && u.departments.iter().any(|d| me.departments.contains(d)))
            .collect();
        if let Some(u) = near.get(seed as usize % near.len().max(1)) {
            target = u.id.clone();
        }
    }
    let dep = DEPARTMENTS[seed as usize % 3];
    let n = 40 + seed as usize;
    match kind {
        0 => op(
            json!({ "type": "addUser", "actor": actor, "user": { "name": "New User", "email": format!("n{n}@acme.in"),
            "mobile": format!("+91970000{n:04}"), "extension": format!("{n}"), "role": ROLES[seed as usize % 4],
            "pro": true, "departments": [dep], "reportUsers": [id_of(&users, seed as usize % 6)] } }),
        ),
        1 => edit(&actor, &target, json!({ "webLogin": { "password": "Xy12345678", "blocked": seed % 2 == 0 } })),
        2 => {
            edit(&actor, &target, json!({ "webLogin": { "loginId": format!("login.{n}"), "password": "Xy12345678" } }))
        }
        3 => edit(&actor, &target, json!({ "name": format!("Renamed {n}"), "email": format!("r{n}@acme.in") })),
        4 => edit(&actor, &target, json!({ "role": ROLES[seed as usize % 4], "departments": [dep] })),
        5 => edit(&actor, &target, json!({ "webLogin": null })),
        6 => edit(
            &actor,
            &target,
            json!({ "extension": format!("{n}"), "reportUsers": [id_of(&users, seed as usize % 6)] }),
        ),
        7 => op(json!({ "type": "deactivateUser", "actor": actor, "target": target })),
        8 => op(json!({ "type": "reactivateUser", "actor": actor, "target": target })),
        9 => op(json!({ "type": "deleteUser", "actor": actor, "target": target })),
        10 => {
            op(json!({ "type": "replaceUser", "actor": actor, "target": target, "mobile": format!("+91960000{n:04}") }))
        }
        _ => op(json!({ "type": "importUsers", "actor": actor, "csv": format!(
            "name,email,mobile,extension,role,pro,departments\nRow User,row{n}@acme.in,+91950000{n:04},{},agent,no,{dep}\n", n + 100) })),
    }
}

/// Whether an Outcome is a refusal of the actor (a permission code about the actor or
/// target, not a `user_unknown` in a list of the patch).
fn refused(o: &Outcome) -> bool {
    let in_a_list = |v: &roster_rules::Violation| {
        v.code() == "user_unknown" && v.field.as_ref().and_then(|p| p.user_field()).is_some()
    };
    o.violations.iter().any(|v| v.problem.is_permission() && !in_a_list(v))
}

/// (a): `can` and the op each capability names.
fn check_can(e: &Engine) {
    let users: Vec<User> = e.users().cloned().collect();
    for a in &users {
        for t in &users {
            let (aid, tid) = (a.id.as_str(), t.id.as_str());
            let named = [
                (Capability::DeactivateUsers, op(json!({ "type": "deactivateUser", "actor": aid, "target": tid }))),
                (Capability::DeactivateUsers, op(json!({ "type": "reactivateUser", "actor": aid, "target": tid }))),
                (Capability::DeleteUsers, op(json!({ "type": "deleteUser", "actor": aid, "target": tid }))),
                (Capability::EditUsers, edit(aid, tid, json!({ "extension": "88" }))),
                (Capability::ResetPasswords, edit(aid, tid, json!({ "webLogin": { "password": "Xy12345678" } }))),
                (
                    Capability::AddUsers,
                    op(json!({ "type": "addUser", "actor": aid, "user": { "name": "Like Them",
                    "email": "like@acme.in", "mobile": "+919700000999", "extension": "89", "role": t.role.as_str(),
                    "pro": true, "departments": t.departments } })),
                ),
            ];
            for (cap, op) in named {
                let verdict = e.can(aid, cap, Some(tid));
                assert_eq!(verdict, !refused(&e.check(&op)), "can({aid}, {}, {tid}) vs {op:?}", cap.as_str());
            }
            // view_reports: an add that is allowed without the name is refused with it
            // exactly when the actor may not see the named user's calls.
            let dep = a.departments.first().cloned().unwrap_or_else(|| "sales".into());
            let add = |reports: Value| {
                op(json!({ "type": "addUser", "actor": aid, "user": { "name": "Watcher", "email": "w@acme.in",
                    "mobile": "+919700000998", "extension": "90", "departments": [dep], "reportUsers": reports } }))
            };
            if !refused(&e.check(&add(json!([])))) {
                let verdict = e.can(aid, Capability::ViewReports, Some(tid));
                assert_eq!(verdict, !refused(&e.check(&add(json!([tid])))), "view_reports {aid} over {tid}");
            }
        }
    }
}

/// What a field's editUser of one field patches it with: a value that changes nothing
/// the permission reads (the user's own role, Pro and departments).
fn one_field(field: &str, t: &User) -> Value {
    match field {
        "id" => json!({ "id": "someone-else" }),
        "name" => json!({ "name": "Zed Test" }),
        "email" => json!({ "email": "zed@acme.in" }),
        "mobile" => json!({ "mobile": "+919700000997" }),
        "altMobile" => json!({ "altMobile": null }),
        "extension" => json!({ "extension": "91" }),
        "role" => json!({ "role": t.role.as_str() }),
        "pro" => json!({ "pro": t.pro }),
        "schedule" => json!({ "schedule": "24/7" }),
        "timeZone" => json!({ "timeZone": null }),
        "departments" => json!({ "departments": t.departments }),
        "webLogin" => json!({ "webLogin": null }),
        "webLogin.loginId" => json!({ "webLogin": { "loginId": "zed.test" } }),
        "webLogin.allowedIps" => json!({ "webLogin": { "allowedIps": [] } }),
        "webLogin.blocked" => json!({ "webLogin": { "blocked": false } }),
        "webLogin.password" => json!({ "webLogin": { "password": "Xy12345678" } }),
        "allowedCallerIds" => json!({ "allowedCallerIds": null }),
        "reportUsers" => json!({ "reportUsers": null }),
        other => panic!("no patch for {other}"),
    }
}

/// The codes that make a field read-only in a form.
const GATE: [&str; 7] = [
    "not_permitted",
    "role_escalation",
    "self_action",
    "user_unknown",
    "sso_managed",
    "immutable_field",
    "mobile_immutable",
];

/// (b): `editableFields` and the one-field `editUser`.
fn check_editable(e: &Engine) {
    let users: Vec<User> = e.users().cloned().collect();
    for a in &users {
        for t in &users {
            let o = e.check(&op(json!({ "type": "editableFields", "actor": a.id, "target": t.id })));
            let fields = o.fields.expect("fields");
            for (field, state) in fields {
                let edit_op = edit(&a.id, &t.id, one_field(field.as_str(), t));
                let answer = e.check(&edit_op);
                let gate = answer.violations.iter().find(|v| GATE.contains(&v.code()));
                assert_eq!(
                    state.reason(),
                    gate.map(|v| v.code()),
                    "editableFields({}, {})[{field}] vs {}",
                    a.id,
                    t.id,
                    answer.to_json()
                );
            }
        }
    }
}

/// A field's value as the account JSON has it.
fn value_of(u: &User, path: &str) -> Value {
    let json = serde_json::to_value(u).unwrap();
    match path.split_once('.') {
        Some((top, key)) => json[top][key].clone(),
        None => json[path].clone(),
    }
}

/// The stored paths an SSO `managedFields` entry covers.
fn managed_paths(entry: &str) -> Vec<&str> {
    match entry {
        "webLogin" => vec!["webLogin.loginId", "webLogin.allowedIps", "webLogin.blocked"],
        "webLogin.password" => vec![],
        other => vec![other],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn who_may_change_what(account in account_strategy(), ops in prop::collection::vec(op_strategy(), 1..8)) {
        let managed: Vec<String> = account["sso"]["managedFields"].as_array().unwrap()
            .iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let mut e = Engine::new(Policy::default(), serde_json::from_value(account).unwrap());
        let mut ever: HashSet<String> = e.users().map(|u| u.id.clone()).collect();
        for (a, t, kind, seed) in ops {
            check_can(&e);
            check_editable(&e);
            let op = make_op(&e, a, t, kind, seed);
            if let Op::DeleteUser { target, .. } = &op {
                // Out of its departments first (the host's doing), so deletes happen.
                e.apply(&edit("$system", target, json!({ "departments": [] })));
            }
            let before: BTreeMap<String, User> = e.users().map(|u| (u.id.clone(), u.clone())).collect();
            let (actor, target) = match &op {
                Op::EditUser { actor, target, .. } => (actor.clone(), Some(target.clone())),
                _ => (String::new(), None),
            };
            // Stated on the matrix, not on `can`: the actor's role grants reset_passwords
            // (a reach the screen shows) and the target does not rank above it.
            let may_reset = target.as_deref().and_then(|t| e.user(t)).is_some_and(|t| {
                e.user(&actor).is_some_and(|a| t.role <= a.role)
                    && e.capabilities(&actor).is_some_and(|g| g.contains_key(&Capability::ResetPasswords))
            });
            let o = e.apply(&op);
            // (c) A password set by an edit: its owner's, or by one who may reset it.
            if o.ok && o.effects.iter().any(|f| matches!(f, roster_rules::outcome::Effect::PasswordChanged)) {
                if let Some(t) = &target {
                    prop_assert!(actor == *t || actor == "$system" || may_reset, "{actor} set {t}'s password: {op:?}");
                }
            }
            // (d) No managed path changed, unless the host did it.
            let by_system = matches!(&op, Op::AddUser { actor, .. } | Op::EditUser { actor, .. }
                | Op::DeactivateUser { actor, .. } | Op::ReactivateUser { actor, .. } | Op::DeleteUser { actor, .. }
                | Op::ReplaceUser { actor, .. } | Op::ImportUsers { actor, .. } if actor == "$system");
            if o.ok && !by_system {
                for u in e.users() {
                    if let Some(old) = before.get(&u.id) {
                        for path in managed.iter().flat_map(|m| managed_paths(m)) {
                            prop_assert_eq!(value_of(old, path), value_of(u, path), "{} of {} changed by {:?}", path, u.id, op);
                        }
                    }
                }
            }
            // (e) A new user's id was never given before, and no two users share one.
            let ids: Vec<&str> = e.users().map(|u| u.id.as_str()).collect();
            prop_assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "an id twice after {:?}", op);
            for u in e.users() {
                if !before.contains_key(&u.id) {
                    prop_assert!(ever.insert(u.id.clone()), "{} given twice ({:?})", u.id, op);
                }
            }
        }
        check_can(&e);
        check_editable(&e);
    }
}
