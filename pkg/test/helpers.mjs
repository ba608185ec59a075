// Shared by the package tests: the conformance cases and the native CLI to compare with.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const casesDir = process.env.ROSTER_CASES ?? path.join(root, '..', 'shared', 'cases');

/** Every case as [file name, parsed JSON], sorted by name. */
export function cases() {
  const files = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();
  if (files.length < 29) throw new Error(`expected the shared cases in ${casesDir}, found ${files.length}`);
  return files.map((f) => [f, JSON.parse(readFileSync(path.join(casesDir, f), 'utf8'))]);
}

/** The native `roster` binary built by `cargo build` (scripts/test builds it first). */
export const cli = process.env.ROSTER_CLI ?? path.join(root, 'target', 'debug', 'roster');

/** Runs `roster <args>` with `input` on stdin; returns { stdout (trimmed), status }. */
export function roster(args, input) {
  if (!existsSync(cli)) throw new Error(`no CLI at ${cli}: run cargo build first`);
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { stdout: r.stdout.trimEnd(), status: r.status };
}

/** The demo's sample account (www/sample-account.json), fresh each call. */
export const sample = () => JSON.parse(readFileSync(path.join(root, 'www/sample-account.json'), 'utf8'));

/** The codes of an Outcome's violations, in order. */
export const codes = (o) => o.violations.map((v) => v.code);

/** Debian's Chromium, driven by playwright-core, and the flags it runs with here. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// wasmCheck must stay last and browser-safe: browser.test.mjs serves it to the page.

/** What the wasm Engine answers for a case's request, as `roster check` would. */
export function wasmCheck(Engine, request, { apply = false } = {}) {
  let engine;
  try {
    engine = new Engine(request.account, request.policy);
  } catch (e) {
    if (e?.name !== 'RosterError') throw e;
    return { outcome: e.outcome, account: null };
  }
  try {
    if (request.externalEmails) engine.setExternalEmails(request.externalEmails);
    const outcome = apply ? engine.apply(request.op) : engine.check(request.op);
    return { outcome, account: engine.account() };
  } finally {
    engine.free();
  }
}
