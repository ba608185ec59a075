// What the server tests share: throwaway databases, server processes started and stopped
// by the test, a small HTTP client with a session cookie, and the checks that compare
// what a server answers with what the database holds.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db.mjs';
import { migrate } from '../src/schema.mjs';
import { seedAccount } from '../src/seed.mjs';
import { canonicalJson } from '../src/ops.mjs';

export const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repo = path.resolve(serverDir, '..');
export const sample = () => JSON.parse(readFileSync(path.join(repo, 'www', 'sample-account.json'), 'utf8'));

/** PostgreSQL admin URL from scripts/test-server, or null (then the PostgreSQL tests skip). */
export const adminUrl = process.env.TEST_PG_URL || null;

/** A fresh, empty PostgreSQL database `name` on the test cluster; its URL. */
export async function freshPgDatabase(name) {
  const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** A temporary folder under server/.tmp, removed when the test ends. */
export function tempDir(t, prefix) {
  const base = path.join(serverDir, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base + path.sep, prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Opens the database (PostgreSQL `url`, or PGlite in `dataDir`), creates the schema and
 * seeds `accounts` ({id: account}). With a test `t`, returns it open and closes it when
 * the test ends, also when it fails (an open PGlite would keep the test process alive);
 * `close()` may be called before that, and again. Without `t`, closes it at once.
 */
export async function prepare({ url = null, dataDir = null, accounts = {} }, t = null) {
  const db = await openDatabase({ url, dataDir, poolSize: 2 });
  let closing = null;
  const close = () => (closing ??= db.close());
  try {
    await migrate(db);
    for (const [id, account] of Object.entries(accounts)) await seedAccount(db, id, account);
  } catch (e) {
    await close();
    throw e;
  }
  if (!t) {
    await close();
    return null;
  }
  t.after(close);
  return { ...db, close };
}

/**
 * Starts `node server/src/main.mjs` on a free port and waits for it to listen. Stopped
 * (SIGTERM, then SIGKILL) when the test ends, unless it was killed before.
 */
export async function startServer(t, { url = null, dataDir = null, seed = 'none' } = {}) {
  const env = { ...process.env, PORT: '0', SEED_ACCOUNT: seed };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (url) env.DATABASE_URL = url;
  if (dataDir) env.DATA_DIR = dataDir;
  const proc = spawn(process.execPath, [path.join(serverDir, 'src', 'main.mjs')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const exited = once(proc, 'exit');
  const port = await new Promise((resolve, reject) => {
    const onData = () => {
      const m = /listening on http:\/\/localhost:(\d+)\//.exec(output);
      if (m) {
        proc.stdout.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    proc.stdout.on('data', onData);
    exited.then(([code]) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  const server = {
    proc,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    /** Stops it as an operator would (SIGTERM: PGlite is closed cleanly). */
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
    /** kill -9. */
    async crash() {
      proc.kill('SIGKILL');
      await exited;
    },
  };
  t.after(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
  return server;
}

/** A signed-in client of `server` (the session cookie works on every process of one
 *  database). */
export async function signIn(server, userId, accountId) {
  const res = await fetch(`${server.base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, accountId }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${userId}@${accountId}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return client(server, cookie);
}

/** A client that sends `cookie` (null: no session). */
export function client(server, cookie) {
  const headers = cookie ? { cookie } : {};
  return {
    cookie,
    at: (other) => client(other, cookie),
    async get(pathname) {
      const res = await fetch(`${server.base}${pathname}`, { headers });
      return answer(res);
    },
    async account(accountId) {
      return this.get(`/api/accounts/${accountId}`);
    },
    async op(accountId, op) {
      const res = await fetch(`${server.base}/api/accounts/${accountId}/ops`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: typeof op === 'string' ? op : JSON.stringify(op),
      });
      return answer(res);
    },
  };
}

async function answer(res) {
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const version = res.headers.get('x-account-version');
  return { status: res.status, body, text, headers: res.headers, version: version === null ? null : Number(version) };
}

/** The live users of an account as the database holds them, in account order. */
export async function dbUsers(db, accountId) {
  const { rows } = await db.query('SELECT data FROM users WHERE account_id = $1 AND NOT deleted ORDER BY seq', [
    accountId,
  ]);
  return rows.map((r) => r.data);
}

/** The account row's version. */
export async function dbVersion(db, accountId) {
  const { rows } = await db.query('SELECT version FROM accounts WHERE id = $1', [accountId]);
  return Number(rows[0].version);
}

/** Same users, same order, same data (key order aside). */
export function sameUsers(a, b) {
  return canonicalJson(a) === canonicalJson(b);
}

/** Every way two live users of one account could share what must be unique; [] if none. */
export async function duplicates(db) {
  const found = [];
  for (const key of ['lower(email)', 'extension', 'mobile', 'lower(login_id)']) {
    const { rows } = await db.query(
      `SELECT account_id, ${key} AS value, count(*)::int AS n FROM users
       WHERE NOT deleted AND ${key} IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    found.push(...rows.map((r) => ({ key, ...r })));
  }
  return found;
}

/** A valid Indian mobile number, different for every `n` < 10^9. */
export const mobile = (n) => `+919${String(n).padStart(9, '0')}`;

/** The owner-only account the load tests start from. */
export function ownerOnly(settings, extra = []) {
  return {
    timeZone: 'Asia/Kolkata',
    departments: [{ id: 'sales', name: 'Sales', routing: 'round_robin' }],
    ...settings,
    users: [
      { id: 'u1', name: 'Owner One', email: 'owner@load.in', mobile: mobile(1), extension: '100', role: 'owner', pro: true, status: 'active', departments: ['sales'] },
      ...extra,
    ],
  };
}

/** No answer may show a stack trace or an internal error text. */
export function noStackTrace(text) {
  return !/\n\s+at |node:internal|\.mjs:\d+|Error:/.test(text ?? '');
}
