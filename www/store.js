// Where the account lives, so the rest of the page does not care:
//
// - **local** (served by scripts/serve.mjs: `GET /api/session` is 404): the account is the
//   sample file (or `?users=N` generated users) held by the in-browser engine; `run(op)` is
//   `engine.apply(op)` and a reload forgets it.
// - **server** (served by server/, issue 18): the signed-in user is the actor, the account is
//   `GET /api/accounts/{id}` and each op is `POST /api/accounts/{id}/ops`; the server's
//   engine and database decide. The page still checks as the user types with its own engine,
//   built from the fetched account, and on a 200 applies the same op to it, so the page and the
//   server hold the same account without a re-fetch. When the `x-account-version` is not the
//   one expected (someone else wrote) or the local apply does not give the server's answer
//   (another id for a new user, say), the account is fetched again.
//
// Both give the same interface: `engine`, `account`, `actor`, `run(op)`, `signIn(id)`,
// `setMessages(table)`, `setSso(on)` (local only), and `onChange(fn)`.
import init, { Engine } from '../pkg/js/browser.js';

/** A Response the caller should treat as "signed out" (401). */
export class SignedOut extends Error {
  constructor() { super('signed out'); this.name = 'SignedOut'; }
}

class Store {
  constructor() {
    this.engine = null;
    this.account = null;
    this.usersById = new Map();
    this.messages = null;
    this.actor = null;
    this.listeners = [];
    this.engineBuildMs = null;
  }

  onChange(fn) { this.listeners.push(fn); }
  changed() { for (const fn of this.listeners) fn(); }

  /** (Re)builds the engine over `account`, keeping the message table; frees the old one. */
  build(account) {
    const t0 = performance.now();
    const next = new Engine(account);
    this.engineBuildMs = performance.now() - t0;
    if (this.messages) trySetMessages(next, this.messages);
    this.engine?.free();
    this.engine = next;
    this.refresh();
  }

  refresh() {
    this.account = this.engine.account();
    this.usersById = new Map(this.account.users.map((u) => [u.id, u]));
  }

  user(id) { return this.usersById.get(id) ?? null; }

  /** The engine's messages from now on (null: English), also for engines built later. */
  setMessages(table) {
    this.messages = table && this.engine ? (trySetMessages(this.engine, table) ? table : null) : table;
    if (!table) this.engine?.setMessages(null);
  }
}

/** Sets a message table; a table this engine build refuses (a RosterError naming the entry,
 * e.g. a newer table format) leaves the messages English instead of breaking the page. */
function trySetMessages(engine, table) {
  try {
    engine.setMessages(table);
    return true;
  } catch (e) {
    console.warn('the engine refused the message table; messages stay English', e.outcome ?? e);
    engine.setMessages(null);
    return false;
  }
}

class LocalStore extends Store {
  constructor(account) {
    super();
    this.mode = 'local';
    this.build(account);
  }

  /** Whether account settings (SSO) can be changed here: host data kept by the page. */
  get settingsEditable() { return true; }

  async signIn(id) {
    this.actor = id;
    this.changed();
  }

  async run(op) {
    const out = this.engine.apply(op);
    if (out.ok) {
      this.refresh();
      this.changed();
    }
    return out;
  }

  /** SSO is host data, not a rule: the engine is rebuilt from the account as it is now. */
  async setSso(fields) {
    const acc = this.engine.account();
    if (fields) acc.sso = { managedFields: fields };
    else delete acc.sso;
    this.build(acc);
    this.changed();
  }
}

class ServerStore extends Store {
  constructor(session) {
    super();
    this.mode = 'server';
    this.session = session; // { userId, accountId } or null (signed out)
    this.actor = session?.userId ?? null;
    this.version = null;
  }

  /** The server keeps account settings; its API has no op for them. */
  get settingsEditable() { return false; }

  get signedIn() { return this.session != null; }

  accountUrl(rest = '') { return `/api/accounts/${encodeURIComponent(this.session.accountId)}${rest}`; }

