// The Node side of the benchmarks (SPEC §7), run by scripts/bench: the wasm package as a
// Node backend or a form uses it, on the same generated accounts and ops as the native
// criterion benchmarks (benches/native.rs), and, side by side in the same run, the peers
// of SPEC §7's ratio budgets (valibot, zod, JSON.parse) and ajv.
//
//   node bench.mjs [--out FILE] [--data DIR] [--quick | --smoke] [--filter REGEX]
//
// --smoke (scripts/bench --smoke, for the test suite): every task a few times instead of
// timed, the scaling rows at the small sizes, the generator's debug build; checks that
// every op still answers as the benchmark expects and that the report can be written.
//
// Writes a JSON file of results (times in ns; default target/bench/node.json) and prints
// a table. The accounts, ops and CSV come from `cargo run --release --example
// gen_account` and are written to DIR (default target/bench/data).
//
// Both builds of the package run in this one process: the Node build (pkg/js/node.mjs,
// opt-level 3, ids `wasm/…`) and the browser build (pkg/js/inline.js after `await
// init()`, the size-optimised .wasm a browser downloads, ids `wasm-small/…`). The main
// rows run on both, so the report shows what each build costs; the rest on the Node
// build, which is what `import 'roster-rules'` loads in Node.
//
// Timing: mitata's `measure`. An operation faster than ~65 µs is timed in batches of
// 4096 calls, so each sample is the mean of one batch, and the median, p75 and p99 below
// are over those samples; slower operations are timed one call per sample. Each row
// records when it ran and the load average then, so the report can say which numbers
// come from a busy machine (with this process's own CPU use in that window).
//
// The ajv / zod / valibot schemas (./peers/) are BENCHMARK-ONLY stand-ins for what a form
// author would write instead of the engine: they check the format of strings and nothing
// else (no uniqueness against the account's users, no free-extension hint, no range, no
// messages from the engine's table). They are not used by the product and are not a
// second implementation of its rules.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

import { measure, do_not_optimize } from 'mitata';

import * as nodeBuild from '../js/node.mjs';
import * as browserBuild from '../js/inline.js';
import { arg, argv } from './args.mjs';
import { budgetData, scalingData } from './data.mjs';
import * as ajv from './peers/ajv.mjs';
import * as zod from './peers/zod.mjs';
import * as valibot from './peers/valibot.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

// ------------------------------------------------------------------ arguments
const quick = argv.includes('--quick');
const smoke = argv.includes('--smoke');
const outFile = resolve(arg('--out', `${root}/target/bench/node.json`));
const dataDir = resolve(arg('--data', `${root}/target/bench/data`));
const filter = arg('--filter', null) ? new RegExp(arg('--filter')) : null;
// mitata's default is at least 642 ms of CPU time and 12 samples per benchmark; 30 here.
// warmup_samples: mitata batches an operation (4096 calls per sample) when one warm-up call
// takes under 65 µs; more warm-up calls make that choice stable for the 10–60 µs ops, so
// every fast row is timed the same way (and the way criterion does: means of iterations).
// An op slower than a millisecond needs no such care and gets two warm-up calls.
const smokeOpts = { warmup_samples: 1, min_samples: 2, min_cpu_time: 0, batch_samples: 8 };
const opts = smoke
  ? smokeOpts
  : quick
    ? { warmup_samples: 32, min_cpu_time: 150e6, min_samples: 8 }
    : { warmup_samples: 32, min_samples: 30 };
const slowOpts = smoke ? smokeOpts : { ...opts, warmup_samples: 2, min_samples: quick ? 5 : 10 };

// ------------------------------------------------------------------ the two builds
await browserBuild.init();
const builds = {
  node: { prefix: 'wasm', api: nodeBuild, name: 'Node build (pkg/js/node.mjs: opt-level 3, pkg/dist/node/)' },
  small: {
    prefix: 'wasm-small',
    api: browserBuild,
    name: 'browser build (pkg/js/inline.js: opt-level "z" + wasm-opt, pkg/dist/roster_rules_bg.wasm)',
  },
};

