// Creates an account from an account JSON (www/sample-account.json for the demo's
// `acme`) unless it exists. The engine reads it first: a file of the wrong shape, or one
// that breaks a rule (`audit`), is refused instead of stored.
import { readFile } from 'node:fs/promises';
import { Engine } from '../../pkg/js/node.mjs';
import * as store from './store.mjs';
import { nextNumberAfter } from './ids.mjs';

/** Seeds `accountId` from `account` (object); whether it was created (false: it existed). */
export async function seedAccount(db, accountId, account, policy = null) {
  const engine = new Engine(account, policy);
  try {
    const audit = engine.check({ type: 'audit' });
    if (!audit.ok) {
      const codes = audit.violations.map((v) => `${v.code}${v.userId ? ` (${v.userId})` : ''}`).join(', ');
      throw new Error(`account ${accountId} breaks the rules: ${codes}`);
    }
    // The users as the engine stores them (defaults filled in), in the file's order.
    const { users, nextUserNumber, ...settings } = engine.account();
    const next = nextNumberAfter(
      users.map((u) => u.id),
      nextUserNumber ?? account.nextUserNumber ?? 1,
    );
    return await db.transaction((tx) => store.createAccount(tx, accountId, settings, users, next));
  } finally {
    engine.free();
  }
}

/** Seeds `accountId` from a JSON file. */
export async function seedAccountFile(db, accountId, file, policy = null) {
  return seedAccount(db, accountId, JSON.parse(await readFile(file, 'utf8')), policy);
}
