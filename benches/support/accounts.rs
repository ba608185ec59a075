//! Generated accounts for the benchmarks: deterministic, valid (an audit finds nothing),
//! and varied the way a real roster is (schedules, departments, panel logins, time zones).
//! `examples/gen_account.rs` prints the same accounts for the Node benchmark, so wasm and
//! native time the same data.

use serde_json::{json, Value};

const FIRST: [&str; 12] =
    ["Asha", "Bala", "Chitra", "Dev", "Esha", "Farid", "Gita", "Hari", "Indu", "Jai", "Kavya", "Lakshmi"];
const LAST: [&str; 10] = ["Rao", "Iyer", "Sen", "Patel", "Nair", "Khan", "Das", "Menon", "Shah", "Gupta"];
const SCHEDULES: [&str; 4] = ["24/7", "Mo-Fr 09:00-18:00", "Mo-Fr 09:00-18:00; Sa 10:00-14:00", "Mo-Sa 22:00-06:00"];
const DEPARTMENTS: [&str; 3] = ["sales", "support", "billing"];

/// The first extension; user `i` (from 1) holds `FIRST_EXTENSION + i`.
pub const FIRST_EXTENSION: u64 = 1000;

/// An account of `n` users on the unlimited plan: u1 owner, u2 admin, u3 manager, the rest
/// agents; every tenth user and the first three are Pro.
pub fn account(n: usize) -> Value {
    let users: Vec<Value> = (1..=n)
        .map(|i| {
            let role = match i {
                1 => "owner",
                2 => "admin",
                3 => "manager",
                _ => "agent",
            };
            let first = FIRST[i % FIRST.len()];
            let last = LAST[(i / FIRST.len()) % LAST.len()];
            let mut u = json!({
                "id": format!("u{i}"),
                "name": format!("{first} {last}"),
                "email": format!("{}.{}{i}@acme.in", first.to_lowercase(), last.to_lowercase()),
                "mobile": format!("+9198{i:08}"),
                "extension": (FIRST_EXTENSION + i as u64).to_string(),
                "role": role,
                "pro": i <= 3 || i % 10 == 0,
                "status": "active",
                "schedule": SCHEDULES[i % SCHEDULES.len()],
                "departments": [DEPARTMENTS[i % DEPARTMENTS.len()]],
            });
            if i <= 3 || i % 5 == 0 {
                u["webLogin"] = json!({"loginId": format!("user.{i}"), "allowedIps": ["203.0.113.0/24"]});
            }
            if i % 7 == 0 {
                u["timeZone"] = json!("Asia/Kolkata");
            }
            u
        })
        .collect();
    let pro = users.iter().filter(|u| u["pro"] == true).count();
    json!({
        "plan": "enterprise",
        "proSeats": pro + 5,
        "extensionRange": {"from": FIRST_EXTENSION, "to": 999_999},
        "timeZone": "Asia/Kolkata",
        "callerIds": ["+911140001234"],
        "departments": DEPARTMENTS.iter().map(|d| json!({"id": d, "name": d, "routing": "round_robin"})).collect::<Vec<_>>(),
        "users": users,
    })
}

/// An `addUser` by the owner that passes every rule on [`account`]`(n)`.
pub fn add_user_op(n: usize) -> Value {
    let i = n + 1;
    json!({"type": "addUser", "actor": "u1", "user": {
        "name": "Meera Joshi", "email": format!("meera.joshi{i}@acme.in"), "mobile": format!("98{i:08}"),
        "extension": (FIRST_EXTENSION + i as u64).to_string(), "schedule": "Mo-Fr 09:00-18:00; Sa 10:00-14:00",
        "departments": ["sales"]}})
}

/// An `editUser` by the admin of an agent in the middle of [`account`]`(n)`.
pub fn edit_user_op(n: usize) -> Value {
    let target = (n / 2).max(4).min(n);
    json!({"type": "editUser", "actor": "u2", "target": format!("u{target}"), "patch": {
        "name": "Meera Joshi", "email": format!("meera.joshi.{target}@acme.in"),
        "extension": (FIRST_EXTENSION + n as u64 + 7).to_string(), "schedule": "Mo-Fr 10:00-19:00"}})
}

/// A CSV of `rows` new agents that all pass on top of [`account`]`(existing)`.
pub fn csv(existing: usize, rows: usize) -> String {
    let mut out = String::from("name,email,mobile,extension,role,pro,schedule,departments\n");
    for k in 1..=rows {
        let i = existing + k;
        let first = FIRST[i % FIRST.len()];
        out.push_str(&format!(
            "{first} Import,{}.import{i}@acme.in,97{i:08},{},agent,no,{},{}\n",
            first.to_lowercase(),
            FIRST_EXTENSION + i as u64,
            SCHEDULES[i % SCHEDULES.len()],
            DEPARTMENTS[i % DEPARTMENTS.len()],
        ));
    }
    out
}