// ------------------------------------------------------------------ generated data
mkdirSync(dirname(outFile), { recursive: true });
process.stderr.write(`generating accounts and ops into ${dataDir} …\n`);
const data = budgetData(root, dataDir, { release: !smoke });
const scaling = scalingData(root, `${dataDir}/scaling`, { release: !smoke, smoke });
const account10000Text = JSON.stringify(data.account10000);
const importOp = { type: 'importUsers', actor: 'u1', csv: data.csv5000 };

const codes = (o) => o.violations.map((x) => x.code);
function must(outcome, what) {
  if (!outcome.ok) throw new Error(`${what} must pass for the benchmark: ${codes(outcome).join(', ')}`);
  return outcome;
}

// Engines over the budget accounts, per build, made once and checked once.
const engines = {};
for (const [key, b] of Object.entries(builds)) {
  const e = (engines[key] = {});
  for (const n of [10, 5000, 10000]) e[n] = new b.api.Engine(data[`account${n}`]);
  for (const n of [10, 10000]) {
    must(e[n].check(data[`add${n}`]), `addUser on ${n} (${key} build)`);
    must(e[n].check(data[`edit${n}`]), `editUser on ${n} (${key} build)`);
    const audit = e[n].check({ type: 'audit' });
    if (audit.violations.length) throw new Error(`the generated ${n}-user account is not clean: ${codes(audit)}`);
  }
  must(e[5000].check(importOp), `importUsers of 5000 rows (${key} build)`);
}

// The values of benches/native.rs `check_field` (as typed into the add form of a
// 10,000-user account): extension 10500 is taken there, so it reports extension_taken with
// the holder and a free suggestion; the others pass.
const fieldInputs = [
  { field: 'name', value: 'Meera Joshi' },
  { field: 'email', value: 'meera.joshi@acme.in' },
  { field: 'mobile', value: '98765 43210' },
  { field: 'extension', value: '10500' },
];
// Wrong as typed, for the libraries' error paths (no native counterpart).
const badInputs = [
  { field: 'name', value: 'Meera \u202EJoshi' },
  { field: 'email', value: 'meera.joshi@' },
  { field: 'mobile', value: '12345 6789' },
  { field: 'extension', value: '0105' },
];
const schedules = ['Mo-Fr 09:00-18:00; Sa 10:00-14:00', '24/7', 'Mon-Fri 9:30 am to 6 pm'];
// The four formats of the benchmark's addUser on 10,000 users, as one form's values: the
// input of the peers' object schemas (SPEC §7: `check` of that addUser ÷ valibot on them).
const { name, email, mobile, extension } = data.add10000.user;
const formValues = { name, email, mobile, extension };

// ------------------------------------------------------------------ the peers
const libraries = { ajv, zod, valibot };
const versions = Object.fromEntries(Object.keys(libraries).map((l) => [l, pkgVersion(l)]));
function pkgVersion(name) {
  return JSON.parse(readFileSync(`${here}/node_modules/${name}/package.json`, 'utf8')).version;
}
// The peers must agree with the engine on the format of these inputs, or the comparison
// would time different work.
for (const { field, value } of fieldInputs) {
  for (const [lib, l] of Object.entries(libraries)) {
    if (!l.ok(l.field(field, value))) throw new Error(`${lib} rejects the valid ${field} ${JSON.stringify(value)}`);
  }
}
for (const { field, value } of badInputs) {
  if (engines.node[10000].checkField(field, value).ok) throw new Error(`the engine accepts the bad ${field}`);
  for (const [lib, l] of Object.entries(libraries)) {
    if (l.ok(l.field(field, value))) throw new Error(`${lib} accepts the bad ${field} ${JSON.stringify(value)}`);
  }
}
for (const [lib, l] of Object.entries(libraries)) {
  if (!l.ok(l.form(formValues))) throw new Error(`${lib} rejects the form ${JSON.stringify(formValues)}`);
}
if (JSON.parse(account10000Text).users.length !== 10000) throw new Error('JSON.parse of the account');

