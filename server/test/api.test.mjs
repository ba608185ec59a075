// The API on the embedded database, one server process: sign-in, the account, ops and
// their statuses, spoofing, bad input, the static files, and a restart.
import test from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { client, dbUsers, noStackTrace, prepare, repo, sameUsers, signIn, startServer, tempDir } from './helpers.mjs';

const gita = {
  name: 'Gita Nair',
  email: 'gita@acme.in',
  mobile: '98000 00007',
  extension: '16',
  departments: ['sales'],
};

/** One server over a fresh embedded database seeded with the sample account `acme`. */
async function sampleServer(t) {
  const dataDir = tempDir(t, 'api-');
  const server = await startServer(t, { dataDir, seed: path.join(repo, 'www', 'sample-account.json') });
  return { server, dataDir };
}

test('sign-in: a cookie for a known user, 404 for an unknown one, 401 after sign-out', async (t) => {
  const { server } = await sampleServer(t);
  const anonymous = client(server, null);
  assert.equal((await anonymous.get('/api/session')).status, 401);

  const res = await fetch(`${server.base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'u1' }),
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { userId: 'u1', accountId: 'acme' });
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);

  const owner = client(server, cookie.split(';')[0]);
  const me = await owner.get('/api/session');
  assert.equal(me.status, 200);
  assert.deepEqual(me.body, { userId: 'u1', accountId: 'acme' });

  for (const body of [{ userId: 'u99' }, { userId: 'u1', accountId: 'nowhere' }]) {
    const r = await fetch(`${server.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 404);
    assert.deepEqual(await r.json(), { error: 'user_unknown' });
  }

  const out = await fetch(`${server.base}/api/session`, { method: 'DELETE', headers: { cookie: owner.cookie } });
  assert.equal(out.status, 204);
  assert.equal((await owner.get('/api/session')).status, 401);
  assert.equal((await owner.account('acme')).status, 401);
});

test('the account: exactly engine.account(), with its version; 401 and 403 around it', async (t) => {
  const { server } = await sampleServer(t);
  assert.equal((await client(server, null).account('acme')).status, 401);
  const owner = await signIn(server, 'u1', 'acme');
  const got = await owner.account('acme');
  assert.equal(got.status, 200);
  assert.equal(got.version, 1);
  assert.deepEqual(
    got.body.users.map((u) => u.id),
    ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'],
  );
  assert.equal(got.body.plan, 'swift');
  assert.equal((await owner.account('other')).status, 403);
});

test('ops: 200 applied and committed, 422 nothing written, 400 not understood', async (t) => {
  const { server } = await sampleServer(t);
  const owner = await signIn(server, 'u1', 'acme');

  const added = await owner.op('acme', { type: 'addUser', actor: 'u1', user: gita });
  assert.equal(added.status, 200, added.text);
  assert.equal(added.body.ok, true);
  assert.equal(added.body.user.mobile, '+919800000007');
  assert.equal(added.body.user.id, 'u7', 'the account gives the next id');
  assert.equal(added.version, 2);

  const clash = await owner.op('acme', { type: 'addUser', actor: 'u1', user: { ...gita, email: 'g2@acme.in', mobile: '9800000008' } });
  assert.equal(clash.status, 422);
  assert.deepEqual(clash.body.violations.map((v) => v.code), ['extension_taken']);
  assert.equal(clash.version, 2, 'nothing was written');

  const account = await owner.account('acme');
  assert.equal(account.version, 2);
  assert.deepEqual(account.body.users.at(-1), added.body.user);

  const edited = await owner.op('acme', { type: 'editUser', actor: 'u1', target: 'u7', patch: { extension: '17' } });
  assert.equal(edited.status, 200);
  assert.equal(edited.version, 3);

  // A client may not choose an id: ids are the engine's to give, from the account's counter.
  const hari = { ...gita, email: 'h@acme.in', mobile: '9800000009', extension: '18' };
  const own = await owner.op('acme', { type: 'addUser', actor: 'u1', user: { ...hari, id: 'u1000' } });
  assert.equal(own.status, 422);
  assert.equal(own.body.violations[0].params.reason, 'ids_given_by_host');
  const given = await owner.op('acme', { type: 'addUser', actor: 'u1', user: hari });
  assert.equal(given.status, 200);
  assert.equal(given.body.user.id, 'u8');

  for (const bad of [{ type: 'addUser', actor: 'u1' }, { type: 'fly' }, '[1,2]', '"op"', 'null']) {
    const r = await owner.op('acme', bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.equal(r.body.violations[0].code, 'bad_request');
  }

  // Read-only ops without an actor: any signed-in user, nothing written.
  const agent = await signIn(server, 'u4', 'acme');
  const schedule = await agent.op('acme', { type: 'parseSchedule', text: 'Mon-Fri 9am-6pm' });
  assert.equal(schedule.status, 200);
  assert.equal(schedule.body.schedule.canonical, 'Mo-Fr 09:00-18:00');
  assert.equal((await agent.op('acme', { type: 'audit' })).status, 200);
  const seats = await agent.op('acme', { type: 'seatRequest', count: 50 });
  assert.equal(seats.status, 422);
  assert.equal(seats.body.violations[0].code, 'plan_user_limit');
  assert.equal(seats.version, 4);
  // An agent's own write is the engine's to refuse.
  const refused = await agent.op('acme', { type: 'deleteUser', actor: 'u4', target: 'u6' });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.violations[0].code, 'not_permitted');
  assert.equal((await owner.account('acme')).version, 4);
});

