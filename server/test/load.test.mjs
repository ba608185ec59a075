// Load, crash and restart: two server processes on one PostgreSQL, then the embedded
// database in one process. Numbers are printed (never asserted on).
import test from 'node:test';
import assert from 'node:assert/strict';
import { adminUrl, dbUsers, dbVersion, duplicates, freshPgDatabase, mobile, ownerOnly, prepare, sameUsers, signIn, startServer, tempDir } from './helpers.mjs';
import { checkAnswers, checkDatabase, checkServers, fire, loadAccounts, loadRequests } from './load.mjs';

const pg = { skip: adminUrl ? false : 'TEST_PG_URL is not set (scripts/test-server sets it)' };

/** Signed-in owners of every load account, one client per server. */
async function owners(servers, accounts) {
  const first = await Promise.all(Object.keys(accounts).map((id) => signIn(servers[0], 'u1', id)));
  // One client per server; a client holds one account's cookie, so route by account.
  return servers.map((s) => ({
    op: (account, op) => first[Object.keys(accounts).indexOf(account)].at(s).op(account, op),
    account: (account) => first[Object.keys(accounts).indexOf(account)].at(s).account(account),
  }));
}

test('load: two processes on one PostgreSQL keep uniqueness, the plan limit and the Pro seats', pg, async (t) => {
  const url = await freshPgDatabase('roster_load');
  const accounts = loadAccounts();
  const db = await prepare({ url, accounts }, t);
  const servers = [await startServer(t, { url }), await startServer(t, { url })];
  const clients = await owners(servers, accounts);

  const requests = loadRequests();
  const { results, ms } = await fire(clients, requests);
  const byStatus = checkAnswers(results);
  await checkServers(clients, await checkDatabase(db, results));
  console.log(`postgres, 2 processes: ${requests.length} concurrent requests in ${ms.toFixed(0)} ms; ${JSON.stringify(byStatus)}`);

  // Restart: stop both, start one: everything is there.
  const before = await clients[0].account('uniq');
  await Promise.all(servers.map((s) => s.stop()));
  const again = await startServer(t, { url });
  const [c] = await owners([again], accounts);
  const after = await c.account('uniq');
  assert.equal(after.version, before.version);
  assert.deepEqual(after.body, before.body);
});

test('crash: kill -9 of one process mid-load leaves no partial op; the survivor and a restarted one answer right', pg, async (t) => {
  const url = await freshPgDatabase('roster_crash');
  const db = await prepare({ url, accounts: crashAccounts() }, t);
  const [a, b] = [await startServer(t, { url }), await startServer(t, { url })];
  const owner = await signIn(a, 'u1', 'crash');
  const results = await crashLoad(owner, [a, b], b);

  const users = await checkNoPartialOp(db, results);
  // The survivor answers from the database as it is, and keeps guarding it.
  await guards(owner, users);
  // A restarted process follows what happened while it was down.
  const b2 = await startServer(t, { url });
  const restarted = owner.at(b2);
  const seen = await restarted.account('crash');
  assert.ok(sameUsers(seen.body.users, await dbUsers(db, 'crash')));
  await guards(restarted, await dbUsers(db, 'crash'));
  const fromA = await owner.account('crash');
  assert.ok(sameUsers(fromA.body.users, await dbUsers(db, 'crash')), 'the survivor follows the restarted one');
});

test('crash: kill -9 of the embedded server mid-load leaves no partial op; restarted, it answers right', async (t) => {
  const dataDir = tempDir(t, 'crash-');
  await prepare({ dataDir, accounts: crashAccounts() });
  const server = await startServer(t, { dataDir });
  const owner = await signIn(server, 'u1', 'crash');
  const results = await crashLoad(owner, [server], server);

  const db = await prepare({ dataDir }, t);
  const users = await checkNoPartialOp(db, results);
  await db.close();
  const again = await startServer(t, { dataDir });
  const restarted = owner.at(again);
  assert.ok(sameUsers((await restarted.account('crash')).body.users, users));
  await guards(restarted, users);
});

/** An account with 40 agents besides its owner. */
function crashAccounts() {
  const seeded = Array.from({ length: 40 }, (_, k) => {
    const n = k + 2;
    return { id: `u${n}`, name: `Agent ${n}`, email: `agent${n}@crash.in`, mobile: mobile(n), extension: String(100 + n), role: 'agent', pro: false, status: 'active', departments: ['sales'] };
  });
  return { crash: ownerOnly({ plan: 'enterprise', proSeats: 1, extensionRange: { from: 100, to: 9999 } }, seeded) };
}

/**
 * Adds (one row), imports (three rows: all or none), edits and adds that must fail, all
 * at once, spread over `servers`; `victim` is killed (-9) after its 15th answer.
 */
