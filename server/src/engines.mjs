// One cached Engine per account, kept in step with the database instead of rebuilt per
// request (`new Engine` of 10,000 users costs tens of milliseconds; following a few rows
// costs microseconds).
//
// The rule: a cached engine is only ever brought *up to* a version the database has
// committed, never ahead of it. Callers hold the account's lock in this process
// (`exclusive`) and read the database's head inside their transaction; `follow` then
//   - rebuilds the engine when there is none, or the account's own settings changed
//     (plan, seats, departments, caller ids, sso: no row of `users` says so), or it is
//     somehow ahead of the database;
//   - otherwise applies the user rows written since its version with `upsertUser` /
//     `removeUser` (no rule is checked: the database is the truth).
// Whoever changes a cached engine and then fails to commit must `drop` it (src/ops.mjs).
import { Engine } from '../../pkg/js/node.mjs';
import * as store from './store.mjs';

export class EngineCache {
  constructor({ policy = null } = {}) {
    this.policy = policy;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    /** @type {Map<string, Promise<unknown>>} */
    this.tails = new Map();
    this.stats = { rebuilds: 0, rowsFollowed: 0 };
  }

  /** Runs `fn` while no other caller in this process works on `accountId`'s engine. */
  exclusive(accountId, fn) {
    const before = this.tails.get(accountId) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.then(
      () => {},
      () => {},
    );
    this.tails.set(accountId, tail);
    tail.then(() => {
      if (this.tails.get(accountId) === tail) this.tails.delete(accountId);
    });
    return run;
  }

  /**
   * The account's engine at exactly `head` (from store.accountHead in the caller's
   * transaction `tx`), its fresh ids past every id the database has given: the account
   * row's `nextUserNumber` counts ids given and deleted again while this engine was not
   * looking, which no row shows it.
   */
  async follow(tx, accountId, head) {
    let entry = this.entries.get(accountId);
    const stale = !entry || entry.settingsVersion !== head.settingsVersion || entry.version > head.version;
    if (stale) {
      this.drop(accountId);
      entry = await this.#build(tx, accountId, head);
      this.entries.set(accountId, entry);
    } else if (entry.version < head.version) {
      for (const row of await store.rowsSince(tx, accountId, entry.version)) {
        if (row.deleted) entry.engine.removeUser(row.id);
        else entry.engine.upsertUser(row.data);
        this.stats.rowsFollowed++;
      }
      entry.version = head.version;
    }
    entry.engine.advanceUserNumber(head.nextUserNumber);
    return entry;
  }

  async #build(tx, accountId, head) {
    const account = await store.loadAccount(tx, accountId);
    account.nextUserNumber = head.nextUserNumber;
    this.stats.rebuilds++;
    return new Entry(new Engine(account, this.policy), head);
  }

  /** Forgets the account's engine (it is rebuilt from the database on next use). */
  drop(accountId) {
    const entry = this.entries.get(accountId);
    if (!entry) return;
    this.entries.delete(accountId);
    entry.engine.free();
  }

  /** Frees every engine. */
  clear() {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }
}

/** A cached engine and the versions it is at. */
class Entry {
  constructor(engine, head) {
    this.engine = engine;
    this.version = head.version;
    this.settingsVersion = head.settingsVersion;
  }

  /** After a commit: the engine (already changed by `apply`) is now at `version`. */
  committed(version) {
    this.version = version;
  }
}
