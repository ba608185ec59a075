// A Node backend bundled by esbuild (--platform=node, ESM and CJS output), each bundle
// run from an empty folder: nothing beside it, no node_modules, as deployed.
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sh, start } from 'consumer-harness/node.mjs';
import { gita } from 'consumer-harness/accounts.js';

const here = fileURLToPath(new URL('.', import.meta.url));
for (const format of ['esm', 'cjs']) {
  const ms = sh(here, 'npm', ['run', '--silent', `build:${format}`]);
  const file = `server.${format === 'esm' ? 'mjs' : 'cjs'}`;
  const alone = mkdtempSync(path.join(tmpdir(), 'roster-backend-'));
  copyFileSync(path.join(here, 'dist', file), path.join(alone, file));
  const server = await start(alone, process.execPath, [file], { ready: /listening on (\d+)/ });
  try {
    const url = `http://127.0.0.1:${server.match[1]}/`;
    const post = async (op) => {
      const r = await fetch(url, { method: 'POST', body: JSON.stringify(op) });
      return { status: r.status, outcome: await r.json() };
    };
    const add = (user) => ({ type: 'addUser', actor: 'u1', user: { ...gita(), ...user } });

    const taken = await post(add({ extension: '11' }));
    assert.equal(taken.status, 422);
    assert.deepEqual(taken.outcome.violations.map((v) => v.code), ['extension_taken']);
    const ok = await post(add({}));
    assert.equal(ok.status, 200);
    assert.equal(ok.outcome.user.mobile, '+919800000007');
    // 20 concurrent adds claiming extension 20, each with its own email and mobile:
    // exactly one is applied in this process.
    const racers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      post(add({ email: `racer${i}@acme.in`, mobile: `+9198100000${String(i).padStart(2, '0')}`, extension: '20' }))));
    assert.equal(racers.filter((r) => r.status === 200).length, 1);
    assert.ok(racers.filter((r) => r.status === 422).every((r) => r.outcome.violations[0].code === 'extension_taken'));
    // A warning is not an error: no department is `no_department`, and the add goes ahead.
    const warned = await post(add({ email: 'ravi@acme.in', mobile: '+919810000099', extension: '21', departments: [] }));
    assert.equal(warned.status, 200);
    assert.deepEqual(warned.outcome.violations.map((v) => [v.code, v.severity]), [['no_department', 'warning']]);
    const bad = await post({ type: 'addUser', actor: 'u1', user: { nope: 1 } });
    assert.equal(bad.status, 400);
    console.log(`node-esbuild ${format}: ok (build ${Math.round(ms)} ms)`);
  } finally {
    await server.stop();
    rmSync(alone, { recursive: true, force: true });
  }
}