test('spoofing: an agent posting as the owner is refused with not_permitted, and nothing changes', async (t) => {
  const { server, dataDir } = await sampleServer(t);
  const owner = await signIn(server, 'u1', 'acme');
  const before = await owner.account('acme');

  const agent = await signIn(server, 'u4', 'acme');
  const spoofed = await agent.op('acme', { type: 'addUser', actor: 'u1', user: gita });
  assert.equal(spoofed.status, 403);
  assert.equal(spoofed.body.ok, false);
  assert.deepEqual(spoofed.body.violations.map((v) => v.code), ['not_permitted']);

  // An admin who could add the user still may not do it in the owner's name.
  const admin = await signIn(server, 'u2', 'acme');
  const posing = await admin.op('acme', { type: 'editUser', actor: 'u1', target: 'u6', patch: { name: 'Farah A' } });
  assert.equal(posing.status, 403);
  assert.deepEqual(posing.body.violations.map((v) => [v.code, v.field]), [['not_permitted', 'actor']]);
  // … nor with the actor left out (a write needs one) or as the host itself.
  assert.equal((await admin.op('acme', { type: 'deleteUser', target: 'u6' })).status, 400);
  assert.equal((await admin.op('acme', { type: 'deleteUser', actor: '$system', target: 'u6' })).status, 403);

  // No session: 401, whatever the body says.
  const anonymous = client(server, null);
  const r = await anonymous.op('acme', { type: 'addUser', actor: 'u1', user: gita });
  assert.equal(r.status, 401);
  assert.deepEqual(r.body, { error: 'unauthenticated' });

  // Another account's ops: 403.
  assert.equal((await owner.op('other', { type: 'audit' })).status, 403);

  const after = await owner.account('acme');
  assert.equal(after.version, before.version);
  assert.deepEqual(after.body, before.body);
  await server.stop();
  const db = await prepare({ dataDir }, t);
  assert.ok(sameUsers(await dbUsers(db, 'acme'), before.body.users));
  await db.close();
});