async function crashLoad(owner, servers, victim) {
  const requests = [];
  let n = 0;
  const tagged = () => `Crash ${++n}`;
  const user = (name, k, extension) => ({ name, email: `c${k}@crash.in`, mobile: mobile(10_000 + k), extension, departments: ['sales'] });
  for (let i = 0; i < 100; i++) {
    const name = tagged();
    requests.push({ kind: 'add', names: [name], op: { type: 'addUser', actor: 'u1', user: user(name, n, String(1000 + n)) } });
  }
  for (let i = 0; i < 40; i++) {
    const rows = [tagged(), tagged(), tagged()];
    const lines = rows.map((name) => {
      const k = Number(name.split(' ')[1]);
      return `${name},c${k}@crash.in,${mobile(10_000 + k).slice(3)},${1000 + k},agent,false,24/7,sales`;
    });
    const csv = ['name,email,mobile,extension,role,pro,schedule,departments', ...lines].join('\n');
    requests.push({ kind: 'import', names: rows, op: { type: 'importUsers', actor: 'u1', csv } });
  }
  for (let k = 2; k <= 41; k++) {
    requests.push({ kind: 'edit', names: [`Edited u${k}`], op: { type: 'editUser', actor: 'u1', target: `u${k}`, patch: { name: `Edited u${k}` } } });
  }
  for (let i = 0; i < 20; i++) {
    const name = tagged();
    requests.push({ kind: 'clash', names: [name], op: { type: 'addUser', actor: 'u1', user: user(name, n, String(102 + i)) } });
  }
  // A fixed shuffle, then round the servers.
  requests.sort((x, y) => hash(x.names[0]) - hash(y.names[0]));
  const clients = servers.map((s) => owner.at(s));
  const target = clients[servers.indexOf(victim)];
  let answered = 0;
  let killed = null;
  const { results } = await fire(
    clients,
    requests.map((r, i) => ({ ...r, account: 'crash', side: i % clients.length })),
    { onAnswer: (c) => c === target && ++answered === 15 && (killed = victim.crash()) },
  );
  await killed;
  const lost = results.filter((r) => r.status === 0);
  console.log(`crash: killed after 15 answers; ${lost.length} requests lost with it, ${results.filter((r) => r.status === 200).length} ok, ${results.filter((r) => r.status === 422).length} refused`);
  assert.ok(killed && lost.length > 0, 'the kill happened mid-load');
  const odd = results.filter((r) => ![0, 200, 422].includes(r.status));
  assert.deepEqual(odd.map((r) => [r.status, r.body]), []);
  return results;
}

/** Each committed version holds exactly one request's rows, whole; every answer is true
 *  to the database. Returns the live users. */
async function checkNoPartialOp(db, results) {
  const { rows } = await db.query(`SELECT data ->> 'name' AS name, version FROM users WHERE account_id = 'crash' AND version > 1`);
  const byVersion = new Map();
  for (const r of rows) byVersion.set(Number(r.version), [...(byVersion.get(Number(r.version)) ?? []), r.name]);
  const version = await dbVersion(db, 'crash');
  assert.deepEqual(
    [...byVersion.keys()].sort((x, y) => x - y),
    Array.from({ length: version - 1 }, (_, k) => k + 2),
    'one version per commit, none missing',
  );
  for (const [v, names] of byVersion) {
    const r = results.find((r) => r.req.names.includes(names[0]));
    assert.deepEqual(names.sort(), [...r.req.names].sort(), `version ${v} is one whole request`);
  }
  const users = await dbUsers(db, 'crash');
  const names = new Set(users.map((u) => u.name));
  for (const r of results) {
    if (r.status === 200) {
      assert.ok(r.req.names.every((x) => names.has(x)), `${r.req.names} committed`);
      assert.deepEqual(byVersion.get(r.version).sort(), [...r.req.names].sort(), 'answered with its own version');
    }
    if (r.status === 422) assert.ok(r.req.names.every((x) => !names.has(x)), `${r.req.names} refused`);
    if (r.req.kind === 'clash') assert.notEqual(r.status, 200);
  }
  assert.deepEqual(await duplicates(db), []);
  return users;
}

/** `c` answers the account as `users` and still refuses a taken extension. */
async function guards(c, users) {
  const got = await c.account('crash');
  assert.ok(sameUsers(got.body.users, users));
  const taken = users.at(-1).extension;
  const k = 90_000 + users.length;
  const newcomer = (extension) => ({ type: 'addUser', actor: 'u1', user: { name: `After ${k}`, email: `after${k}@crash.in`, mobile: mobile(k), extension, departments: ['sales'] } });
  const dup = await c.op('crash', newcomer(taken));
  assert.equal(dup.status, 422);
  assert.equal(dup.body.violations[0].code, 'extension_taken');
  const free = String(9999 - users.length);
  assert.equal((await c.op('crash', newcomer(free))).status, 200);
}

test('load: the embedded database in one process, then a restart', async (t) => {
  const dataDir = tempDir(t, 'load-');
  const accounts = loadAccounts();
  await prepare({ dataDir, accounts });
  const server = await startServer(t, { dataDir });
  const clients = await owners([server], accounts);
  const requests = loadRequests();
  const { results, ms } = await fire(clients, requests);

  const byStatus = checkAnswers(results);
  console.log(`embedded, 1 process: ${requests.length} concurrent requests in ${ms.toFixed(0)} ms; ${JSON.stringify(byStatus)}`);
  await checkServers(clients, await snapshotOf(clients[0]));

  // The server holds PGlite (one process): the database is read after it stopped, and
  // what a restarted server answers must be that.
  await server.stop();
  const db = await prepare({ dataDir }, t);
  const snapshot = await checkDatabase(db, results);
  await db.close();
  const again = await startServer(t, { dataDir });
  await checkServers(await owners([again], accounts), snapshot);
});

/** The accounts as a server answers them, in checkDatabase's form. */
async function snapshotOf(c) {
  const snapshot = {};
  for (const id of ['uniq', 'limit', 'seats']) {
    const got = await c.account(id);
    snapshot[id] = { users: got.body.users, version: got.version };
  }
  return snapshot;
}

function hash(s) {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}
