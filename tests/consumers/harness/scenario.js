// The check every browser consumer runs in Chromium, through the package it bundled:
// a call before init() gets the clear error, a taken extension is `extension_taken`, the
// plan limit is a path-less (form-level) issue, a valid add goes through. The page puts
// the answer on `window.results`; the consumer's test asserts on it.
import { roomy, full, gita } from './accounts.js';

export async function scenario(roster, initInput) {
  const { default: init, Engine } = roster;
  const results = {};
  try {
    new Engine(roomy());
    results.beforeInit = 'no error';
  } catch (e) {
    results.beforeInit = { code: e.code, message: e.message };
  }
  await init(initInput);
  const engine = new Engine(roomy());
  results.taken = engine.checkField('extension', '11').violations.map((v) => v.code);
  const form = { type: 'addUser', actor: 'u1' };
  const limit = new Engine(full()).schema(form)['~standard'].validate(gita());
  results.limit = limit.issues.map((i) => ({ code: i.code, path: i.path ?? null }));
  const added = engine.apply({ ...form, user: gita() });
  results.added = { ok: added.ok, mobile: added.user?.mobile, users: engine.account().users.length };
  results.wasmFetched = performance.getEntriesByType('resource').filter((r) => r.name.includes('.wasm')).map((r) => new URL(r.name).pathname);
  return results;
}

/** What `scenario` must give; `wasmFetched` says which loader ran. */
export function expected({ fetched }) {
  return {
    beforeInit: 'ROSTER_NOT_INITIALISED',
    taken: ['extension_taken'],
    limit: [{ code: 'plan_user_limit', path: null }],
    added: { ok: true, mobile: '+919800000007', users: 3 },
    fetched,
  };
}