// ------------------------------------------------------------------ the benchmarks
// A task: `id`, `kind` (wasm, lib, peer, js), `native` (the criterion full id of the same
// work natively, for the wasm/native ratio), `fn` (the timed call) or `prepare` (returns
// `{ fn, after?, meta? }`, for rows whose engine is made just before and freed after).
const tasks = [];
const task = (t) => tasks.push(t);

// The main rows, on both builds.
for (const [key, b] of Object.entries(builds)) {
  const e = engines[key];
  const p = b.prefix;
  for (const { field, value } of fieldInputs) {
    task({ id: `${p}/checkField/${field}/10000`, kind: 'wasm', build: key, native: `checkField/${field}/10000`, field,
      input: value, result: codes(e[10000].checkField(field, value)), fn: () => e[10000].checkField(field, value) });
  }
  for (const n of [10, 10000]) {
    for (const [op, k] of [['addUser', 'add'], ['editUser', 'edit']]) {
      const o = data[`${k}${n}`];
      task({ id: `${p}/check/${op}/${n}`, kind: 'wasm', build: key, native: `check/${op}/${n}`, fn: () => e[n].check(o) });
    }
  }
  task({ id: `${p}/newEngine/10000 from object`, kind: 'wasm', build: key, native: 'newEngine/10000 from JSON',
    note: 'account as a JS object (JSON.stringify at the boundary); native parses JSON text',
    fn: () => new b.api.Engine(data.account10000).free() });
  task({ id: `${p}/newEngine/10000 from JSON`, kind: 'wasm', build: key, native: 'newEngine/10000 from JSON',
    fn: () => new b.api.Engine(account10000Text).free() });
  task({ id: `${p}/audit/10000`, kind: 'wasm', build: key, native: 'audit/10000', fn: () => e[10000].check({ type: 'audit' }) });
  task({ id: `${p}/importUsers/check/5000 rows into 5000`, kind: 'wasm', build: key,
    native: 'importUsers/check/5000 rows into 5000', fn: () => e[5000].check(importOp) });
  task({ id: `${p}/parseSchedule/${schedules[0]}`, kind: 'wasm', build: key, native: `schedule/parse/${schedules[0]}`,
    note: 'parseSchedule() returns the whole Outcome (canonical + weekly) as a JS object; native returns the typed Schedule',
    fn: () => b.api.parseSchedule(schedules[0]) });
}

// The rest, on the Node build.
{
  const e = engines.node;
  for (const { field, value } of badInputs) {
    task({ id: `wasm/checkField/${field}/10000/invalid`, kind: 'wasm', build: 'node', field, input: value, invalid: true,
      result: codes(e[10000].checkField(field, value)), fn: () => e[10000].checkField(field, value) });
  }
  for (const text of schedules.slice(1)) {
    task({ id: `wasm/parseSchedule/${text}`, kind: 'wasm', build: 'node', native: `schedule/parse/${text}`,
      note: 'parseSchedule() returns the whole Outcome (canonical + weekly) as a JS object; native returns the typed Schedule',
      fn: () => nodeBuild.parseSchedule(text) });
  }
  task({ id: 'wasm/audit/10', kind: 'wasm', build: 'node', native: 'audit/10', fn: () => e[10].check({ type: 'audit' }) });
  // The way in alone (no wasm): what `check` spends in JSON.stringify of the op before the
  // call. The answer's way out (the tape and the JS reader of src/wasm/tape.rs) is inside the
  // wasm row; the rest of that row is the decode, the rules and the copies across.
  task({ id: 'wasm/boundary/check/addUser/10000', kind: 'js', note: 'JS only: JSON.stringify of the input',
    fn: () => JSON.stringify(data.add10000) });
}

// The peers of the ratio budgets and the library comparison.
task({ id: 'peer/JSON.parse/account 10000', kind: 'peer', note: "JSON.parse of the 10,000-user account's text",
  bytes: Buffer.byteLength(account10000Text), fn: () => JSON.parse(account10000Text) });
