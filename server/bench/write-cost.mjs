#!/usr/bin/env node
// What the engine costs a write, against the same write without it (server/README.md,
// "Benchmark"). Run by hand; prints a Markdown table.
//
//   node bench/write-cost.mjs                      the embedded database (PGlite, a temp folder)
//   BENCH_DATABASE_URL=postgres://… node bench/write-cost.mjs   PostgreSQL (a database it may fill)
//   BENCH_QUICK=1 …                                fewer writes
//
// Rows:
//   - write with the engine: src/ops.mjs's write of one addUser (transaction, account row
//     lock, cache follow, apply, INSERT, version bump, COMMIT); its engine time
//     (upsertUser/removeUser/apply) is measured inside it;
//   - the same write without the engine: the same transaction with the same INSERT of an
//     already normalised row (lock, INSERT, bump, COMMIT), i.e. what a backend that trusts
//     its input would do;
//   - per account (one account), and across 100 accounts (writes round the accounts, each
//     with its cached engine);
//   - on a 10,000-user account: the engine time of a write with a fresh cache, with one a
//     few rows behind (another process wrote 5 users since), and a rebuild for reference.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../../pkg/js/node.mjs';
import { openDatabase } from '../src/db.mjs';
import { migrate } from '../src/schema.mjs';
import { seedAccount } from '../src/seed.mjs';
import { EngineCache } from '../src/engines.mjs';
import { write } from '../src/ops.mjs';
import * as store from '../src/store.mjs';

const quick = Boolean(process.env.BENCH_QUICK);
const url = process.env.BENCH_DATABASE_URL || null;
const dataDir = url ? null : mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
const database = await openDatabase({ url, dataDir, poolSize: 2 });
await migrate(database);

// Time spent in the statements of a write (the lock, the INSERT, the version bump), so a
// row shows engine, SQL and the rest (BEGIN/COMMIT, JavaScript around them) apart.
let sqlMs = 0;
const db = {
  ...database,
  transaction: (fn, options) =>
    database.transaction(
      (tx) =>
        fn({
          async query(sql, params) {
            const t = performance.now();
            try {
              return await tx.query(sql, params);
            } finally {
              sqlMs += performance.now() - t;
            }
          },
        }),
      options,
    ),
};
const run = Date.now().toString(36); // account ids of this run (a PostgreSQL database may be reused)

// Engine time inside a write: every call into the engine that a write makes.
let engineMs = 0;
for (const name of ['apply', 'upsertUser', 'removeUser']) {
  const original = Engine.prototype[name];
  Engine.prototype[name] = function timed(...args) {
    const t = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      engineMs += performance.now() - t;
    }
  };
}

let serial = 1000; // past the owner's mobile and extension
/** A user nobody holds yet, as typed into a form (`typed`) and as stored (`stored`). */
function newcomer() {
  const n = ++serial;
  const digits = `9${String(n).padStart(9, '0')}`;
  const typed = { name: `Bench User ${n}`, email: `bench${n}@bench.in`, mobile: digits, extension: String(100000 + n), departments: ['sales'] };
  const stored = { ...typed, id: `x${n}`, mobile: `+91${digits}`, role: 'agent', pro: false, status: 'pending', schedule: '24/7' };
  return { typed, stored };
}

function account(users) {
  return {
    plan: 'enterprise',
    proSeats: 10,
    extensionRange: { from: 100, to: 999999 },
    departments: [{ id: 'sales', name: 'Sales', routing: 'round_robin' }],
    users: [
      { id: 'u1', name: 'Owner One', email: 'owner@bench.in', mobile: '+919000000001', extension: '100', role: 'owner', pro: true, status: 'active', departments: ['sales'] },
      ...Array.from({ length: users - 1 }, () => newcomer().stored).map((u, k) => ({ ...u, id: `u${k + 2}` })),
    ],
  };
}

async function seed(id, users) {
  await seedAccount(db, id, account(users));
  return id;
}

/** The write without the engine: the same transaction, the row as the form would be
 *  stored if nothing checked it. */
