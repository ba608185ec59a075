// Shared by the package tests: the conformance cases and the native CLI to compare with.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The repository's own conformance cases. */
export const ownCasesDir = path.join(root, 'tests', 'cases');
/** Extra cases, where they exist: $ROSTER_CASES, else ../shared/cases beside the repository. */
export const extraCasesDir = process.env.ROSTER_CASES ?? path.join(root, '..', 'shared', 'cases');

function readCases(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)]);
}

/**
 * Every case as [name, parsed JSON, file]: the repository's own (named by file), then each
 * extra case that is not the same as one of ours (named `extra/<file>`).
 */
export function cases() {
  const own = readCases(ownCasesDir);
  if (own.length < 29) throw new Error(`expected the repository's cases in ${ownCasesDir}, found ${own.length}`);
  const same = new Map(own.map(([f, text]) => [f, JSON.stringify(JSON.parse(text))]));
  const extra = readCases(extraCasesDir).filter(([f, text]) => same.get(f) !== JSON.stringify(JSON.parse(text)));
  return [...own, ...extra.map(([f, text, file]) => [`extra/${f}`, text, file])]
    .map(([name, text, file]) => [name, JSON.parse(text), file]);
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
