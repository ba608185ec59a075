// The routes. Every rule is the engine's: this file only says who is signed in, which
// account a request is about, and how an Outcome maps to an HTTP status.
//
//   POST   /api/session              {"userId", "accountId"?}  → 200 {userId, accountId} + cookie
//   GET    /api/session              → 200 {userId, accountId} | 401
//   DELETE /api/session              → 204
//   GET    /api/accounts/{id}        → 200 the account (engine.account()), x-account-version
//   POST   /api/accounts/{id}/ops    one op → its Outcome: 200 ok, 422 not ok, 400 bad_request,
//                                     403 another actor's name, x-account-version
//   anything else under /api/        → 404 (405 for a known path with another method)
//   everything else                  → the page and the package files (src/static.mjs)
import { Engine } from '../../pkg/js/node.mjs';
import { HttpError, parseJson, readJsonText, sendError, sendJson } from './http.mjs';
import * as sessions from './sessions.mjs';
import * as store from './store.mjs';
import { READ_ONLY, read, write } from './ops.mjs';
import { namesAnotherActor } from './identity.mjs';
import { serveStatic } from './static.mjs';

export const DEFAULT_ACCOUNT = 'acme';

// Turns a body that is not an op at all (not JSON, not an object) into the engine's own
// `bad_request` Outcome, so that even that answer is in the engine's words. It holds no
// account: it is never asked anything else.
const shapeEngine = new Engine({ plan: 'enterprise', users: [] });

/** The request handler of the whole server over `db` and an EngineCache. */
export function createApp({ db, engines, log = console.error }) {
  const routes = [
    { path: /^\/api\/session$/, methods: { POST: signIn, GET: whoAmI, DELETE: signOut } },
    { path: /^\/api\/accounts\/([^/]+)$/, methods: { GET: getAccount } },
    { path: /^\/api\/accounts\/([^/]+)\/ops$/, methods: { POST: postOp } },
  ];

  async function signIn(req, res) {
    const body = parseJson(await readJsonText(req));
    const accountId = body?.accountId ?? DEFAULT_ACCOUNT;
    if (typeof body?.userId !== 'string' || typeof accountId !== 'string') {
      return sendError(res, 400, 'bad_request');
    }
    if (!(await store.userExists(db, accountId, body.userId))) return sendError(res, 404, 'user_unknown');
    const cookie = await sessions.start(db, accountId, body.userId);
    sendJson(res, 200, { userId: body.userId, accountId }, { 'set-cookie': cookie });
  }

  async function whoAmI(req, res) {
    const session = await sessions.find(db, req.headers.cookie);
    if (!session) return sendError(res, 401, 'unauthenticated');
    sendJson(res, 200, session);
  }

  async function signOut(req, res) {
    const cookie = await sessions.end(db, req.headers.cookie);
    res.writeHead(204, { 'set-cookie': cookie, 'cache-control': 'no-store' });
    res.end();
  }

  /** The session of the request, allowed to work on `accountId`. */
  async function member(req, accountId) {
    const session = await sessions.find(db, req.headers.cookie);
    if (!session) throw new HttpError(401, 'unauthenticated');
    if (session.accountId !== accountId) throw new HttpError(403, 'forbidden');
    return session;
  }

  async function getAccount(req, res, accountId) {
    await member(req, accountId);
    const result = await read(db, engines, accountId, (engine) => engine.account());
    if (!result) return sendError(res, 404, 'account_unknown');
    sendJson(res, 200, result.value, { 'x-account-version': String(result.version) });
  }

  async function postOp(req, res, accountId) {
    const session = await member(req, accountId);
    const text = await readJsonText(req);
    const op = parseJson(text);
    if (typeof op !== 'object' || op === null || Array.isArray(op)) {
      // Not JSON, or not an op: the engine says so (bad_request at `op`).
      return sendOutcome(res, shapeEngine.check(text), null);
    }
    let result;
    if (namesAnotherActor(op, session.userId)) {
      result = await read(db, engines, accountId, (engine) => engine.checkAs(session.userId, op));
      if (result) return sendOutcome(res, result.value, result.version, 403);
    } else if (READ_ONLY.has(op.type)) {
      result = await read(db, engines, accountId, (engine) => engine.check(op));
      if (result) return sendOutcome(res, result.value, result.version);
    } else {
      result = await write(db, engines, accountId, op, session.userId);
      if (result) return sendOutcome(res, result.outcome, result.version);
    }
    sendError(res, 404, 'account_unknown');
  }

  function sendOutcome(res, outcome, version, status = statusOf(outcome)) {
    sendJson(res, status, outcome, version === null ? {} : { 'x-account-version': String(version) });
  }

  return async function handle(req, res) {
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return sendError(res, 400, 'bad_request');
    }
    if (!pathname.startsWith('/api/') && pathname !== '/api') return serveStatic(req, res);
    try {
      for (const route of routes) {
        const m = route.path.exec(pathname);
        if (!m) continue;
        const run = route.methods[req.method];
        if (!run) {
          return sendError(res, 405, 'method_not_allowed', { allow: Object.keys(route.methods).join(', ') });
        }
        const args = m.slice(1).map(decodeURIComponent);
        return await run(req, res, ...args);
      }
      sendError(res, 404, 'not_found');
    } catch (e) {
      if (e instanceof HttpError) return sendError(res, e.status, e.code, e.headers);
      if (e instanceof URIError) return sendError(res, 400, 'bad_request');
      // A unique index fired: the engine let through what the database refused. Nothing
      // was written and the cached engine was dropped; asking again gets the engine's
      // answer on the database's data.
      if (e?.code === '23505') {
        log(`conflict: ${e.message}`);
        return sendError(res, 409, 'conflict');
      }
      log(`error: ${req.method} ${pathname}: ${e?.stack ?? e}`);
      if (!res.headersSent) sendError(res, 500, 'internal');
      else res.destroy();
    }
  };
}

/** The HTTP status of an Outcome: 200 ok, 400 when the op was not understood, else 422. */
export function statusOf(outcome) {
  if (outcome.ok) return 200;
  return outcome.violations.some((v) => v.code === 'bad_request') ? 400 : 422;
}