async function plainWrite(accountId, row) {
  await db.transaction(async (tx) => {
    const head = await store.accountHead(tx, accountId, { lock: true });
    await store.insertUser(tx, accountId, row, head.version + 1);
    await store.bumpAccount(tx, accountId, head.version + 1, head.nextUserNumber);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const fmt = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`);

/** Times `count` calls of `fn(i)`; per call: total, engine and SQL time. */
async function timeWrites(count, fn) {
  const total = [];
  const engine = [];
  const sql = [];
  for (let i = 0; i < count; i++) {
    engineMs = 0;
    sqlMs = 0;
    const t = performance.now();
    await fn(i);
    total.push(performance.now() - t);
    engine.push(engineMs);
    sql.push(sqlMs);
  }
  return { total, engine, sql };
}

/** Times `count` pairs, one write of each kind in turn, so that both meet the same
 *  machine (other work on it, the table's growth). */
async function timePairs(count, withFn, withoutFn) {
  const withEngine = { total: [], engine: [], sql: [] };
  const without = { total: [], engine: [], sql: [] };
  for (let i = 0; i < count; i++) {
    for (const [fn, into] of i % 2 ? [[withFn, withEngine], [withoutFn, without]] : [[withoutFn, without], [withFn, withEngine]]) {
      const one = await timeWrites(1, () => fn(i));
      for (const k of ['total', 'engine', 'sql']) into[k].push(...one[k]);
    }
  }
  return [withEngine, without];
}

const rows = [];
function report(what, withEngine, without) {
  const w = median(withEngine.total);
  const e = median(withEngine.engine);
  const p = median(without.total);
  rows.push(
    `| ${what} | ${fmt(w)} (p90 ${fmt(p90(withEngine.total))}) | ${fmt(e)} | ${fmt(median(withEngine.sql))} | ` +
      `${fmt(p)} (p90 ${fmt(p90(without.total))}) | ${fmt(median(without.sql))} | ${fmt(w - p)} | ${((e / w) * 100).toFixed(1)} % |`,
  );
}

const N = quick ? 100 : 400;
const engines = new EngineCache();
const check = (result) => {
  if (!result.outcome.ok) throw new Error(JSON.stringify(result.outcome.violations));
};

// --- one account, 100 users ---------------------------------------------------------
{
  const a = await seed(`one-${run}`, 100);
  const b = await seed(`one-plain-${run}`, 100);
  await write(db, engines, a, { type: 'addUser', actor: 'u1', user: newcomer().typed }); // builds the cache
  for (let i = 0; i < 20; i++) await plainWrite(b, newcomer().stored); // warm-up
  const [withEngine, without] = await timePairs(
    N,
    () => write(db, engines, a, { type: 'addUser', actor: 'u1', user: newcomer().typed }).then(check),
    () => plainWrite(b, newcomer().stored),
  );
  report('one account (100 users), addUser', withEngine, without);
}

// --- 100 accounts, round robin ------------------------------------------------------
{
  const ids = [];
  for (let k = 0; k < 100; k++) ids.push(await seed(`many-${run}-${k}`, 100));
  for (const id of ids) await write(db, engines, id, { type: 'addUser', actor: 'u1', user: newcomer().typed }); // every cache built
  const [withEngine, without] = await timePairs(
    N,
    (i) => write(db, engines, ids[i % 100], { type: 'addUser', actor: 'u1', user: newcomer().typed }).then(check),
    (i) => plainWrite(ids[i % 100], newcomer().stored),
  );
  report('100 accounts (100 users each), addUser round robin', withEngine, without);
}

// --- 10,000 users: fresh cache, stale cache, rebuild ---------------------------------
const big = [];
{
  const id = await seed(`big-${run}`, 10_000);
  const mine = new EngineCache();
  const other = new EngineCache(); // another process writing to the same account
  await write(db, mine, id, { type: 'addUser', actor: 'u1', user: newcomer().typed });
  const M = quick ? 30 : 100;
  const fresh = await timeWrites(M, () => write(db, mine, id, { type: 'addUser', actor: 'u1', user: newcomer().typed }).then(check));
  const edits = await timeWrites(M, (i) => write(db, mine, id, { type: 'editUser', actor: 'u1', target: `u${2 + i}`, patch: { extension: String(700000 + i) } }).then(check));
  const stale = { total: [], engine: [], sql: [] };
  for (let i = 0; i < M; i++) {
    for (let k = 0; k < 5; k++) await write(db, other, id, { type: 'addUser', actor: 'u1', user: newcomer().typed }).then(check);
    const one = await timeWrites(1, () => write(db, mine, id, { type: 'addUser', actor: 'u1', user: newcomer().typed }).then(check));
    stale.total.push(...one.total);
    stale.engine.push(...one.engine);
  }
  const rebuild = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t = performance.now();
    const acc = await db.transaction((tx) => store.loadAccount(tx, id));
    const loaded = performance.now();
    new Engine(acc).free();
    rebuild.push([loaded - t, performance.now() - loaded]);
  }
  const line = (what, m) => big.push(`| ${what} | ${fmt(median(m.engine))} | ${fmt(median(m.total))} (p90 ${fmt(p90(m.total))}) |`);
  line('addUser, fresh cache', fresh);
  line('editUser (extension), fresh cache', edits);
  line('addUser, cache 5 rows behind (follows 5 upsertUser, then apply)', stale);
  big.push(`| a rebuild instead: \`new Engine\` of the account read from the database | ${fmt(median(rebuild.map((r) => r[1])))} | read ${fmt(median(rebuild.map((r) => r[0])))} + build |`);
}

console.log(`\n${url ? 'PostgreSQL' : 'PGlite (embedded)'}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model}; ${N} writes per row; medians\n`);
console.log('| write | with the engine | of which engine | of which SQL | plain INSERT, same transaction | of which SQL | difference | engine share of the write |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('\n| 10,000-user account | engine time of the write | whole write |');
console.log('|---|---|---|');
for (const r of big) console.log(r);

engines.clear();
await database.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
