// The cached engine follows the database: two EngineCaches on one database stand for two
// server processes. A failed write leaves no cache ahead of the database; the unique
// indexes are the last line; ids are never given twice.
import test from 'node:test';
import assert from 'node:assert/strict';
import { EngineCache } from '../src/engines.mjs';
import { read, write as writeAs, canonicalJson } from '../src/ops.mjs';
import * as store from '../src/store.mjs';
import { userNumber } from '../src/ids.mjs';
import { seedAccount } from '../src/seed.mjs';
import { dbUsers, dbVersion, prepare, sameUsers, sample, tempDir } from './helpers.mjs';

let db;
let n = 0;
// One database for the whole file; closed and removed by the hooks of this list.
const cleanups = [];
const suite = { after: (fn) => cleanups.unshift(fn) };
test.before(async () => {
  db = await prepare({ dataDir: tempDir(suite, 'follow-') }, suite);
});
test.after(async () => {
  for (const fn of cleanups) await fn();
});

/** A fresh copy of the sample account under a new id. */
async function account() {
  const id = `acct${++n}`;
  await seedAccount(db, id, sample());
  return id;
}

const gita = (k, extension = String(40 + k)) => ({
  name: `Gita ${k}`,
  email: `gita${k}@acme.in`,
  mobile: `+9198000001${String(k).padStart(2, '0')}`,
  extension,
  departments: ['sales'],
});
const add = (k, extension) => ({ type: 'addUser', actor: 'u1', user: gita(k, extension) });
// Every write here is signed in as the op's own actor.
const write = (db, cache, id, op) => writeAs(db, cache, id, op, op.actor);
const accountOf = async (cache, id) => (await read(db, cache, id, (e) => e.account())).value;

test('a second process follows writes row by row, without rebuilding', async () => {
  const id = await account();
  const [a, b] = [new EngineCache(), new EngineCache()];
  await accountOf(b, id);
  assert.equal(b.stats.rebuilds, 1);

  assert.equal((await write(db, a, id, add(1))).outcome.ok, true);
  assert.equal((await write(db, a, id, { type: 'editUser', actor: 'u1', target: 'u6', patch: { extension: '60', departments: [] } })).outcome.ok, true);
  // u2 may see u6's calls: deleting u6 takes it out of u2's reportUsers too (a second user
  // changed by one op, which the next process must follow; older engines leave it).
  assert.equal((await write(db, a, id, { type: 'editUser', actor: 'u1', target: 'u2', patch: { reportUsers: ['u6'] } })).outcome.ok, true);
  const deleted = await write(db, a, id, { type: 'deleteUser', actor: 'u1', target: 'u6' });
  assert.equal(deleted.outcome.ok, true);
  const reportsOf = async (engines) => (await accountOf(engines, id)).users.find((u) => u.id === 'u2').reportUsers ?? [];
  const cleaned = deleted.outcome.changes.some((c) => c.userId === 'u2');
  assert.deepEqual((await dbUsers(db, id)).find((u) => u.id === 'u2').reportUsers ?? [], cleaned ? [] : ['u6']);
  assert.deepEqual(await reportsOf(a), cleaned ? [] : ['u6']);
  assert.equal((await write(db, a, id, { type: 'replaceUser', actor: 'u1', target: 'u4', mobile: '9800000099' })).outcome.ok, true);

  const seen = await accountOf(b, id);
  assert.equal(b.stats.rebuilds, 1, 'no rebuild: the rows were followed');
  assert.equal(b.stats.rowsFollowed, 5, "u7, u6 (deleted), u2, u4 and the replacement: each row once, at its last state");
  assert.deepEqual(await reportsOf(b), await reportsOf(a));
  assert.ok(sameUsers(seen.users, await dbUsers(db, id)));
  assert.ok(sameUsers(seen.users, (await accountOf(a, id)).users));

  // B's engine now refuses what A's write took.
  const clash = await write(db, b, id, add(2, '41'));
  assert.equal(clash.outcome.ok, false);
  assert.equal(clash.outcome.violations[0].code, 'extension_taken');
  assert.equal(clash.outcome.violations[0].params.heldBy, 'u7');
});

test('a change of the account settings rebuilds every cache on its next use', async () => {
  const id = await account();
  const [a, b] = [new EngineCache(), new EngineCache()];
  await accountOf(a, id);
  await accountOf(b, id);
  const settings = (await db.query('SELECT settings FROM accounts WHERE id = $1', [id])).rows[0].settings;
  await db.transaction((tx) => store.updateSettings(tx, id, { ...settings, plan: 'nano' }));
  const refused = await write(db, b, id, add(1));
  assert.equal(b.stats.rebuilds, 2);
  assert.deepEqual(refused.outcome.violations.map((v) => v.code), ['plan_user_limit']);
  assert.equal((await accountOf(a, id)).plan, 'nano');
  assert.equal(a.stats.rebuilds, 2);
});

