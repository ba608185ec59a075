// The Node side of the benchmarks (SPEC §7), run by scripts/bench: the wasm package as a
// Node backend or a form uses it, on the same generated accounts and ops as the native
// criterion benchmarks (benches/native.rs), and, side by side in the same run, ajv, zod
// and valibot on the field rules they can express.
//
//   node bench.mjs [--out FILE] [--data DIR] [--quick] [--filter REGEX]
//
// Writes a JSON file of results (times in ns; default target/bench/node.json) and prints
// a table. The accounts, ops and CSV come from `cargo run --release --example
// gen_account` and are written to DIR (default target/bench/data).
//
// Timing: mitata's `measure`. An operation faster than ~65 µs is timed in batches of
// 4096 calls, so each sample is the mean of one batch, and the median, p75 and p99 below
// are over those samples; slower operations are timed one call per sample.
//
// The ajv / zod / valibot schemas are BENCHMARK-ONLY stand-ins for what a form author
// would write instead of the engine: they check the format of one string and nothing
// else (no uniqueness against the account's users, no free-extension hint, no range,
// no messages from the engine's table). They are not used by the product and are not
// a second implementation of its rules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

import { measure, do_not_optimize } from 'mitata';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as z from 'zod';
import * as v from 'valibot';

import { Engine, parseSchedule } from '../js/node.mjs';
import { arg, argv } from './args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

// ------------------------------------------------------------------ arguments
const quick = argv.includes('--quick');
const outFile = resolve(arg('--out', `${root}/target/bench/node.json`));
const dataDir = resolve(arg('--data', `${root}/target/bench/data`));
const filter = arg('--filter', null) ? new RegExp(arg('--filter')) : null;
// mitata's default is at least 642 ms of CPU time and 12 samples per benchmark; 30 here.
// warmup_samples: mitata batches an operation (4096 calls per sample) when one warm-up call
// takes under 65 µs; more warm-up calls make that choice stable for the 10–60 µs ops, so
// every fast row is timed the same way (and the way criterion does: means of iterations).
const opts = quick ? { warmup_samples: 32, min_cpu_time: 150e6, min_samples: 8 } : { warmup_samples: 32, min_samples: 30 };

// ------------------------------------------------------------------ generated data
// The same generator as the criterion benches (benches/support/accounts.rs).
function gen(args, file) {
  const text = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'gen_account', '--', ...args], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  writeFileSync(`${dataDir}/${file}`, text);
  return text;
}
mkdirSync(dataDir, { recursive: true });
mkdirSync(dirname(outFile), { recursive: true });
process.stderr.write(`generating accounts and ops into ${dataDir} …\n`);
const data = {};
for (const n of [10, 5000, 10000]) data[`account${n}`] = JSON.parse(gen([String(n)], `account-${n}.json`));
for (const n of [10, 10000]) {
  data[`add${n}`] = JSON.parse(gen([String(n), '--add'], `add-${n}.json`));
  data[`edit${n}`] = JSON.parse(gen([String(n), '--edit'], `edit-${n}.json`));
}
data.csv5000 = gen(['5000', '--csv'], 'import-5000.csv').replace(/\n$/, '');

// ------------------------------------------------------------------ engines
const engines = {
  10: new Engine(data.account10),
  5000: new Engine(data.account5000),
  10000: new Engine(data.account10000),
};
const codes = (o) => o.violations.map((x) => x.code);
function must(outcome, what) {
  if (!outcome.ok) throw new Error(`${what} must pass for the benchmark: ${codes(outcome).join(', ')}`);
  return outcome;
}
for (const n of [10, 10000]) {
  must(engines[n].check(data[`add${n}`]), `addUser on ${n}`);
  must(engines[n].check(data[`edit${n}`]), `editUser on ${n}`);
  const audit = engines[n].check({ type: 'audit' });
  if (audit.violations.length) throw new Error(`the generated ${n}-user account is not clean: ${codes(audit)}`);
}
const importOp = { type: 'importUsers', actor: 'u1', csv: data.csv5000 };
must(engines[5000].check(importOp), 'importUsers of 5000 rows');
const account10000Text = JSON.stringify(data.account10000);

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

// ------------------------------------------------------------------ the competitors
// Benchmark-only (see the header): format checks a form author might write by hand.
// Separators a person types in a phone number; the libraries that can transform strip
// them first, JSON Schema cannot, so its pattern allows them between digits.
const SEP = /[\s.\-()]/g;
const MOBILE = /^(?:(?:\+91|0091|91|0)?[6-9]\d{9}|\+(?!91)[1-9]\d{6,14})$/;
const EXTENSION = /^[1-9]\d*$/;
// Not blank, no control/format characters (bidi controls, zero-width space, word joiner,
// BOM and ZWJ/ZWNJ alike: a hand-written pattern rarely allows ZWJ only between letters),
// no emoji.
const NAME = /^(?!\s*$)[^\p{Cc}\p{Cf}\p{Extended_Pictographic}]*$/u;
const NAME_SRC = '^(?!\\s*$)[^\\p{Cc}\\p{Cf}\\p{Extended_Pictographic}]*$';

