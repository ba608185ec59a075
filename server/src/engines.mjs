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
import { userNumber } from './ids.mjs';

// Whether this build of the engine keeps the id high-water mark in the account
// (`nextUserNumber`, RULES §5 Lifecycle). Older builds refuse the key and pick ids from
// the users they hold, so an id deleted elsewhere could be picked again; the primary key
// of `users` then refuses the write (server/README.md, "User ids").
export const engineKeepsIdMark = (() => {
  try {
    new Engine({ plan: 'nano', users: [], nextUserNumber: 1 }).free();
    return true;
  } catch {
    return false;
  }
})();

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
   * transaction `tx`). `idsMatter`: the op lets the engine pick user ids (import,
   * replace), so it must know every id ever given, deleted ones included.
   */
  async follow(tx, accountId, head, { idsMatter = false } = {}) {
    let entry = this.entries.get(accountId);
    const stale =
      !entry ||
      entry.settingsVersion !== head.settingsVersion ||
      entry.version > head.version ||
      (idsMatter && engineKeepsIdMark && entry.knownNext < head.nextUserNumber);
    if (stale) {
      this.drop(accountId);
      entry = await this.#build(tx, accountId, head);
      this.entries.set(accountId, entry);
    } else if (entry.version < head.version) {
      for (const row of await store.rowsSince(tx, accountId, entry.version)) {
        let held = true;
        if (row.deleted) held = entry.engine.removeUser(row.id);
        else entry.engine.upsertUser(row.data);
        // An id the engine held or now holds is one it will not give again; an id given
        // and deleted while this engine was not looking is not (see `idsMatter`).
        if (held) entry.knownNext = Math.max(entry.knownNext, userNumber(row.id) + 1);
        this.stats.rowsFollowed++;
      }
      entry.version = head.version;
    }
    return entry;
  }

  async #build(tx, accountId, head) {
    const account = await store.loadAccount(tx, accountId);
    if (engineKeepsIdMark) account.nextUserNumber = head.nextUserNumber;
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
    // The id high-water mark this engine knows of (see `follow`'s `idsMatter`).
    this.knownNext = head.nextUserNumber;
  }

  /** After a commit: the engine (already changed by `apply`) is now at `version`. */
  committed(version, nextUserNumber) {
    this.version = version;
    this.knownNext = Math.max(this.knownNext, nextUserNumber);
  }
}
