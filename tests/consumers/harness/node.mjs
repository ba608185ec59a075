// Node-side helpers of the consumer tests: run a command, serve a folder, drive Chromium.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { expected } from './scenario.js';

/**
 * Fails the consumer if it has not finished after `minutes` (a hung page or server must
 * not hold CI): the timer is unref'd, so a consumer that finishes exits at once.
 */
export function deadline(name, minutes) {
  setTimeout(() => {
    console.error(`${name}: not finished after ${minutes} minutes`);
    process.exit(1);
  }, minutes * 60_000).unref();
}

/** Runs a command in `cwd`, output shown, and returns how long it took in ms. */
export function sh(cwd, cmd, args, env = {}) {
  const started = performance.now();
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  return performance.now() - started;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** A static server for a built site on a free port; a missing file is a 404. */
export async function serve(root) {
  const server = createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// An ANSI escape sequence (colours, bold): tools colour their output when `CI` is set.
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Starts a server process in its own process group and resolves once `ready` matches
 * its output (or rejects after `within` seconds with that output); `stop()` ends the whole
 * group (`npx next start` runs next-server as a child).
 */
export function start(cwd, cmd, args, { ready, env = {}, within = 90 }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // However this test ends (a failed assert, the deadline), the server's group goes with it:
  // a dev server left behind holds Vite's project lock for the next run.
  process.once('exit', () => { try { process.kill(-child.pid, 'SIGTERM'); } catch {} });
  let output = '';
  return new Promise((resolve, reject) => {
    // A server that never says it is ready fails with what it printed, not at the deadline.
    const late = setTimeout(() => {
      process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`${cmd} printed nothing matching ${ready} in ${within} s:\n${output}`));
    }, within * 1000);
    const look = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
      // Colour codes out before matching: under `CI=…` Vite colours `Local` on its own.
      const m = output.replace(ANSI, '').match(ready);
      if (m) {
        clearTimeout(late);
        resolve({
          match: m,
          stop: () => new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', r);
            process.kill(-child.pid, 'SIGTERM');
          }),
        });
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(late);
      reject(new Error(`${cmd} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Debian's Chromium, driven by playwright-core. */
export function browser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens `url`, records page errors and failed requests, and returns the page with them.
 * A consumer test asserts that both lists stay empty.
 */
export async function open(b, url) {
  const page = await b.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  return { page, problems };
}

/** Runs a page whose script sets `window.results` from `scenario`, and checks them. */
export async function checkScenario(url, { fetched }) {
  const b = await browser();
  try {
    const { page, problems } = await open(b, url);
    const results = await page.waitForFunction(() => window.results, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    assert.equal(results.error, undefined, results.error);
    const want = expected({ fetched });
    assert.equal(results.beforeInit.code, want.beforeInit, JSON.stringify(results.beforeInit));
    assert.match(results.beforeInit.message, /call `await init\(\)`/);
    assert.deepEqual(results.taken, want.taken);
    assert.deepEqual(results.limit, want.limit);
    assert.deepEqual(results.added, want.added);
    assert.equal(results.wasmFetched.length > 0, fetched, `wasm fetched: ${JSON.stringify(results.wasmFetched)}`);
    assert.deepEqual(problems, []);
    return results;
  } finally {
    await b.close();
  }
}