test('the unique indexes are the last line: a write the engine could not see is rolled back, and the cache dropped', async () => {
  const id = await account();
  const a = new EngineCache();
  await accountOf(a, id);
  // A row written behind every engine's back (no version bump), holding extension 41.
  const intruder = { id: 'u900', name: 'Intruder', email: 'intruder@acme.in', mobile: '+919800000900', extension: '41', role: 'agent', pro: false, status: 'active', schedule: '24/7', departments: [] };
  await db.transaction((tx) => store.insertUser(tx, id, intruder, 1));
  const version = await dbVersion(db, id);

  await assert.rejects(write(db, a, id, add(1, '41')), (e) => e.code === '23505');
  assert.equal(a.entries.has(id), false, 'the cache that applied the add is gone');
  assert.equal(await dbVersion(db, id), version);
  assert.equal((await dbUsers(db, id)).length, 7);

  // Rebuilt from the database, the engine now knows and says so.
  const again = await write(db, a, id, add(1, '41'));
  assert.equal(again.outcome.violations[0].code, 'extension_taken');
  assert.equal(again.outcome.violations[0].params.heldBy, 'u900');
});

test('any failure after apply (here the version bump) drops the cache: it is never ahead of the database', async () => {
  const id = await account();
  const a = new EngineCache();
  await accountOf(a, id);
  const failing = {
    ...db,
    transaction: (fn, o) =>
      db.transaction(
        (tx) =>
          fn({
            query: (sql, params) =>
              sql.startsWith('UPDATE accounts SET version') ? Promise.reject(new Error('connection lost')) : tx.query(sql, params),
          }),
        o,
      ),
  };
  await assert.rejects(write(failing, a, id, add(1)), /connection lost/);
  assert.equal(a.entries.has(id), false);
  assert.equal((await dbUsers(db, id)).length, 6, 'the insert was rolled back with the rest');
  const after = await accountOf(a, id);
  assert.equal(after.users.length, 6, 'the add is not in the rebuilt cache either');
  assert.equal((await write(db, a, id, add(1))).outcome.ok, true, 'and may be tried again');
});

test('ids are never given twice, not even a deleted one another process gave', async () => {
  const id = await account();
  const [a, b] = [new EngineCache(), new EngineCache()];
  await accountOf(b, id);
  // In no department, so that it may be deleted (user_in_routing).
  const added = await write(db, a, id, { type: 'addUser', actor: 'u1', user: { ...gita(1), departments: [] } });
  assert.equal(added.outcome.user.id, 'u7');
  assert.equal((await write(db, a, id, { type: 'deleteUser', actor: 'u1', target: 'u7' })).outcome.ok, true);
  const csv = 'name,email,mobile,extension,role,pro,schedule,departments\nHari,hari@acme.in,9800000011,50,agent,false,24/7,sales\n';
  const version = await dbVersion(db, id);
  const imported = write(db, b, id, { type: 'importUsers', actor: 'u1', csv });
  // The second process never saw u7, given and deleted by the first: the account row's
  // counter tells its engine (advanceUserNumber), so u7 is not given again.
  const { outcome } = await imported;
  assert.equal(outcome.ok, true);
  assert.ok((await dbVersion(db, id)) > version);
  const hari = (await dbUsers(db, id)).find((u) => u.name === 'Hari');
  assert.ok(userNumber(hari.id) > 7, `a fresh id, not u7: ${hari.id}`);
  // So are addUser's ids.
  const next = await write(db, b, id, add(2));
  assert.ok(userNumber(next.outcome.user.id) >= 8);
});

test('a refused or read-only op writes nothing and bumps no version', async () => {
  const id = await account();
  const a = new EngineCache();
  const version = await dbVersion(db, id);
  const refused = await write(db, a, id, add(1, '10'));
  assert.equal(refused.outcome.ok, false);
  assert.equal(refused.version, version);
  assert.equal(await dbVersion(db, id), version);
  const audit = await read(db, a, id, (e) => e.check({ type: 'audit' }));
  assert.equal(audit.value.ok, true);
  assert.equal(await dbVersion(db, id), version);
  assert.equal(await read(db, a, 'nowhere', (e) => e.account()), null);
  assert.equal(await write(db, a, 'nowhere', add(1)), null);
});

test('canonicalJson ignores key order only', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }));
  assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
  assert.equal(userNumber('u12'), 12);
  assert.equal(userNumber('u012'), 0);
  assert.equal(userNumber('x7'), 0);
});