for (const [lib, l] of Object.entries(libraries)) {
  task({ id: `${lib}/form`, kind: 'lib', lib, version: versions[lib], input: formValues,
    note: 'the four formats as one object schema', fn: () => l.form(formValues) });
  for (const [set, inputs] of [['valid', fieldInputs], ['invalid', badInputs]]) {
    for (const { field, value } of inputs) {
      const suffix = set === 'invalid' ? '/invalid' : '';
      task({ id: `${lib}/${field}${suffix}`, kind: 'lib', lib, version: versions[lib], field, input: value,
        invalid: set === 'invalid', wasm: `wasm/checkField/${field}/10000${suffix}`, fn: () => l.field(field, value) });
    }
  }
}

// The scaling rows (issue 15), on the Node build: each side's engine is made just before
// its row and freed after, so no row sees another's edits and memory stays flat.
// `expect` as benches/support/scaling.rs writes it: {ok: true}, {ok: false, codes}, {okOr: codes}.
function expected(expect, outcome) {
  const only = (codes) => outcome.violations.every((v) => codes.includes(v.code));
  if (expect.okOr) return outcome.ok || only(expect.okOr);
  if (expect.ok) return outcome.ok;
  return !outcome.ok && only(expect.codes);
}
for (const row of scaling.rows) {
  row.sides.forEach((side, index) => {
    task({
      id: `wasm/scaling/${row.id}/${side.label}`, kind: 'wasm', build: 'node', native: `scaling/${row.id}/${side.label}`,
      scaling: { row: row.id, side: index, label: side.label, users: side.users, mode: row.mode },
      prepare() {
        const e = new nodeBuild.Engine(readFileSync(`${scaling.dir}/${side.account}`, 'utf8'));
        const ops = side.ops.map((f) => JSON.parse(readFileSync(`${scaling.dir}/${f}`, 'utf8')));
        const answers = row.mode === 'applyInTurn' ? ops.map((o) => e.apply(o)) : [e.check(ops[0])];
        for (const a of answers) {
          if (!expected(row.expect, a)) throw new Error(`scaling ${row.id} / ${side.label}: ${codes(a).slice(0, 5)}`);
        }
        const meta = {
          answer_bytes: Buffer.byteLength(JSON.stringify(answers[0])),
          violations: answers[0].violations.length,
          input_bytes: Buffer.byteLength(JSON.stringify(ops[0])),
        };
        if (row.mode === 'check') return { fn: () => e.check(ops[0]), after: () => e.free(), meta };
        // Two edits that undo each other, in turn: every call changes the engine, nothing
        // is copied, and each answer must stay ok (counted, checked after the timing).
        let turn = 1;
        let failed = 0;
        const fn = () => {
          turn ^= 1;
          const o = e.apply(ops[turn]);
          if (!o.ok) failed++;
          return o;
        };
        const after = () => {
          e.free();
          if (failed) throw new Error(`scaling ${row.id} / ${side.label}: ${failed} applies failed`);
        };
        return { fn, after, meta };
      },
    });
  });
}

// ------------------------------------------------------------------ run
const started = new Date();
const results = [];
for (const t of tasks) {
  if (filter && !filter.test(t.id)) continue;
  const { fn, after, meta } = t.prepare ? t.prepare() : { fn: t.fn };
  // One call first: which options fit (slow ops need no 32 warm-up calls).
  const t0 = process.hrtime.bigint();
  do_not_optimize(fn());
  const first = Number(process.hrtime.bigint() - t0);
  const loadBefore = os.loadavg()[0];
  const start = Date.now();
  const cpu0 = process.cpuUsage();
  const s = await measure(() => do_not_optimize(fn()), first > 1e6 ? slowOpts : opts);
  const cpu = process.cpuUsage(cpu0);
  const end = Date.now();
  after?.();
  const { fn: _f, prepare: _p, ...rest } = t;
  const row = {
    ...rest,
    ...(meta ? { scaling: { ...rest.scaling, ...meta } } : {}),
    median_ns: s.p50,
    p75_ns: s.p75,
    p99_ns: s.p99,
    min_ns: s.min,
    max_ns: s.max,
    mean_ns: s.avg,
    samples: s.samples.length,
    calls: s.ticks,
    batched: s.ticks > s.samples.length,
    start_ms: start,
    end_ms: end,
    loadavg: [loadBefore, os.loadavg()[0]],
    // This process's CPU in the window, in cores (the GC's helper threads can take it past one).
    own_cores: (cpu.user + cpu.system) / 1000 / Math.max(1, end - start),
  };
  results.push(row);
  if (!smoke) process.stderr.write(`  ${t.id.padEnd(70)} ${fmt(row.median_ns).padStart(10)}\n`);
}