const ajv = new Ajv({ allErrors: false });
addFormats(ajv, ['email']);
const ajvSchemas = {
  name: ajv.compile({ type: 'string', minLength: 1, maxLength: 100, pattern: NAME_SRC }),
  email: ajv.compile({ type: 'string', maxLength: 254, format: 'email' }),
  // Separators allowed between the digits, since JSON Schema cannot strip them first.
  mobile: ajv.compile({
    type: 'string',
    pattern: '^[\\s.()-]*(?:(?:\\+91|0091|91|0)?[\\s.()-]*[6-9](?:[\\s.()-]*\\d){9}|\\+(?!91)[1-9](?:[\\s.()-]*\\d){6,14})[\\s.()-]*$',
  }),
  extension: ajv.compile({ type: 'string', pattern: '^[1-9]\\d*$' }),
};
const zodSchemas = {
  name: z.string().trim().min(1).max(100).regex(NAME),
  email: z.string().max(254).pipe(z.email({ pattern: z.regexes.html5Email })),
  mobile: z.string().transform((s) => s.replace(SEP, '')).pipe(z.string().regex(MOBILE)),
  extension: z.string().regex(EXTENSION),
};
const valibotSchemas = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100), v.regex(NAME)),
  email: v.pipe(v.string(), v.maxLength(254), v.email()),
  mobile: v.pipe(v.string(), v.transform((s) => s.replace(SEP, '')), v.regex(MOBILE)),
  extension: v.pipe(v.string(), v.regex(EXTENSION)),
};
const libraries = {
  ajv: { version: pkgVersion('ajv'), run: (f, x) => ajvSchemas[f](x), ok: (r) => r === true },
  zod: { version: pkgVersion('zod'), run: (f, x) => zodSchemas[f].safeParse(x), ok: (r) => r.success },
  valibot: { version: pkgVersion('valibot'), run: (f, x) => v.safeParse(valibotSchemas[f], x), ok: (r) => r.success },
};
function pkgVersion(name) {
  return JSON.parse(readFileSync(`${here}/node_modules/${name}/package.json`, 'utf8')).version;
}
// The competitors must agree with the engine on the format of these inputs, or the
// comparison would time different work.
for (const { field, value } of fieldInputs) {
  for (const [lib, l] of Object.entries(libraries)) {
    if (!l.ok(l.run(field, value))) throw new Error(`${lib} rejects the valid ${field} ${JSON.stringify(value)}`);
  }
}
for (const { field, value } of badInputs) {
  if (engines[10000].checkField(field, value).ok) throw new Error(`the engine accepts the bad ${field}`);
  for (const [lib, l] of Object.entries(libraries)) {
    if (l.ok(l.run(field, value))) throw new Error(`${lib} accepts the bad ${field} ${JSON.stringify(value)}`);
  }
}

// ------------------------------------------------------------------ the benchmarks
// `native`: the criterion full id of the same work natively (for the wasm/native ratio).
const tasks = [];
const task = (t) => tasks.push(t);
for (const { field, value } of fieldInputs) {
  const e = engines[10000];
  task({ id: `wasm/checkField/${field}/10000`, kind: 'wasm', native: `checkField/${field}/10000`, field, input: value,
    result: codes(e.checkField(field, value)), fn: () => e.checkField(field, value) });
}
for (const { field, value } of badInputs) {
  const e = engines[10000];
  task({ id: `wasm/checkField/${field}/10000/invalid`, kind: 'wasm', field, input: value, invalid: true,
    result: codes(e.checkField(field, value)), fn: () => e.checkField(field, value) });
}
for (const n of [10, 10000]) {
  for (const [op, key] of [['addUser', 'add'], ['editUser', 'edit']]) {
    const e = engines[n];
    const o = data[`${key}${n}`];
    task({ id: `wasm/check/${op}/${n}`, kind: 'wasm', native: `check/${op}/${n}`, fn: () => e.check(o) });
  }
}
task({ id: 'wasm/newEngine/10000 from object', kind: 'wasm', native: 'newEngine/10000 from JSON',
  note: 'account as a JS object (JSON.stringify at the boundary); native parses JSON text',
  fn: () => new Engine(data.account10000).free() });