  /** Fetches the account and rebuilds the engine from it. */
  async load() {
    const res = await fetch(this.accountUrl(), { headers: { accept: 'application/json' } });
    if (res.status === 401) { this.session = null; throw new SignedOut(); }
    if (!res.ok) throw new Error(`GET account: ${res.status}`);
    const account = await res.json();
    this.version = Number(res.headers.get('x-account-version'));
    this.build(account);
  }

  async signIn(userId, accountId) {
    const res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(accountId ? { userId, accountId } : { userId }),
    });
    if (!res.ok) {
      const err = new Error(`sign-in: ${res.status}`);
      err.status = res.status;
      throw err;
    }
    const session = await res.json();
    const sameAccount = this.session?.accountId === session.accountId && this.engine;
    this.session = session;
    this.actor = session.userId;
    if (!sameAccount) await this.load();
    this.changed();
  }

  async run(op) {
    let res;
    try {
      res = await fetch(this.accountUrl('/ops'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(op),
      });
    } catch {
      return null; // offline: the caller says nothing was changed
    }
    if (res.status === 401) { this.session = null; throw new SignedOut(); }
    const out = await res.json();
    const version = Number(res.headers.get('x-account-version'));
    if (res.status === 200) {
      await this.follow(op, out, version);
      this.changed();
      return out;
    }
    if (res.status === 422) {
      // Refused with nothing written: our engine may be behind. Fetch, then say why in the
      // page's language by checking again locally (the server's engine words it in English).
      await this.load();
      this.changed();
      const again = this.engine.check(op);
      return again.ok ? out : again;
    }
    return out; // 400 bad_request, 403 not_permitted: the server's Outcome as it is
  }

  /** After a 200: the same op on the local engine, or a re-fetch when that cannot agree. */
  async follow(op, out, version) {
    const expected = this.version + 1;
    // The same op on an engine at the same version gives the same answer, the new user's id
    // included (only the host chooses ids; the page never does). Ops that add several users
    // (import, replace) are followed by fetching the account, so their ids are the server's
    // whatever they are.
    let local = null;
    if (version === expected && op.type !== 'importUsers' && op.type !== 'replaceUser') {
      local = this.engine.apply(op);
    }
    const agrees = local?.ok && JSON.stringify(local.user) === JSON.stringify(out.user)
      && JSON.stringify(local.changes) === JSON.stringify(out.changes);
    if (agrees) {
      this.version = version;
      this.refresh();
    } else {
      await this.load();
    }
  }

  async setSso() { throw new Error('account settings are kept by the server'); }
}

/** `?users=N`: a generated account of N users (the 10k measurement), departments from the sample. */
export function generatedAccount(base, n) {
  const roles = ['owner', 'admin', 'manager'];
  const depts = (base.departments ?? []).map((d) => d.id);
  return {
    ...base,
    plan: 'enterprise',
    proSeats: 10,
    extensionRange: { from: 1000, to: 99999 },
    users: Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      return {
        id: `u${i}`, name: `User ${i}`, email: `user${i}@big.in`,
        mobile: `+9198${String(i).padStart(8, '0')}`, extension: String(1000 + i),
        role: roles[k] ?? 'agent', pro: k < 3, status: 'active',
        schedule: k % 2 ? 'Mo-Fr 09:00-18:00' : '24/7',
        departments: depts.length ? [depts[k % depts.length]] : [],
      };
    }),
  };
}

/** The sample account the page shows when no server holds one (and the sign-in list). */
export async function sampleAccount() {
  return (await fetch(new URL('./sample-account.json', import.meta.url))).json();
}

/** Loads the engine and finds out where the account lives. */
export async function openStore(search = location.search) {
  await init();
  let res = null;
  try {
    res = await fetch('/api/session', { headers: { accept: 'application/json' } });
  } catch {
    res = null;
  }
  if (res && (res.status === 200 || res.status === 401)) {
    const store = new ServerStore(res.status === 200 ? await res.json() : null);
    if (store.signedIn) {
      try {
        await store.load();
      } catch (e) {
        if (!(e instanceof SignedOut)) throw e;
      }
    }
    return store;
  }
  const base = await sampleAccount();
  const n = Number(new URLSearchParams(search).get('users'));
  return new LocalStore(n > 0 ? generatedAccount(base, n) : base);
}
