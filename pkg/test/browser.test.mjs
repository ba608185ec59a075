// The web build in headless Chromium (Debian's, driven by playwright-core): a page
// imports js/browser.js, lets init() fetch the .wasm by URL, and runs every conformance case;
// each Outcome must equal the native CLI's byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root, cases, roster, CHROMIUM, CHROMIUM_ARGS } from './helpers.mjs';


const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm', '.json': 'application/json' };
let server;
let browser;

before(async () => {
  const byName = new Map(cases().map(([name, , file]) => [name, file]));
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file;
    if (url.pathname === '/cases/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify([...byName.keys()]));
    } else if (url.pathname.startsWith('/cases/')) {
      file = byName.get(decodeURIComponent(url.pathname.slice('/cases/'.length)));
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(readFileSync(file));
    } else if (url.pathname === '/pkg/test/helpers-browser.js') {
      // The one browser-safe helper, shared with the Node tests rather than copied.
      const src = readFileSync(path.join(root, 'pkg/test/helpers.mjs'), 'utf8');
      const fn = src.slice(src.indexOf('/** What the wasm Engine answers'));
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(fn);
    } else {
      file = path.join(root, path.normalize(url.pathname));
    }
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('every case in Chromium equals the CLI', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/pkg/test/browser/page.html`);
  const results = await page.waitForFunction(() => window.results, null, { timeout: 60_000 }).then((h) => h.jsonValue());
  assert.deepEqual(errors, []);
  assert.equal(results.error, undefined, results.error);
  const all = cases();
  assert.equal(Object.keys(results).length, all.length);
  for (const [name, c] of all) {
    assert.equal(results[name], roster(['check', '--json'], JSON.stringify(c.request)).stdout, name);
  }
});
