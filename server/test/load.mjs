// The concurrent load of the load and crash tests: what is sent, and what must hold after.
import assert from 'node:assert/strict';
import { dbUsers, dbVersion, duplicates, mobile, ownerOnly, sameUsers } from './helpers.mjs';

const RANGE = { from: 100, to: 9999 };

/** The accounts the load runs on. */
export function loadAccounts() {
  const agents = (from, to, extra = {}) =>
    Array.from({ length: to - from + 1 }, (_, k) => {
      const n = from + k;
      return { id: `u${n}`, name: `Agent ${n}`, email: `agent${n}@load.in`, mobile: mobile(n), extension: String(100 + n), role: 'agent', pro: false, status: 'active', departments: ['sales'], ...extra };
    });
  return {
    // Unlimited users: only uniqueness decides.
    uniq: ownerOnly({ plan: 'enterprise', proSeats: 1, extensionRange: RANGE }),
    // swift: 10 users at most; 3 there.
    limit: ownerOnly({ plan: 'swift', proSeats: 3, extensionRange: RANGE }, agents(2, 3)),
    // 4 Pro seats; the owner holds one.
    seats: ownerOnly({ plan: 'enterprise', proSeats: 4, extensionRange: RANGE }, agents(2, 11)),
  };
}

let counter = 0;
/** A new user nobody else claims, with a name that identifies its request. */
function fresh(tag, over = {}) {
  const n = ++counter;
  return { name: `Load ${tag} ${n}`, email: `load${n}@load.in`, mobile: mobile(100_000 + n), extension: String(5000 + n), departments: ['sales'], ...over };
}

/**
 * The requests: pairs that claim one extension, email or mobile (each half sent to a
 * different server), adds past the plan limit, adds and edits past the Pro seats.
 * Each request: { account, op, expect, pair?, side?, name }.
 */
export function loadRequests() {
  const requests = [];
  const add = (account, user) => ({ type: 'addUser', actor: 'u1', user });
  for (let i = 0; i < 100; i++) {
    const ext = String(1000 + i);
    for (const side of [0, 1]) {
      const user = fresh(`ext${i}`, { extension: ext });
      requests.push({ account: 'uniq', op: add('uniq', user), name: user.name, pair: `ext${i}`, side, lose: 'extension_taken' });
    }
  }
  for (let i = 0; i < 60; i++) {
    // The same address in another case: one address for the engine and the index.
    const emails = [`Pair${i}@Load.in`, `pair${i}@load.in`];
    for (const side of [0, 1]) {
      const user = fresh(`email${i}`, { email: emails[side] });
      requests.push({ account: 'uniq', op: add('uniq', user), name: user.name, pair: `email${i}`, side, lose: 'email_taken' });
    }
  }
  for (let i = 0; i < 20; i++) {
    // One number typed two ways: both normalise to the same E.164.
    const digits = `97${String(i).padStart(8, '0')}`;
    const typed = [`+91${digits}`, `0${digits.slice(0, 5)} ${digits.slice(5)}`];
    for (const side of [0, 1]) {
      const user = fresh(`mobile${i}`, { mobile: typed[side] });
      requests.push({ account: 'uniq', op: add('uniq', user), name: user.name, pair: `mobile${i}`, side, lose: 'mobile_taken' });
    }
  }
  for (let i = 0; i < 40; i++) {
    const user = fresh(`limit${i}`);
    requests.push({ account: 'limit', op: add('limit', user), name: user.name, lose: 'plan_user_limit' });
  }
  for (let i = 0; i < 30; i++) {
    const user = fresh(`seat${i}`, { pro: true });
    requests.push({ account: 'seats', op: add('seats', user), name: user.name, lose: 'pro_seat_limit' });
  }
  for (let n = 2; n <= 11; n++) {
    requests.push({ account: 'seats', op: { type: 'editUser', actor: 'u1', target: `u${n}`, patch: { pro: true } }, target: `u${n}`, lose: 'pro_seat_limit' });
  }
  return requests;
}

