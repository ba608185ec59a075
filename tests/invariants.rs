//! Property tests (RULES §8): random sequences of ops through `apply` keep every account
//! invariant after every step; a rejected op changes nothing; `check` agrees with `apply`.

use std::collections::HashSet;

use proptest::prelude::*;
use roster_rules::{Account, Engine, Op, Policy, Role, Status};
use serde_json::json;

fn fixture() -> Account {
    serde_json::from_value(json!({
        "plan": "nano", "proSeats": 2,
        "extensionRange": { "from": 10, "to": 15 },
        "departments": [ { "id": "sales", "name": "Sales", "routing": "round_robin" },
                         { "id": "support", "name": "Support", "routing": "sequential" } ],
        "users": [
            { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
              "extension": "10", "role": "owner", "pro": true, "status": "active" },
            { "id": "u2", "name": "Dev Patel", "email": "dev@acme.in", "mobile": "+919800000002",
              "extension": "11", "departments": ["sales"], "status": "active",
              "webLogin": { "loginId": "dev.patel" } }
        ]
    }))
    .unwrap()
}

const ACTORS: [&str; 5] = ["u1", "u2", "u3", "u4", "$system"];
const EMAILS: [&str; 4] = ["asha@acme.in", "DEV@acme.in", "new@acme.in", "other@acme.in"];
const MOBILES: [&str; 4] = ["98000 00001", "+919800000003", "9800000004", "+91 58000 00000"];
const EXTS: [&str; 5] = ["10", "11", "12", "13", "016"];
const ROLES: [&str; 4] = ["owner", "admin", "manager", "agent"];

fn pick<T: Copy + std::fmt::Debug>(list: &'static [T]) -> impl Strategy<Value = T> + Clone {
    (0..list.len()).prop_map(move |i| list[i])
}

fn op() -> impl Strategy<Value = Op> {
    let actor = pick(&ACTORS);
    let target = pick(&ACTORS);
    prop_oneof![
        (actor.clone(), pick(&EMAILS), pick(&MOBILES), pick(&EXTS), pick(&ROLES), any::<bool>(), any::<bool>())
            .prop_map(|(a, e, m, x, r, pro, dep)| {
                let deps = if dep { json!(["sales"]) } else { json!([]) };
                serde_json::from_value(json!({ "type": "addUser", "actor": a, "user": {
                    "name": "Test User", "email": e, "mobile": m, "extension": x, "role": r, "pro": pro,
                    "departments": deps, "webLogin": { "loginId": "dev.patel" } } }))
                .unwrap()
            }),
        (
            actor.clone(),
            target.clone(),
            prop::option::of(pick(&EMAILS)),
            prop::option::of(pick(&EXTS)),
            prop::option::of(pick(&ROLES)),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>())
        )
            .prop_map(|(a, t, e, x, r, pro, blocked)| {
                let mut patch = serde_json::Map::new();
                if let Some(e) = e {
                    patch.insert("email".into(), json!(e));
                }
                if let Some(x) = x {
                    patch.insert("extension".into(), json!(x));
                }
                if let Some(r) = r {
                    patch.insert("role".into(), json!(r));
                }
                if let Some(p) = pro {
                    patch.insert("pro".into(), json!(p));
                }
                if let Some(b) = blocked {
                    patch.insert("webLogin".into(), json!({ "loginId": "login.x", "blocked": b }));
                }
                serde_json::from_value(json!({ "type": "editUser", "actor": a, "target": t, "patch": patch })).unwrap()
            }),
        (actor.clone(), target.clone(), 0..3u8).prop_map(|(a, t, k)| {
            let ty = ["deactivateUser", "reactivateUser", "deleteUser"][k as usize];
            serde_json::from_value(json!({ "type": ty, "actor": a, "target": t })).unwrap()
        }),
        (actor, target, pick(&MOBILES)).prop_map(|(a, t, m)| {
            serde_json::from_value(json!({ "type": "replaceUser", "actor": a, "target": t, "mobile": m })).unwrap()
        }),
    ]
}

#[track_caller]
fn assert_invariants(engine: &Engine, policy: &Policy) {
    let a = engine.account();
    let mut seen = [HashSet::new(), HashSet::new(), HashSet::new(), HashSet::new()];
    for u in &a.users {
        assert!(seen[0].insert(u.email.to_ascii_lowercase()), "duplicate email {}", u.email);
        assert!(seen[1].insert(u.extension.clone()), "duplicate extension {}", u.extension);
        assert!(seen[2].insert(u.mobile.clone()), "duplicate mobile {}", u.mobile);
        if let Some(w) = &u.web_login {
            assert!(seen[3].insert(w.login_id.to_ascii_lowercase()), "duplicate login id {}", w.login_id);
        }
        assert!(!u.role.requires_pro() || u.pro, "{} is {:?} without Pro", u.id, u.role);
    }
    let counted = a.users.iter().filter(|u| policy.count_deactivated || u.status != Status::Deactivated);
    let max = policy.max_users(&a.plan).flatten().unwrap_or(u32::MAX) as usize;
    assert!(counted.clone().count() <= max, "over the plan limit");
    assert!(counted.filter(|u| u.pro).count() <= a.pro_seats as usize, "over the Pro seats");
    assert!(
        a.users
            .iter()
            .any(|u| matches!(u.role, Role::Owner | Role::Admin) && u.status == Status::Active && u.can_sign_in()),
        "no active owner or admin left"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn random_op_sequences_keep_every_invariant(ops in prop::collection::vec(op(), 1..12)) {
        let policy = Policy::default();
        let mut engine = Engine::new(policy.clone(), fixture());
        assert_invariants(&engine, &policy);
        for op in &ops {
            let before = engine.account().clone();
            let checked = engine.check(op);
            prop_assert_eq!(&engine.account(), &before, "check changed the account");
            let applied = engine.apply(op);
            prop_assert_eq!(checked.to_json(), applied.to_json(), "check and apply disagree on {:?}", op);
            if !applied.ok {
                prop_assert_eq!(&engine.account(), &before, "a rejected op changed the account");
            }
            assert_invariants(&engine, &policy);
            // The engine's indexes must agree with a fresh engine over the same account.
            let fresh = Engine::new(policy.clone(), engine.account().clone());
            let probe = Op::Audit {};
            prop_assert_eq!(fresh.check(&probe).to_json(), engine.check(&probe).to_json());
        }
    }
}
