#![allow(missing_docs, reason = "criterion_group! generates undocumented functions")]
//! Native benchmarks for every native row of SPEC §7 (and the native side of the
//! wasm-vs-native ratio). Run through `scripts/bench`, which also runs the Node
//! benchmark and writes `docs/BENCHMARKS.md`; alone: `cargo bench --bench native`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use roster_rules::{Account, Engine, Op, Policy};
use serde_json::Value;

#[path = "support/accounts.rs"]
mod accounts;
#[path = "support/scaling.rs"]
mod scaling;

/// Whether criterion runs as a benchmark (`cargo bench`) rather than once per routine as
/// the smoke test of `cargo test --all-targets`.
fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Account sizes: the budgets' sizes under `cargo bench`; only the smallest when
/// `cargo test --all-targets` runs this file once as a smoke test of the generated data.
fn sizes(all: &'static [usize]) -> &'static [usize] {
    if benching() {
        all
    } else {
        all.get(..1).unwrap_or(all)
    }
}

/// The engine over the generated account, read from JSON text as every front-end reads
/// an account (the CLI from a file, the wasm package from `JSON.stringify`): the heap then
/// holds each user's strings the way a real engine does (`from_value` would scatter them
/// between the freed nodes of the `Value`, and an audit would time cache misses).
fn engine(n: usize) -> Engine {
    engine_with(accounts::Layout::plain(n))
}

fn engine_with(layout: accounts::Layout) -> Engine {
    let text = accounts::account_with(layout).to_string();
    let account: Account = roster_rules::request::decode(&text).expect("generated account");
    Engine::new(Policy::default(), account)
}

fn op(v: Value) -> Op {
    serde_json::from_value(v).expect("generated op")
}

fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    for &n in sizes(&[10, 10_000, 100_000]) {
        let e = engine(n);
        let add = op(accounts::add_user_op(n));
        assert!(e.check(&add).ok, "the benchmark addUser must pass");
        g.bench_with_input(BenchmarkId::new("addUser", n), &add, |b, op| b.iter(|| e.check(black_box(op))));
        let edit = op(accounts::edit_user_op(n));
        assert!(e.check(&edit).ok, "the benchmark editUser must pass: {:?}", e.check(&edit).codes());
        g.bench_with_input(BenchmarkId::new("editUser", n), &edit, |b, op| b.iter(|| e.check(black_box(op))));
    }
    g.finish();
}

fn check_field(c: &mut Criterion) {
    let mut g = c.benchmark_group("checkField");
    let n = *sizes(&[10, 10_000]).last().unwrap_or(&10);
    let e = engine(n);
    let fields = [
        ("extension", Value::from("10500")),
        ("email", Value::from("meera.joshi@acme.in")),
        ("mobile", Value::from("98765 43210")),
        ("name", Value::from("Meera Joshi")),
    ];
    for (field, value) in fields {
        g.bench_with_input(BenchmarkId::new(field, n), &value, |b, v| {
            b.iter(|| e.check_field(black_box(field), black_box(v), None))
        });
    }
    g.finish();
}

fn audit(c: &mut Criterion) {
    let mut g = c.benchmark_group("audit");
    g.sample_size(10);
    for &n in sizes(&[10, 10_000, 100_000]) {
        let e = engine(n);
        let audit = op(serde_json::json!({"type": "audit"}));
        assert!(e.check(&audit).violations.is_empty(), "the generated account is clean");
        g.bench_with_input(BenchmarkId::from_parameter(n), &audit, |b, op| b.iter(|| e.check(black_box(op))));
    }
    g.finish();
}