const out = {
  generated: started.toISOString(),
  finished: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  harness: { name: 'mitata', version: pkgVersion('mitata'), quick, smoke, options: opts, slowOptions: slowOpts },
  builds: Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, { prefix: b.prefix, name: b.name }])),
  libraries: versions,
  formValues,
  scaling: scaling.rows.map(({ id, what, mode, expect, sides }) => ({
    id, what, mode, expect, sides: sides.map(({ label, users }) => ({ label, users })),
  })),
  caveat:
    'ajv, zod and valibot check the format of strings only: no uniqueness against the ' +
    "account's users, no extension range, no free-extension suggestion, no hints. The " +
    'engine does all of that in the same call.',
  results,
};
writeFileSync(outFile, `${JSON.stringify(out, null, 2)}\n`);

// ------------------------------------------------------------------ table
function fmt(ns) {
  if (ns == null || Number.isNaN(ns)) return '—';
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
}
const byId = new Map(results.map((r) => [r.id, r]));
const line = (cells, widths) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const ratio = (a, b) => (a && b ? `${(a.median_ns / b.median_ns).toFixed(2)}×` : '—');

console.log(`\nwasm in Node (${process.version}), medians: Node build | browser build\n`);
let w = [60, 11, 11, 8];
console.log(line(['benchmark', 'Node build', 'browser', 'samples'], w));
for (const r of results.filter((r) => r.kind === 'wasm' && r.build === 'node' && !r.scaling)) {
  const small = byId.get(r.id.replace(/^wasm\//, 'wasm-small/'));
  console.log(line([r.id.replace(/^wasm\//, ''), fmt(r.median_ns), fmt(small?.median_ns), r.samples], w));
}

console.log('\nSPEC §7 ratios (Node build; browser build in brackets)\n');
const ratioRows = [
  ['check addUser 10k ÷ valibot 4-field form', 'check/addUser/10000', 'valibot/form', 5],
  ["checkField('email') ÷ zod email", 'checkField/email/10000', 'zod/email', 4],
  ['new Engine 10k (object) ÷ JSON.parse', 'newEngine/10000 from object', 'peer/JSON.parse/account 10000', 2],
  ['new Engine 10k (JSON text) ÷ JSON.parse', 'newEngine/10000 from JSON', 'peer/JSON.parse/account 10000', 2],
];
w = [44, 11, 11, 10, 10, 8];
console.log(line(['what', 'engine', 'peer', 'ratio', 'browser', 'budget'], w));
for (const [what, id, peer, budget] of ratioRows) {
  const [n, s, p] = [byId.get(`wasm/${id}`), byId.get(`wasm-small/${id}`), byId.get(peer)];
  console.log(line([what, fmt(n?.median_ns), fmt(p?.median_ns), ratio(n, p), `(${ratio(s, p)})`, `≤ ${budget}×`], w));
}

console.log('\nscaling (Node build): large or adversarial ÷ plain\n');
w = [30, 36, 11, 11, 8, 12];
console.log(line(['row', 'sides', 'plain', 'adversarial', 'ratio', 'answer B'], w));
for (const row of scaling.rows) {
  const [a, b] = row.sides.map((s) => byId.get(`wasm/scaling/${row.id}/${s.label}`));
  const bytes = [a, b].map((r) => r?.scaling?.answer_bytes ?? '—').join(' / ');
  console.log(line([row.id, row.sides.map((s) => s.label).join(' | '), fmt(a?.median_ns), fmt(b?.median_ns), ratio(b, a), bytes], w));
}
console.log(`\nresults: ${outFile}`);
