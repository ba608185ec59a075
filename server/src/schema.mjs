// The schema, the same for PGlite and PostgreSQL. Created at start-up if missing; several
// processes starting at once take an advisory lock so only one creates it.
//
// Why it looks like this (server/README.md, "The database"):
//   - accounts: the account's own settings (plan, seats, departments, caller ids, sso) as
//     jsonb, `version` bumped by every write (the cached engines follow it),
//     `settings_version` bumped only when the settings change (a cached engine is then
//     rebuilt), and `next_user_number`, the high-water mark of user ids (never reused).
//   - users: one row per user; the user as the engine stores it in `data`, and the columns
//     the unique indexes need generated from it, so they cannot drift. A deleted user keeps
//     its row with `deleted` true: its id stays taken (the primary key is then the last
//     line against reusing an id) and other processes learn of the delete from the row's
//     `version`, like any other change.
//   - the unique indexes are the last line of defence behind the engine: they never fire
//     unless the engine and the database disagree, and then the write is rolled back.
//   - sessions: the demo sign-in (src/sessions.mjs); tokens are stored hashed.

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS accounts (
     id               text PRIMARY KEY,
     settings         jsonb  NOT NULL,
     settings_version bigint NOT NULL DEFAULT 1,
     version          bigint NOT NULL DEFAULT 1,
     next_user_number bigint NOT NULL DEFAULT 1
   )`,
  `CREATE TABLE IF NOT EXISTS users (
     account_id text    NOT NULL REFERENCES accounts (id),
     id         text    NOT NULL,
     seq        bigint  GENERATED ALWAYS AS IDENTITY,
     data       jsonb   NOT NULL,
     version    bigint  NOT NULL,
     deleted    boolean NOT NULL DEFAULT false,
     email      text GENERATED ALWAYS AS (data ->> 'email') STORED,
     extension  text GENERATED ALWAYS AS (data ->> 'extension') STORED,
     mobile     text GENERATED ALWAYS AS (data ->> 'mobile') STORED,
     login_id   text GENERATED ALWAYS AS (data -> 'webLogin' ->> 'loginId') STORED,
     PRIMARY KEY (account_id, id)
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_email_unique ON users (account_id, lower(email)) WHERE NOT deleted`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_extension_unique ON users (account_id, extension) WHERE NOT deleted`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_mobile_unique ON users (account_id, mobile) WHERE NOT deleted`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_login_id_unique ON users (account_id, lower(login_id))
     WHERE NOT deleted AND login_id IS NOT NULL`,
  // What a stale cache reads: the rows written after the version it holds.
  `CREATE INDEX IF NOT EXISTS users_by_version ON users (account_id, version)`,
  `CREATE TABLE IF NOT EXISTS sessions (
     token_hash text PRIMARY KEY,
     account_id text NOT NULL REFERENCES accounts (id),
     user_id    text NOT NULL,
     expires_at timestamptz NOT NULL
   )`,
];

// Any fixed number: the key of the advisory lock that serialises schema creation.
const SCHEMA_LOCK = 7_140_318;

/** Creates the tables and indexes that are missing. */
export async function migrate(db) {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    for (const sql of STATEMENTS) await tx.query(sql);
  });
}