fn import(c: &mut Criterion) {
    let mut g = c.benchmark_group("importUsers");
    g.sample_size(10);
    let n = *sizes(&[10, 5_000]).last().unwrap_or(&10);
    let e = engine(n);
    let csv = accounts::csv(n, n);
    let import = op(serde_json::json!({"type": "importUsers", "actor": "u1", "csv": csv}));
    let first = e.check(&import);
    assert!(first.ok, "the generated CSV imports: {:?}", first.codes());
    g.bench_with_input(BenchmarkId::new("check", format!("{n} rows into {n}")), &import, |b, op| {
        b.iter(|| e.check(black_box(op)))
    });
    g.bench_with_input(BenchmarkId::new("apply", format!("{n} rows into {n}")), &import, |b, op| {
        // `_ref`: the engine is lent to the routine, so dropping it afterwards (10,000
        // users) is not timed as part of the import.
        b.iter_batched_ref(|| e.clone(), |e| e.apply(black_box(op)), BatchSize::LargeInput)
    });
    g.finish();
}

fn engine_new(c: &mut Criterion) {
    let mut g = c.benchmark_group("newEngine");
    g.sample_size(20);
    let n = *sizes(&[10, 10_000]).last().unwrap_or(&10);
    let text = accounts::account(n).to_string();
    g.bench_function(format!("{n} from JSON"), |b| {
        b.iter(|| {
            let account: Account = roster_rules::request::decode(black_box(&text)).expect("account");
            Engine::new(Policy::default(), account)
        })
    });
    g.finish();
}

fn schedule(c: &mut Criterion) {
    let mut g = c.benchmark_group("schedule");
    for text in ["Mo-Fr 09:00-18:00; Sa 10:00-14:00", "24/7", "Mon-Fri 9:30 am to 6 pm"] {
        g.bench_with_input(BenchmarkId::new("parse", text), text, |b, t| {
            b.iter(|| roster_rules::parse_schedule(black_box(t)))
        });
    }
    g.finish();
}

/// The scaling rows (`support/scaling.rs`): each op on a plain small account and on a large
/// or adversarial one; `pkg/bench/report.mjs` reports the ratio of the two medians. At
/// their full sizes only under `cargo bench`: the smoke test builds small accounts.
fn scaling(c: &mut Criterion) {
    let scale = if benching() { scaling::Scale::FULL } else { scaling::Scale::SMOKE };
    let mut g = c.benchmark_group("scaling");
    for id in scaling::ROWS {
        let row = scaling::row(id, scale).expect("a known row");
        for side in &row.sides {
            let mut e = engine_with(side.layout);
            let ops: Vec<Op> = side.ops.iter().cloned().map(op).collect();
            let expected = |o: &roster_rules::Outcome| row.expect.holds(o.ok, o.codes().into_iter());
            let bench_id = BenchmarkId::new(row.id, &side.label);
            match row.mode {
                scaling::Mode::Check => {
                    let first = e.check(&ops[0]);
                    assert!(expected(&first), "scaling {} / {}: {:?}", row.id, side.label, first.codes());
                    // The imports (2,000 rows, or a 1 MB row) take milliseconds: 10 samples.
                    g.sample_size(if matches!(ops[0], Op::ImportUsers { .. }) { 10 } else { 100 });
                    g.bench_function(bench_id, |b| b.iter(|| e.check(black_box(&ops[0]))));
                }
                scaling::Mode::ApplyInTurn => {
                    // Two edits that undo each other, applied in turn: each call changes the
                    // engine (the indexes are updated in place), and nothing is copied.
                    for o in &ops {
                        let outcome = e.apply(o);
                        assert!(expected(&outcome), "scaling {} / {}: {:?}", row.id, side.label, outcome.codes());
                    }
                    g.sample_size(100);
                    let mut turn = 0;
                    g.bench_function(bench_id, |b| {
                        b.iter(|| {
                            turn ^= 1;
                            let outcome = e.apply(black_box(&ops[turn]));
                            assert!(outcome.ok, "the edits in turn must keep passing");
                            outcome
                        })
                    });
                }
            }
        }
    }
    g.finish();
}

criterion_group!(benches, check, check_field, audit, import, engine_new, schedule, scaling);
criterion_main!(benches);
