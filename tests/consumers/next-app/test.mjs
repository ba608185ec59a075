// Next.js 16 App Router, production build (Turbopack, the default, and `--webpack`) and `next start`:
// a server component, a route handler and a client component, with no config about the
// package. The client component is driven in Chromium.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sh, start, browser, open, deadline } from 'consumer-harness/node.mjs';
import { gita } from 'consumer-harness/accounts.js';

deadline('next-app', 8);
const here = fileURLToPath(new URL('.', import.meta.url));
const env = { NEXT_TELEMETRY_DISABLED: '1' };
/** Builds with `bundler` (Turbopack, Next 16's default, or webpack), starts, and checks. */
async function check(bundler) {
  const ms = sh(here, 'npx', ['next', 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])], env);

  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const server = await start(here, 'npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], { ready: /Ready in|started server/i, env });
  const base = `http://127.0.0.1:${port}`;
  const b = await browser();
  try {
    // The server component.
    const html = await (await fetch(base)).text();
    assert.match(html, /data-code="extension_taken">Extension 11 is already used by Agent 2\./);

    // The route handler.
    const post = (user) => fetch(`${base}/api/ops`, { method: 'POST', body: JSON.stringify({ type: 'addUser', actor: 'u1', user }) });
    const taken = await post({ ...gita(), extension: '11' });
    assert.equal(taken.status, 422);
    assert.equal((await taken.json()).violations[0].code, 'extension_taken');

    // The client component: a taken extension as typed, then a valid submit.
    const { page, problems } = await open(b, `${base}/form`);
    await page.waitForSelector('form[data-ready=true]');
    const g = gita();
    await page.fill('input[name=extension]', '11');
    await page.waitForSelector('[data-field=extension][data-code=extension_taken]');
    for (const field of ['name', 'email', 'mobile', 'extension']) await page.fill(`input[name=${field}]`, g[field]);
    await page.waitForSelector('[data-field=extension]', { state: 'detached' });
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'added +919800000007');

    // The plan limit: a form-level error, not a field's.
    const full = await open(b, `${base}/form?plan=full`);
    await full.page.waitForSelector('form[data-ready=true]');
    for (const field of ['name', 'email', 'mobile', 'extension']) await full.page.fill(`input[name=${field}]`, g[field]);
    await full.page.click('button[type=submit]');
    const formError = await full.page.waitForSelector('#form-error').then((e) => e.textContent());
    assert.match(formError, /nano/i);
    assert.deepEqual([...problems, ...full.problems], []);

    // Which loader the browser used: a .wasm file emitted by the build, or the inline bytes.
    const emitted = readdirSync(new URL('.next/static', import.meta.url), { recursive: true }).filter((f) => String(f).endsWith('.wasm')).length;
    // The client build took the `production` entry, whose .wasm the bundler emits.
    assert.ok(emitted >= 1, 'no .wasm emitted in .next/static');
    console.log(`next-app, ${bundler}: ok (build ${Math.round(ms)} ms; .wasm files in .next/static: ${emitted})`);
  } finally {
    await b.close();
    await server.stop();
  }
}

await check('turbopack');
await check('webpack');