/** Sends every request at once; request i goes to clients[side ?? i % n]. */
export async function fire(clients, requests, { onAnswer = () => {} } = {}) {
  const started = performance.now();
  const results = await Promise.all(
    requests.map(async (req, i) => {
      const c = clients[(req.side ?? i) % clients.length];
      try {
        const res = await c.op(req.account, req.op);
        onAnswer(c, res);
        return { req, status: res.status, body: res.body, version: res.version, server: c };
      } catch (e) {
        return { req, status: 0, error: e.cause?.code ?? e.message, server: c };
      }
    }),
  );
  const ms = performance.now() - started;
  return { results, ms };
}

/** What must hold of the answers to the load; the count of each status. */
export function checkAnswers(results) {
  const byStatus = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  assert.deepEqual(Object.keys(byStatus).sort(), ['200', '422'], `statuses: ${JSON.stringify(byStatus)}`);

  // Pairs: exactly one of two wins, the other is told why.
  const pairs = new Map();
  for (const r of results.filter((r) => r.req.pair)) pairs.set(r.req.pair, [...(pairs.get(r.req.pair) ?? []), r]);
  for (const [pair, both] of pairs) {
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 422], pair);
    const loser = both.find((r) => r.status === 422);
    assert.deepEqual(loser.body.violations.filter((v) => v.severity === 'error').map((v) => v.code), [loser.req.lose], pair);
  }
  // Limits: exactly as many as fit.
  const wins = (account) => results.filter((r) => r.req.account === account && r.status === 200).length;
  assert.equal(wins('limit'), 7, 'swift holds 10 users, 3 were there');
  assert.equal(wins('seats'), 3, '4 Pro seats, the owner holds one');
  for (const r of results.filter((r) => r.status === 422 && !r.req.pair)) {
    assert.deepEqual(r.body.violations.filter((v) => v.severity === 'error').map((v) => v.code), [r.req.lose]);
  }

  return byStatus;
}

/** What must hold of the database after the load; its accounts as they are
 *  ({id: {users, version}}) for `checkServers`. */
export async function checkDatabase(db, results) {
  // No duplicate, no account over its limits.
  assert.deepEqual(await duplicates(db), []);
  const { rows: counts } = await db.query(
    `SELECT account_id, count(*)::int AS users, count(*) FILTER (WHERE (data ->> 'pro')::boolean)::int AS pro
     FROM users WHERE NOT deleted GROUP BY account_id`,
  );
  const count = Object.fromEntries(counts.map((r) => [r.account_id, r]));
  assert.equal(count.limit.users, 10);
  assert.equal(count.seats.pro, 4);
  assert.equal(count.uniq.users, 1 + 100 + 60 + 20);

  // Every 200 is in the database as answered; every 422 wrote nothing.
  const snapshot = {};
  for (const account of ['uniq', 'limit', 'seats']) {
    const users = await dbUsers(db, account);
    const byId = new Map(users.map((u) => [u.id, u]));
    const names = new Set(users.map((u) => u.name));
    for (const r of results.filter((r) => r.req.account === account)) {
      if (r.status === 200) assert.ok(sameUsers(byId.get(r.body.user.id), r.body.user), `${r.req.name ?? r.req.target} stored as answered`);
      else if (r.req.name) assert.ok(!names.has(r.req.name), `${r.req.name} refused, not stored`);
      else assert.equal(byId.get(r.req.target).pro, false, `${r.req.target} refused, unchanged`);
    }
    // One version per committed write, none for a refusal.
    const committed = results.filter((r) => r.req.account === account && r.status === 200).length;
    const version = await dbVersion(db, account);
    assert.equal(version, 1 + committed, `${account}: one version per 200`);
    snapshot[account] = { users, version };
  }
  return snapshot;
}

/** Every server's cached engine answers what the database holds (`snapshot`). */
export async function checkServers(servers, snapshot) {
  for (const [account, { users, version }] of Object.entries(snapshot)) {
    for (const s of servers) {
      const got = await s.account(account);
      assert.equal(got.status, 200);
      assert.equal(got.version, version);
      assert.ok(sameUsers(got.body.users, users), `${account}: a server's account is the database's`);
      const audit = await s.op(account, { type: 'audit' });
      assert.equal(audit.status, 200, `${account}: audit ${audit.text}`);
    }
  }
}
