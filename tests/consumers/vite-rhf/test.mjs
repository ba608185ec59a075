// Vite 8 + React 19 + React Hook Form with `standardSchemaResolver(engine.schema<Values>(…))`:
// type-checked with `tsc --noEmit` (strict), production build, driven in Chromium. No
// config about the package: the `production` condition picks the entry whose .wasm Vite
// emits as an asset.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { sh, serve, start, browser, open, deadline } from 'consumer-harness/node.mjs';
import { gita } from 'consumer-harness/accounts.js';

deadline('vite-rhf', 4);
const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = sh(here, 'npm', ['run', '--silent', 'typecheck']);
const ms = sh(here, 'npm', ['run', '--silent', 'build']);
const assets = readdirSync(new URL('dist/assets', import.meta.url));
assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `one .wasm emitted: ${assets}`);

const site = await serve(`${here}dist`);
const b = await browser();
try {
  const g = gita();
  const fill = async (page, values) => { for (const [k, v] of Object.entries(values)) await page.fill(`input[name=${k}]`, v); };

  // A taken extension, as typed.
  const roomy = await open(b, `${site.url}/`);
  await roomy.page.waitForSelector('form');
  await fill(roomy.page, { extension: '11' });
  const taken = await roomy.page.waitForSelector('[data-field=extension]').then((e) => e.textContent());
  assert.match(taken, /^Extension 11 is already used by Agent 2\./);
  // A valid submit goes through.
  await fill(roomy.page, { name: g.name, email: g.email, mobile: g.mobile, extension: g.extension });
  await roomy.page.waitForSelector('[data-field=extension]', { state: 'detached' });
  await roomy.page.click('button[type=submit]');
  await roomy.page.waitForFunction(() => document.querySelector('#status')?.textContent === 'added +919800000007');

  // The plan limit: React Hook Form's form-level `errors.root`, no field's.
  const full = await open(b, `${site.url}/?plan=full`);
  await full.page.waitForSelector('form');
  await fill(full.page, { name: g.name, email: g.email, mobile: g.mobile, extension: g.extension });
  await full.page.click('button[type=submit]');
  const root = await full.page.waitForSelector('#form-error').then((e) => e.textContent());
  assert.match(root, /nano/i);
  assert.equal(await full.page.locator('[data-field]').count(), 0);
  assert.deepEqual([...roomy.problems, ...full.problems], []);

  // The dev server, as a developer first runs it: the `development` condition takes the
  // inline entry, which Vite's dependency pre-bundling keeps whole.
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const dev = await start(here, 'npx', ['vite', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { ready: /Local:/ });
  try {
    const page = await open(b, `http://127.0.0.1:${port}/`);
    await page.page.waitForSelector('form', { timeout: 60_000 });
    await fill(page.page, { extension: '11' });
    const devTaken = await page.page.waitForSelector('[data-field=extension]').then((e) => e.textContent());
    assert.match(devTaken, /^Extension 11 is already used by Agent 2\./);
    assert.deepEqual(page.problems, []);
  } finally {
    await dev.stop();
  }
  console.log(`vite-rhf: ok (tsc ${Math.round(tsc)} ms, build ${Math.round(ms)} ms, dev server too)`);
} finally {
  await b.close();
  await site.close();
}
