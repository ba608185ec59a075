// One small interface over the two databases the server runs on, so that the schema and
// every statement (src/schema.mjs, src/store.mjs) are written once:
//   - embedded: PGlite (PostgreSQL compiled to WebAssembly) persisting to a folder; one
//     connection, one process;
//   - PostgreSQL through `pg` when DATABASE_URL is set; a pool, any number of processes.
// Both speak PostgreSQL's SQL with $1 parameters; nothing here builds SQL from values.

/**
 * @typedef {{ query(sql: string, params?: unknown[]): Promise<{ rows: any[], rowCount?: number, affectedRows?: number }> }} Queryable
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: { readOnly?: boolean }): Promise<T>,
 *   close(): Promise<void>,
 * }} Database
 */

/** Opens PostgreSQL when `url` is given, else PGlite in `dataDir`. @returns {Promise<Database>} */
export async function openDatabase({ url, dataDir, poolSize = 10 }) {
  return url ? openPostgres(url, poolSize) : openPglite(dataDir);
}

// A read is one REPEATABLE READ transaction: the account's version and the rows it reads
// come from one snapshot, so a cache brought up to that version is exactly that version.
const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

async function openPostgres(url, poolSize) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection (a restarted PostgreSQL) must not crash the
  // process; the pool replaces it.
  pool.on('error', (e) => console.error(`postgres: idle client error: ${e.message}`));
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params),
    async transaction(fn, { readOnly = false } = {}) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(readOnly ? BEGIN_READ : 'BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not give it back to the pool
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: (sql, params) => db.query(sql, params).then(asPg),
    // PGlite has one connection: its transaction() queues the callers, so transactions of
    // one process never interleave; the row locks in store.mjs then cost nothing.
    transaction: (fn, { readOnly = false } = {}) =>
      db.transaction(async (tx) => {
        if (readOnly) await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return fn({ query: (sql, params) => tx.query(sql, params).then(asPg) });
      }),
    close: () => db.close(),
  };
}

// PGlite counts the rows an INSERT/UPDATE/DELETE touched in `affectedRows`; pg in
// `rowCount`, as store.mjs reads it.
function asPg(result) {
  return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
}
