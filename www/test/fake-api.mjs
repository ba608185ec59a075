// A stand-in for server/ (issue 18) with exactly the API the page codes against, so the
// page's server mode is tested on this branch: the demo sign-in, the account with its
// `x-account-version`, ops answered 200 / 422 / 400 / 401 / 403. The account lives in
// memory in the package's own engine; the static files come from scripts/serve.mjs.
// It can play "another writer" (`write(op)`), and give added users ids of its own
// (`serverIds`), which the page must then take from the server.
import { createServer } from 'node:http';
import { handler as serveStatic } from '../../scripts/serve.mjs';
import { Engine } from '../../pkg/js/node.mjs';

export function fakeApi(account) {
  const engine = new Engine(account);
  let version = 1;
  let nextId = 1;
  const sessions = new Map();
  const log = [];

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const session = (req) => sessions.get(/(?:^|;\s*)sid=(\w+)/.exec(req.headers.cookie ?? '')?.[1]);
  const body = (req) => new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => { try { resolve(JSON.parse(text)); } catch { resolve(undefined); } });
  });

  /** Applies `op`; returns [status, outcome]. With `serverIds`, an added user gets an id
   * the page's engine would not give (`s1`, …, as `$system`: only the host chooses ids). */
  function apply(op) {
    if (api.serverIds && op?.type === 'addUser' && op.user && op.user.id == null) {
      op = { ...op, actor: '$system', user: { ...op.user, id: `s${nextId++}` } };
    }
    const out = engine.apply(op);
    if (out.ok) version++;
    const bad = out.violations.some((v) => v.code === 'bad_request');
    return [out.ok ? 200 : bad ? 400 : 422, out];
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith('/api/')) return serveStatic(req, res);
    const entry = { method: req.method, path: url.pathname };
    log.push(entry);
    const s = session(req);
    if (url.pathname === '/api/session') {
      if (req.method === 'GET') return s ? json(res, 200, s) : json(res, 401, { error: 'not signed in' });
      if (req.method === 'POST') {
        const { userId, accountId = 'acme' } = (await body(req)) ?? {};
        if (accountId !== 'acme' || !engine.account().users.some((u) => u.id === userId)) return json(res, 404, { error: 'no such user' });
        const sid = Math.random().toString(36).slice(2).replace(/\W/g, '');
        sessions.set(sid, { userId, accountId });
        entry.userId = userId;
        return json(res, 200, { userId, accountId }, { 'set-cookie': `sid=${sid}; HttpOnly; SameSite=Strict; Path=/` });
      }
    }
    const m = /^\/api\/accounts\/([^/]+)(\/ops)?$/.exec(url.pathname);
    if (m) {
      if (!s) return json(res, 401, { error: 'not signed in' });
      if (m[1] !== s.accountId) return json(res, 403, { error: 'not your account' });
      if (!m[2] && req.method === 'GET') return json(res, 200, engine.account(), { 'x-account-version': String(version) });
      if (m[2] && req.method === 'POST') {
        const op = await body(req);
        entry.op = op;
        if (op && 'actor' in op && op.actor !== s.userId) {
          const out = engine.check({ type: 'editUser', actor: s.userId, target: '$nobody', patch: {} });
          return json(res, 403, { ...out, ok: false }, { 'x-account-version': String(version) });
        }
        const [status, out] = apply(op);
        entry.status = status;
        return json(res, status, out, { 'x-account-version': String(version) });
      }
    }
    return json(res, 404, { error: 'not found' });
  });

  const api = {
    serverIds: false,
    server,
    log,
    /** Another writer: an op applied behind the page's back. */
    write: (op) => apply(op),
    account: () => engine.account(),
    get version() { return version; },
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server))),
  };
  return api;
}