task({ id: 'wasm/newEngine/10000 from JSON', kind: 'wasm', native: 'newEngine/10000 from JSON',
  fn: () => new Engine(account10000Text).free() });
for (const text of schedules) {
  task({ id: `wasm/parseSchedule/${text}`, kind: 'wasm', native: `schedule/parse/${text}`,
    note: 'parseSchedule() returns the whole Outcome (canonical + weekly) as a JS object; native returns the typed Schedule',
    fn: () => parseSchedule(text) });
}
for (const n of [10, 10000]) {
  const e = engines[n];
  task({ id: `wasm/audit/${n}`, kind: 'wasm', native: `audit/${n}`, fn: () => e.check({ type: 'audit' }) });
}
task({ id: 'wasm/importUsers/check/5000 rows into 5000', kind: 'wasm', native: 'importUsers/check/5000 rows into 5000',
  fn: () => engines[5000].check(importOp) });
// The way in alone (no wasm): what `check` spends in JSON.stringify of the op before the
// call. The answer's way out (the tape and the JS reader of src/wasm/tape.rs) is inside the
// wasm row; the rest of that row is the decode, the rules and the copies across.
for (const [what, input] of [['check/addUser/10000', data.add10000]]) {
  task({ id: `wasm/boundary/${what}`, kind: 'wasm', note: 'JS only: JSON.stringify of the input',
    fn: () => JSON.stringify(input) });
}
for (const [lib, l] of Object.entries(libraries)) {
  for (const [set, inputs] of [['valid', fieldInputs], ['invalid', badInputs]]) {
    for (const { field, value } of inputs) {
      task({ id: `${lib}/${field}${set === 'invalid' ? '/invalid' : ''}`, kind: 'lib', lib, version: l.version,
        field, input: value, invalid: set === 'invalid',
        wasm: `wasm/checkField/${field}/10000${set === 'invalid' ? '/invalid' : ''}`,
        fn: () => l.run(field, value) });
    }
  }
}

// ------------------------------------------------------------------ run
const started = new Date();
const results = [];
for (const t of tasks) {
  if (filter && !filter.test(t.id)) continue;
  const fn = t.fn;
  const s = await measure(() => do_not_optimize(fn()), { ...opts });
  const { fn: _, ...meta } = t;
  const row = {
    ...meta,
    median_ns: s.p50,
    p75_ns: s.p75,
    p99_ns: s.p99,
    min_ns: s.min,
    max_ns: s.max,
    mean_ns: s.avg,
    samples: s.samples.length,
    calls: s.ticks,
    batched: s.ticks > s.samples.length,
  };
  results.push(row);
  process.stderr.write(`  ${t.id.padEnd(52)} ${fmt(row.median_ns).padStart(10)}\n`);
}

const out = {
  generated: started.toISOString(),
  finished: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  harness: { name: 'mitata', version: pkgVersion('mitata'), quick, options: opts },
  libraries: Object.fromEntries(Object.entries(libraries).map(([k, l]) => [k, l.version])),
  caveat:
    'ajv, zod and valibot check the format of one string only: no uniqueness against the ' +
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
const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
console.log(`\nwasm in Node (${process.version}), medians; p75 / p99 of samples\n`);
let w = [52, 11, 11, 11, 8];
console.log(line(['benchmark', 'median', 'p75', 'p99', 'samples'], w));
for (const r of results.filter((r) => r.kind === 'wasm')) {
  console.log(line([r.id, fmt(r.median_ns), fmt(r.p75_ns), fmt(r.p99_ns), r.samples], w));
}
console.log('\nJS libraries on the same field inputs (ratio = wasm checkField median / library median)');
console.log('NOTE: the libraries check FORMAT ONLY — no uniqueness against the 10,000 users, no range, no hints.\n');
w = [28, 11, 11, 11, 11, 10, 10, 10];
console.log(line(['field (input)', 'wasm', 'ajv', 'zod', 'valibot', 'ratio ajv', 'ratio zod', 'ratio vb'], w));
for (const set of ['', '/invalid']) {
  for (const { field } of fieldInputs) {
    const wasm = byId.get(`wasm/checkField/${field}/10000${set}`);
    const libs = ['ajv', 'zod', 'valibot'].map((l) => byId.get(`${l}/${field}${set}`));
    if (!wasm && libs.every((x) => !x)) continue;
    const ratio = (l) => (wasm && l ? `${(wasm.median_ns / l.median_ns).toFixed(1)}×` : '—');
    console.log(line([`${field}${set ? ' (invalid)' : ''}`, fmt(wasm?.median_ns), ...libs.map((l) => fmt(l?.median_ns)), ...libs.map(ratio)], w));
  }
}
console.log(`\nresults: ${outFile}`);
