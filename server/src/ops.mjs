// How an op reaches the database: the pattern this server exists to show.
//
// A write (every op that is not read-only) is one transaction:
//   1. lock the account row (SELECT … FOR UPDATE): the writers of one account, in every
//      process, go one at a time, so the plan limit and the Pro seats (which no unique
//      index can enforce) hold across processes;
//   2. bring this process's cached engine to the version the database has committed;
//   3. give an added user the next id of the account (ids are the database's to give);
//   4. `engine.apply(op)`: every rule is checked against the whole account as committed;
//      not ok → nothing is written (the transaction ends with no change);
//   5. write the users the op changed, bump the account's version, commit. The unique
//      indexes are the last line: they only fire if the engine and the database disagree.
// If anything fails after step 2 (a constraint, a lost connection, a bug), the transaction
// rolls back and the cached engine is dropped, so no cache is ever ahead of the database.
//
// A read-only op checks against the cached engine brought up to date inside one
// REPEATABLE READ transaction, so it sees one committed version.
import { Engine } from '../../pkg/js/node.mjs';
import * as store from './store.mjs';
import { nextNumberAfter } from './ids.mjs';

/** Ops that change nothing: checked, never written. Every other op takes the write path,
 *  so an op type added to the engine later is written correctly (by the full diff)
 *  before anyone lists it here. */
export const READ_ONLY = new Set(['parseSchedule', 'reachable', 'audit', 'seatRequest', 'passwordReset', 'editableFields']);

// Ops whose Outcome's `user` is the one and only row they change.
const ONE_USER = new Set(['addUser', 'editUser', 'deactivateUser', 'reactivateUser']);

/**
 * Runs `fn(engine)` on the account's engine at the database's current version.
 * @returns {Promise<{ value: any, version: number } | null>} null: no such account
 */
export function read(db, engines, accountId, fn) {
  return engines.exclusive(accountId, async () => {
    try {
      return await db.transaction(
        async (tx) => {
          const head = await store.accountHead(tx, accountId);
          if (!head) return null;
          const entry = await engines.follow(tx, accountId, head);
          return { value: fn(entry.engine), version: head.version };
        },
        { readOnly: true },
      );
    } catch (e) {
      engines.drop(accountId);
      throw e;
    }
  });
}

/**
 * Applies `op` (an object, actor already checked) to the account and commits what it
 * changed. @returns {Promise<{ outcome: object, version: number } | null>} null: no such account
 */
export function write(db, engines, accountId, op, signedIn) {
  if (typeof signedIn !== 'string') throw new TypeError('write needs the signed-in user id');
  return engines.exclusive(accountId, async () => {
    let entry = null;
    let result;
    try {
      result = await db.transaction(async (tx) => {
        const head = await store.accountHead(tx, accountId, { lock: true });
        if (!head) return null;
        // The engine gives ids past every id the database has given (`follow`); the
        // number is read under the row lock, so no two processes give the same one.
        entry = await engines.follow(tx, accountId, head);
        // applyAs: the engine itself refuses an op in another actor's name.
        const outcome = entry.engine.applyAs(signedIn, op);
        if (!outcome.ok) return { outcome, version: head.version, next: head.nextUserNumber };
        // From here the cached engine is ahead of the database until the commit.
        const version = head.version + 1;
        const added = await persist(tx, entry.engine, accountId, op, outcome, version);
        const next = nextNumberAfter(added, head.nextUserNumber);
        await store.bumpAccount(tx, accountId, version, next);
        return { outcome, version, next };
      });
    } catch (e) {
      engines.drop(accountId);
      throw e;
    }
    if (result && result.outcome.ok) entry.committed(result.version);
    return result && { outcome: result.outcome, version: result.version };
  });
}


/**
 * Writes the users `op` changed at `version`; returns the ids of the users it added.
 * Which users changed is the Outcome's to say: each change names its user (`userId`).
 *   - one user (add, edit, deactivate, reactivate): the row is `outcome.user`;
 *   - several (import, replace, delete, which also takes the deleted user out of others'
 *     `reportUsers`): the users the changes name, read back from the engine;
 *   - an engine whose changes do not name their users: the whole account against the
 *     database, user by user (O(account) per op).
 */
async function persist(tx, engine, accountId, op, outcome, version) {
  const ids = changedUserIds(outcome);
  const user = outcome.user;
  const oneUser =
    ONE_USER.has(op.type) &&
    isObject(user) &&
    (op.type === 'addUser' || user.id === op.target) &&
    (ids === null || [...ids].every((id) => id === user.id));
  if (oneUser) {
    if (op.type === 'addUser') {
      await store.insertUser(tx, accountId, user, version);
      return [user.id];
    }
    await store.updateUser(tx, accountId, user, version);
    return [];
  }
  if (ids === null) {
    // An engine whose changes do not name their users: the whole account, compared.
    return writeDiff(tx, accountId, await store.liveRows(tx, accountId), engine.account().users, version);
  }
  // The users the changes name, read one by one (a deleted one is gone: null).
  const before = await store.liveRowsOf(tx, accountId, [...ids]);
  const after = [...ids].map((id) => engine.user(id)).filter((u) => u !== null);
  return writeDiff(tx, accountId, before, after, version);
}

/** The ids of the users `outcome.changes` name, or null when this engine's changes do not
 *  name their users (then an empty list may still hide added users: an older build's
 *  import reports none). */
function changedUserIds(outcome) {
  if (!engineNamesChangedUsers) return null;
  const ids = new Set();
  for (const change of outcome.changes ?? []) {
    if (typeof change.userId !== 'string') return null;
    ids.add(change.userId);
  }
  return ids;
}

// Whether this build of the engine names the user of every change (`userId`) and lists
// every user an op changes, added ones included. Asked once, of an import (the op that
// older builds report no changes for).
export const engineNamesChangedUsers = (() => {
  const engine = new Engine({ plan: 'enterprise', users: [{ id: 'u1', name: 'Owner', email: 'o@example.in', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active' }] });
  try {
    const csv = 'name,email,mobile,extension,role,pro,schedule,departments\nNew User,n@example.in,9800000002,11,agent,false,24/7,';
    const { ok, changes } = engine.apply({ type: 'importUsers', actor: 'u1', csv });
    return ok && changes.length > 0 && changes.every((c) => typeof c.userId === 'string');
  } finally {
    engine.free();
  }
})();

/**
 * Brings the rows `before` (id → data, as the database has them) to the users `after`:
 * a user of `before` missing from `after` was deleted. Deletes first, then updates, then inserts, so that a value moving from one
 * user to another (replaceUser hands the old user's extension to the new one) never
 * holds a unique index twice in between. Returns the ids inserted.
 */
async function writeDiff(tx, accountId, before, after, version) {
  const updates = [];
  const inserts = [];
  const gone = new Map(before);
  for (const user of after) {
    const row = before.get(user.id);
    gone.delete(user.id);
    if (row === undefined) inserts.push(user);
    else if (canonicalJson(row) !== canonicalJson(user)) updates.push(user);
  }
  for (const id of gone.keys()) await store.deleteUser(tx, accountId, id, version);
  for (const user of updates) await store.updateUser(tx, accountId, user, version);
  for (const user of inserts) await store.insertUser(tx, accountId, user, version);
  return inserts.map((u) => u.id);
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
export function canonicalJson(value) {
  return JSON.stringify(value, (_, v) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
