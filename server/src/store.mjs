// Every statement the server runs on accounts and users, parameterised ($1, $2, …); no
// value is ever spliced into SQL text. `tx` is a transaction of src/db.mjs.

/** Versions of an account, or null. With `lock`, the account row stays locked until the
 *  transaction ends: this is what serialises the writers of one account, across
 *  processes (PostgreSQL) as within one (PGlite). */
export async function accountHead(tx, accountId, { lock = false } = {}) {
  const { rows } = await tx.query(
    `SELECT version, settings_version, next_user_number FROM accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [accountId],
  );
  if (rows.length === 0) return null;
  const r = rows[0];
  // pg gives bigint as text, PGlite as a number.
  return {
    version: Number(r.version),
    settingsVersion: Number(r.settings_version),
    nextUserNumber: Number(r.next_user_number),
  };
}

/** The account's settings and its live users in account order: what `new Engine` reads. */
export async function loadAccount(tx, accountId) {
  const settings = await tx.query('SELECT settings FROM accounts WHERE id = $1', [accountId]);
  if (settings.rows.length === 0) return null;
  const users = await tx.query('SELECT data FROM users WHERE account_id = $1 AND NOT deleted ORDER BY seq', [
    accountId,
  ]);
  return { ...settings.rows[0].settings, users: users.rows.map((r) => r.data) };
}

/** The user rows written after `version`, deleted ones included, in account order: what a
 *  stale cache applies to catch up. */
export async function rowsSince(tx, accountId, version) {
  const { rows } = await tx.query(
    'SELECT id, data, deleted FROM users WHERE account_id = $1 AND version > $2 ORDER BY seq',
    [accountId, version],
  );
  return rows;
}

/** Every live user row of the account, by id (for the ops that change several users). */
export async function liveRows(tx, accountId) {
  const { rows } = await tx.query('SELECT id, data FROM users WHERE account_id = $1 AND NOT deleted', [accountId]);
  return new Map(rows.map((r) => [r.id, r.data]));
}

/** The live user rows of `ids`, by id. */
export async function liveRowsOf(tx, accountId, ids) {
  const { rows } = await tx.query('SELECT id, data FROM users WHERE account_id = $1 AND id = ANY($2) AND NOT deleted', [
    accountId,
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.data]));
}

/** Adds a user. A reused id fails on the primary key (deleted rows stay), a taken email,
 *  extension, mobile or login id on its unique index. */
export async function insertUser(tx, accountId, user, version) {
  await tx.query('INSERT INTO users (account_id, id, data, version) VALUES ($1, $2, $3::jsonb, $4)', [
    accountId,
    user.id,
    JSON.stringify(user),
    version,
  ]);
}

/** Replaces a live user's row; throws when there is none (the cache and the database
 *  disagree, and the transaction must not commit). */
export async function updateUser(tx, accountId, user, version) {
  const r = await tx.query(
    'UPDATE users SET data = $3::jsonb, version = $4 WHERE account_id = $1 AND id = $2 AND NOT deleted',
    [accountId, user.id, JSON.stringify(user), version],
  );
  expectOneRow(r, `update of user ${user.id}`);
}

/** Marks a live user deleted: the row stays so that its id is never given again. */
export async function deleteUser(tx, accountId, userId, version) {
  const r = await tx.query(
    'UPDATE users SET deleted = true, version = $3 WHERE account_id = $1 AND id = $2 AND NOT deleted',
    [accountId, userId, version],
  );
  expectOneRow(r, `delete of user ${userId}`);
}

/** Records a committed write: the new version and the id high-water mark. */
export async function bumpAccount(tx, accountId, version, nextUserNumber) {
  await tx.query('UPDATE accounts SET version = $2, next_user_number = $3 WHERE id = $1', [
    accountId,
    version,
    nextUserNumber,
  ]);
}

/** Creates an account with its users, unless one with that id exists; whether it did. */
export async function createAccount(tx, accountId, settings, users, nextUserNumber) {
  const { rows } = await tx.query(
    `INSERT INTO accounts (id, settings, version, next_user_number) VALUES ($1, $2::jsonb, 1, $3)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [accountId, JSON.stringify(settings), nextUserNumber],
  );
  if (rows.length === 0) return false;
  for (const user of users) await insertUser(tx, accountId, user, 1);
  return true;
}

/** Replaces an account's settings (plan, seats, departments, …): every cached engine of
 *  it is rebuilt on its next use. No API route calls this; an operator's tool would. */
export async function updateSettings(tx, accountId, settings) {
  const r = await tx.query(
    `UPDATE accounts SET settings = $2::jsonb, settings_version = settings_version + 1, version = version + 1
     WHERE id = $1`,
    [accountId, JSON.stringify(settings)],
  );
  expectOneRow(r, `settings of account ${accountId}`);
}

/** Whether the account has a live user `userId`. */
export async function userExists(tx, accountId, userId) {
  const { rows } = await tx.query('SELECT 1 FROM users WHERE account_id = $1 AND id = $2 AND NOT deleted', [
    accountId,
    userId,
  ]);
  return rows.length > 0;
}

function expectOneRow(result, what) {
  const n = result.rowCount;
  if (n !== 1) throw new Error(`${what}: ${n} rows changed, expected 1 (cache and database disagree)`);
}
