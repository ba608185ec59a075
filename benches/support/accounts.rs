#![allow(dead_code, reason = "each includer (benches/native.rs, examples/gen_account.rs) uses a part")]
//! Generated accounts for the benchmarks: deterministic, valid (an audit finds nothing),
//! and varied the way a real roster is (schedules, departments, panel logins, time zones).
//! `examples/gen_account.rs` prints the same accounts for the Node benchmark, so wasm and
//! native time the same data. The scaling rows (`scaling.rs`) turn the knobs of
//! [`Layout`]: where the ids start, where the extension range starts, how many caller ids.

use serde_json::{json, Value};

const FIRST: [&str; 12] =
    ["Asha", "Bala", "Chitra", "Dev", "Esha", "Farid", "Gita", "Hari", "Indu", "Jai", "Kavya", "Lakshmi"];
const LAST: [&str; 10] = ["Rao", "Iyer", "Sen", "Patel", "Nair", "Khan", "Das", "Menon", "Shah", "Gupta"];
pub const SCHEDULES: [&str; 4] =
    ["24/7", "Mo-Fr 09:00-18:00", "Mo-Fr 09:00-18:00; Sa 10:00-14:00", "Mo-Sa 22:00-06:00"];
pub const DEPARTMENTS: [&str; 3] = ["sales", "support", "billing"];

/// The first extension; user `i` (from 1) holds `FIRST_EXTENSION + i`.
pub const FIRST_EXTENSION: u64 = 1000;

/// How a generated account is laid out. Every user's data but its id depends on its
/// position `i` (from 1), so two layouts of one size differ only in the knob turned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub users: usize,
    /// The number of the first user's id: `u{first_id}`, then one up per user. The
    /// account stores no `nextUserNumber`, so the engine works out the next fresh id.
    pub first_id: usize,
    /// Where the account's extension range starts. At `FIRST_EXTENSION + 1` every number
    /// from the start is held, so the lowest free one lies past all the users.
    pub range_from: u64,
    /// How many caller ids the account owns (landlines, `+911140001234` and up).
    pub caller_ids: usize,
}

impl Layout {
    /// The benchmarks' usual account: ids `u1…`, extension 1000 free, one caller id.
    pub const fn plain(users: usize) -> Layout {
        Layout { users, first_id: 1, range_from: FIRST_EXTENSION, caller_ids: 1 }
    }

    /// The id of the user at position `i` (from 1).
    pub fn id(&self, i: usize) -> String {
        format!("u{}", self.first_id + i - 1)
    }

    /// The owner's id (position 1), the actor of the generated ops.
    pub fn owner(&self) -> String {
        self.id(1)
    }

    /// A short name for a file holding this account (the Node benchmark's data folder).
    pub fn file_name(&self) -> String {
        format!("account-{}-id{}-ext{}-cid{}.json", self.users, self.first_id, self.range_from, self.caller_ids)
    }
}

/// The `j`-th caller id of an account (from 0): `+911140001234`, `+911140001235`, …
pub fn caller_id(j: usize) -> String {
    format!("+9111{}", 40_001_234 + j)
}

/// An account of `n` users on the unlimited plan: u1 owner, u2 admin, u3 manager, the rest
/// agents; every tenth user and the first three are Pro.
pub fn account(n: usize) -> Value {
    account_with(Layout::plain(n))
}

/// An account laid out as `layout` says; [`account`] is its plain layout.
pub fn account_with(layout: Layout) -> Value {
    let users: Vec<Value> = (1..=layout.users).map(|i| user(&layout, i)).collect();
    let pro = users.iter().filter(|u| u["pro"] == true).count();
    json!({
        "plan": "enterprise",
        "proSeats": pro + 5,
        "extensionRange": {"from": layout.range_from, "to": 999_999},
        "timeZone": "Asia/Kolkata",
        "callerIds": (0..layout.caller_ids).map(caller_id).collect::<Vec<_>>(),
        "departments": DEPARTMENTS.iter().map(|d| json!({"id": d, "name": d, "routing": "round_robin"})).collect::<Vec<_>>(),
        "users": users,
    })
}

/// The user at position `i` (from 1) of an account laid out as `layout`.
pub fn user(layout: &Layout, i: usize) -> Value {
    let role = match i {
        1 => "owner",
        2 => "admin",
        3 => "manager",
        _ => "agent",
    };
    let first = FIRST[i % FIRST.len()];
    let last = LAST[(i / FIRST.len()) % LAST.len()];
    let mut u = json!({
        "id": layout.id(i),
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

/// The header of an import CSV (SPEC §5 `importUsers`).
pub const CSV_HEADER: &str = "name,email,mobile,extension,role,pro,schedule,departments\n";

/// A CSV of `rows` new agents that all pass on top of [`account`]`(existing)` (or any
/// layout of that size: the rows depend on positions, not ids).
pub fn csv(existing: usize, rows: usize) -> String {
    let mut out = String::from(CSV_HEADER);
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