test('bad input: right status, JSON error, no stack trace, and the server keeps serving', async (t) => {
  const { server } = await sampleServer(t);
  const owner = await signIn(server, 'u1', 'acme');
  const post = (body, headers) =>
    fetch(`${server.base}/api/accounts/acme/ops`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half', // for the streamed body
    });
  const cases = [
    ['oversized body', () => post('x'.repeat(3 * 1024 * 1024)), 413],
    ['oversized, no content-length', () => post(chunked(3 * 1024 * 1024), {}), 413],
    ['not JSON', () => post('{"type": addUser'), 400],
    ['wrong content type', () => post('{"type":"audit"}', { 'content-type': 'text/plain' }), 415],
    ['form encoded', () => post('type=audit', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ['100,000-deep JSON', () => post('['.repeat(100_000) + ']'.repeat(100_000)), 400],
    ['deep op', () => post(`{"type":"addUser","actor":"u1","user":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`), 400],
    ['unknown route', () => fetch(`${server.base}/api/users`), 404],
    ['unknown nested route', () => fetch(`${server.base}/api/accounts/acme/ops/1`, { headers: { cookie: owner.cookie } }), 404],
    ['wrong method', () => fetch(`${server.base}/api/accounts/acme`, { method: 'DELETE' }), 405],
    ['bad escape in the path', () => fetch(`${server.base}/api/accounts/%E0%A4%A`), 400],
    ['static path traversal', () => rawGet(server.port, '/www/../server/src/main.mjs'), 404],
    ['encoded traversal', () => fetch(`${server.base}/www/%2e%2e/server/.data/`), 404],
    ['the database folder', () => fetch(`${server.base}/server/.data/`), 404],
    ['session, not JSON', () => fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 400],
    ['session, wrong types', () => fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":1}' }), 400],
    ['forged cookie', () => fetch(`${server.base}/api/session`, { headers: { cookie: "roster_session=' OR 1=1 --" } }), 401],
  ];
  for (const [what, send, status] of cases) {
    const res = await send().catch((e) => {
      throw new Error(`${what}: ${e.cause?.code ?? e.message}`);
    });
    const text = typeof res.text === 'function' ? await res.text() : res.body;
    assert.equal(res.status, status, `${what}: ${text.slice(0, 200)}`);
    assert.ok(noStackTrace(text), `${what}: ${text.slice(0, 300)}`);
    if (status !== 404 || what.startsWith('unknown')) assert.doesNotThrow(() => JSON.parse(text), what);
  }

  // SQL-looking strings are data: refused or stored as typed, never run.
  const sqlish = "Robert'); DROP TABLE users; --";
  const r1 = await owner.op('acme', { type: 'addUser', actor: 'u1', user: { ...gita, name: sqlish } });
  assert.equal(r1.status, 200, r1.text);
  assert.equal(r1.body.user.name, sqlish);
  const r2 = await owner.op('acme', { type: 'editUser', actor: 'u1', target: "u1' OR '1'='1", patch: { name: 'x' } });
  assert.equal(r2.status, 422);
  assert.equal(r2.body.violations[0].code, 'user_unknown');
  const r3 = await fetch(`${server.base}/api/accounts/${encodeURIComponent("acme' OR 1=1 --")}`, { headers: { cookie: owner.cookie } });
  assert.equal(r3.status, 403);
  const r4 = await fetch(`${server.base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: "u1' OR '1'='1", accountId: "acme'; DROP TABLE accounts; --" }),
  });
  assert.equal(r4.status, 404);

  // Still serving, and the data is whole.
  const account = await owner.account('acme');
  assert.equal(account.status, 200);
  assert.equal(account.body.users.length, 7);
  assert.equal(account.body.users[6].name, sqlish);
  assert.equal((await fetch(`${server.base}/www/`)).status, 200);
});

test('static files: the page at /, the package files under /pkg/', async (t) => {
  const { server } = await sampleServer(t);
  const root = await fetch(`${server.base}/`, { redirect: 'manual' });
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), '/www/');
  const page = await fetch(`${server.base}/www/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /text\/html/);
  const wasm = await fetch(`${server.base}/pkg/dist/roster_rules_bg.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal((await fetch(`${server.base}/pkg/js/browser.js`)).status, 200);
  assert.equal((await fetch(`${server.base}/pkg/package.json`)).status, 404);
  assert.equal((await fetch(`${server.base}/README.md`)).status, 404);
});

test('restart: everything applied before it is there after it (embedded)', async (t) => {
  const { server, dataDir } = await sampleServer(t);
  const owner = await signIn(server, 'u1', 'acme');
  assert.equal((await owner.op('acme', { type: 'addUser', actor: 'u1', user: gita })).status, 200);
  assert.equal((await owner.op('acme', { type: 'deactivateUser', actor: 'u1', target: 'u6' })).status, 200);
  assert.equal((await owner.op('acme', { type: 'editUser', actor: 'u1', target: 'u6', patch: { departments: [] } })).status, 200);
  assert.equal((await owner.op('acme', { type: 'deleteUser', actor: 'u1', target: 'u6' })).status, 200);
  const before = await owner.account('acme');
  assert.equal(before.version, 5);
  await server.stop();

  const again = await startServer(t, { dataDir });
  const owner2 = owner.at(again); // the session is in the database too
  const after = await owner2.account('acme');
  assert.equal(after.status, 200);
  assert.equal(after.version, 5);
  assert.deepEqual(after.body, before.body);
  // The next id is past every id given, the deleted u6 included.
  const next = await owner2.op('acme', { type: 'addUser', actor: 'u1', user: { ...gita, email: 'n@acme.in', mobile: '9800000010', extension: '20' } });
  assert.equal(next.body.user.id, 'u8');
});

/** A body streamed without a Content-Length. */
function chunked(size) {
  const part = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += part.length;
      controller.enqueue(part);
    },
  });
}

/** A GET with the path exactly as written (fetch would normalise `..`). */
async function rawGet(port, pathname) {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(`GET ${pathname} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  let text = '';
  socket.on('data', (d) => (text += d));
  await once(socket, 'end');
  const status = Number(text.split(' ')[1]);
  return { status, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}
