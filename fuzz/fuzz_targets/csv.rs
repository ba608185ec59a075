//! CSV import (`importUsers`) of arbitrary text into a small fixed account, by each kind
//! of actor. No panic; `check` and `apply` agree; all or nothing: a rejected import
//! changes nothing, an ok one only adds users and leaves the account clean (audit); every
//! violation names a row (or is the file-wide `too_many_rows`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster_rules::{Engine, Op, Policy};
use std::sync::OnceLock;

fn engines() -> &'static [Engine; 2] {
    static ENGINES: OnceLock<[Engine; 2]> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let account: roster_rules::Account =
            serde_json::from_str(include_str!("../common/account.json")).expect("the fixed account");
        // The default policy, and one with a small row cap.
        let small = Policy { max_import_rows: 3, ..Policy::default() };
        [Engine::new(Policy::default(), account.clone()), Engine::new(small, account)]
    })
}

const ACTORS: [&str; 6] = ["u1", "u2", "u3", "u4", "$system", "nobody"];

fuzz_target!(|data: &[u8]| {
    let (pick, rest) = data.split_first().map_or((0, data), |(p, r)| (*p, r));
    let csv = String::from_utf8_lossy(rest).into_owned();
    let actor = ACTORS.get(usize::from(pick) % ACTORS.len()).copied().unwrap_or("u1");
    let engine = engines().get(usize::from(pick / 8) % 2).expect("two engines");
    let op = Op::ImportUsers { actor: actor.to_owned(), csv };

    let checked = engine.check(&op);
    let mut after = engine.clone();
    let applied = after.apply(&op);
    let json = checked.to_json();
    assert_eq!(json, applied.to_json(), "check and apply disagree");
    let before = engine.account().users.len();
    if applied.ok {
        // Only added: the users before are untouched, in their order.
        assert_eq!(after.account().users.get(..before), Some(&engine.account().users[..]), "{json}");
        let audit = after.check(&Op::Audit {});
        assert!(audit.ok, "an ok import broke a clean account: {}", audit.to_json());
    } else {
        assert_eq!(after.account(), engine.account(), "a rejected import changed the account");
    }
    for v in &checked.violations {
        let file_wide = matches!(v.code(), "too_many_rows" | "not_permitted" | "user_unknown");
        assert!(v.row.is_some() || file_wide, "violation without a row: {json}");
    }
});
