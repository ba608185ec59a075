//! Prints a generated benchmark account (the same as the criterion benchmarks use) for the
//! Node benchmark: `cargo run --release --example gen_account -- 10000 > account.json`.
//! With `--add`, `--edit` or `--csv` it prints that op (or CSV) instead.
//!
//! `--scaling DIR` writes the scaling rows of `benches/support/scaling.rs` at their full
//! sizes instead (at the small sizes of the smoke test with `--smoke`): each account and
//! op as a JSON file in DIR, and `DIR/scaling.json`, the manifest the Node benchmark reads
//! (rows, sides, modes, expected answers, file names).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::json;

#[path = "../benches/support/accounts.rs"]
mod accounts;
#[path = "../benches/support/scaling.rs"]
mod scaling;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--scaling") {
        let dir = args.get(i + 1).expect("--scaling needs a folder");
        let scale = if args.iter().any(|a| a == "--smoke") { scaling::Scale::SMOKE } else { scaling::Scale::FULL };
        write_scaling(Path::new(dir), scale);
        return;
    }
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10);
    let out = if args.iter().any(|a| a == "--add") {
        accounts::add_user_op(n).to_string()
    } else if args.iter().any(|a| a == "--edit") {
        accounts::edit_user_op(n).to_string()
    } else if args.iter().any(|a| a == "--csv") {
        accounts::csv(n, n)
    } else {
        accounts::account(n).to_string()
    };
    println!("{out}");
}

/// A file name from a row id or side label: letters and digits, the rest as `-`.
fn slug(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

fn write_scaling(dir: &Path, scale: scaling::Scale) {
    std::fs::create_dir_all(dir).expect("create the data folder");
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text).expect("write a data file");
    let mut written = BTreeSet::new();
    let mut rows = Vec::new();
    for id in scaling::ROWS {
        let row = scaling::row(id, scale).expect("a known row");
        let mut sides = Vec::new();
        for side in &row.sides {
            // Accounts are shared between rows (the plain 1,000 users): written once.
            let account = side.layout.file_name();
            if written.insert(account.clone()) {
                write(&account, accounts::account_with(side.layout).to_string());
            }
            let ops: Vec<String> = side
                .ops
                .iter()
                .enumerate()
                .map(|(k, op)| {
                    let name = format!("op-{}-{}-{k}.json", slug(row.id), slug(&side.label));
                    write(&name, op.to_string());
                    name
                })
                .collect();
            sides.push(json!({"label": side.label, "users": side.layout.users, "account": account, "ops": ops}));
        }
        let mode = match row.mode {
            scaling::Mode::Check => "check",
            scaling::Mode::ApplyInTurn => "applyInTurn",
        };
        rows.push(
            json!({"id": row.id, "what": row.what, "mode": mode, "expect": row.expect.as_json(), "sides": sides}),
        );
    }
    write("scaling.json", serde_json::to_string_pretty(&json!({"rows": rows})).expect("manifest"));
}
