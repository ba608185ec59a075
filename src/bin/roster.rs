//! `roster`: the rules engine on the command line (RULES §6).
//!
//! Exit codes: 0 ok, 1 violations, 2 unusable input.

#![allow(clippy::result_large_err, reason = "an Outcome is the answer, returned once")]
use std::io::Read;
use std::process::ExitCode;

use roster_rules::request::{apply_json, check_json, decode};
use roster_rules::{Account, Engine, Op, Outcome, Policy, Severity};

const USAGE: &str = "usage:
  roster check [--json]                      request JSON on stdin; prints the Outcome
  roster apply [--json]                      request JSON on stdin; prints {outcome, account}
  roster audit ACCOUNT.json [--json]         every rule the stored account breaks
  roster import ACCOUNT.json USERS.csv --actor ID [--json]
  roster schedule TEXT [--json]              parse a call-receiving schedule
  options: --policy POLICY.json (audit, import)";

fn main() -> ExitCode {
    // `args()` panics on an argument that is not UTF-8; such bytes become U+FFFD instead,
    // so a schedule is `schedule_invalid` and a file name one that cannot be read.
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&str> = args.iter().map(String::as_str).filter(|a| *a != "--json").collect();
    let result = match rest.as_slice() {
        ["check"] => read_stdin().map(|s| (check_json(&s), None)),
        // `{outcome, account}` even when stdin is not text, as for any unusable request.
        ["apply"] => Ok(match read_stdin() {
            Ok(s) => apply_json(&s),
            Err(o) => (o, None),
        })
        .map(|(o, a)| (o, Some(a))),
        ["audit", file, opts @ ..] => engine_from(file, opts).map(|e| (e.check(&Op::Audit {}), None)),
        ["import", file, csv, opts @ ..] => import(file, csv, opts),
        ["schedule", text @ ..] if !text.is_empty() => Ok((
            Engine::new(Policy::default(), empty_account()).check(&Op::ParseSchedule { text: text.join(" ") }),
            None,
        )),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(Outcome::bad_request("", "unknown command; see roster --help")),
    };
    let (outcome, account) = result.unwrap_or_else(|o| (o, None));
    if json {
        let text = match account {
            // Written in place, not through `json!`, so the Outcome keeps the key order
            // every front-end prints (a `Value` map would sort them).
            Some(account) => {
                let account =
                    account.map_or_else(|| "null".to_owned(), |a| serde_json::to_string(&a).unwrap_or_default());
                format!("{{\"outcome\":{},\"account\":{account}}}", outcome.to_json())
            }
            None => outcome.to_json(),
        };
        println!("{text}");
    } else {
        print_text(&outcome);
        if let Some(Some(account)) = account {
            println!("{}", serde_json::to_string_pretty(&account).unwrap_or_default());
        }
    }
    ExitCode::from(exit_code(&outcome))
}

fn exit_code(o: &Outcome) -> u8 {
    if o.is_bad_request() {
        2
    } else if o.ok {
        0
    } else {
        1
    }
}

fn empty_account() -> Account {
    Account {
        plan: "enterprise".into(),
        pro_seats: 0,
        extension_range: None,
        time_zone: "Asia/Kolkata".into(),
        sso: None,
        caller_ids: Vec::new(),
        departments: Vec::new(),
        users: Vec::new(),
        next_user_number: None,
    }
}

fn read_stdin() -> Result<String, Outcome> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|_| Outcome::bad_request("", "standard input is not UTF-8 text"))?;
    Ok(s)
}

fn read_file(path: &str) -> Result<String, Outcome> {
    std::fs::read_to_string(path).map_err(|e| Outcome::bad_request("", &format!("cannot read {path}: {e}")))
}

fn option<'a>(opts: &[&'a str], name: &str) -> Option<&'a str> {
    opts.iter().position(|o| *o == name).and_then(|i| opts.get(i + 1)).copied()
}

fn engine_from(file: &str, opts: &[&str]) -> Result<Engine, Outcome> {
    let account: Account = decode(&read_file(file)?)?;
    let policy: Policy = match option(opts, "--policy") {
        Some(p) => decode(&read_file(p)?)?,
        None => Policy::default(),
    };
    Ok(Engine::new(policy, account))
}

fn import(file: &str, csv: &str, opts: &[&str]) -> Result<(Outcome, Option<Option<Account>>), Outcome> {
    let actor = option(opts, "--actor").ok_or_else(|| Outcome::bad_request("", "import needs --actor ID"))?;
    let engine = engine_from(file, opts)?;
    let op = Op::ImportUsers { actor: actor.to_owned(), csv: read_file(csv)? };
    Ok((engine.check(&op), None))
}

fn print_text(o: &Outcome) {
    if let Some(s) = &o.schedule {
        println!("{}", s.canonical);
        for (day, spans) in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"].iter().zip(&s.weekly) {
            let list: Vec<String> = spans.iter().map(|[a, b]| format!("{a}-{b}")).collect();
            println!("  {day}  {}", if list.is_empty() { "closed".to_owned() } else { list.join(", ") });
        }
    }
    for v in &o.violations {
        let (message, hint) = v.text(None);
        let mut place = Vec::new();
        if let Some(row) = v.row {
            place.push(format!("row {row}"));
        }
        if let Some(id) = &v.user_id {
            place.push(format!("user {id}"));
        }
        if let Some(f) = &v.field {
            place.push(f.to_string());
        }
        let sev = if v.severity == Severity::Error { "error" } else { "warning" };
        let at = if place.is_empty() { String::new() } else { format!(" [{}]", place.join(", ")) };
        println!("{sev} {}{at}: {message}", v.code());
        if let Some(hint) = hint {
            println!("  hint: {hint}");
        }
    }
    if let Some(plan) = &o.plan {
        println!("plan:");
        for (i, op) in plan.iter().enumerate() {
            println!("  {}. {}", i + 1, serde_json::to_string(op).unwrap_or_default());
        }
    }
    if let Some(fields) = &o.fields {
        for (f, s) in fields {
            match &s.why {
                None => println!("  {f}: editable"),
                Some(v) => println!("  {f}: read-only ({}): {}", v.code(), v.text(None).0),
            }
        }
    }
    for e in &o.effects {
        println!(
            "effect: {}",
            serde_json::to_value(e).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
        );
    }
    for c in &o.changes {
        let json = |v: &roster_rules::outcome::FieldValue| serde_json::to_string(v).unwrap_or_default();
        println!("change: {} {} {} -> {}", c.user_id, c.field, json(&c.from), json(&c.to));
    }
    println!("{}", if o.ok { "ok" } else { "not ok" });
}
