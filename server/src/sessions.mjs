// The demo sign-in: `POST /api/session {"userId"}` trusts the user id it is given. This
// is the one place where a real host plugs in its own identity (its login, SSO, an API
// gateway's verified header): whatever it uses must end in a session that names the
// account and the user, because every op's actor is taken from the session and from
// nothing the client sends.
//
// A session is a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
// only its SHA-256, so that a copy of the sessions table signs no one in. Sessions live
// in the database, so every server process of one PostgreSQL knows them.
import { createHash, randomBytes } from 'node:crypto';

export const COOKIE = 'roster_session';
const LIFETIME_SECONDS = 12 * 60 * 60;

const hash = (token) => createHash('sha256').update(token).digest('hex');

/** Starts a session; returns the cookie header that carries it. */
export async function start(db, accountId, userId) {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, account_id, user_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hash(token), accountId, userId, LIFETIME_SECONDS],
  );
  return cookie(token, LIFETIME_SECONDS);
}

/** The session of a request's cookie header: `{ userId, accountId }` or null. */
export async function find(db, cookieHeader) {
  const token = readCookie(cookieHeader, COOKIE);
  if (!token) return null;
  const { rows } = await db.query(
    'SELECT user_id, account_id FROM sessions WHERE token_hash = $1 AND expires_at > now()',
    [hash(token)],
  );
  return rows.length ? { userId: rows[0].user_id, accountId: rows[0].account_id } : null;
}

/** Ends the session of a cookie header (if any); returns the cookie header that clears it. */
export async function end(db, cookieHeader) {
  const token = readCookie(cookieHeader, COOKIE);
  if (token) await db.query('DELETE FROM sessions WHERE token_hash = $1', [hash(token)]);
  return cookie('', 0);
}

// No `Secure`: the demo is served over plain http on localhost. A host behind TLS adds it.
function cookie(value, maxAge) {
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
}

function readCookie(header, name) {
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      // Our tokens are 43 base64url characters; anything else is no session.
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}
