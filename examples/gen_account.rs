//! Prints a generated benchmark account (the same as the criterion benchmarks use) for the
//! Node benchmark: `cargo run --release --example gen_account -- 10000 > account.json`.
//! With `--add`, `--edit` or `--csv` it prints that op (or CSV) instead.

#[path = "../benches/support/accounts.rs"]
mod accounts;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
