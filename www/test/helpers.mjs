// Shared by the page's end-to-end tests: the static server (or a fake API server), Debian's
// Chromium through playwright-core (www/package.json), axe-core, and the package in Node to
// compute what the engine says, so no test hard-codes the engine's wording.
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../scripts/serve.mjs';
import { Engine } from '../../pkg/js/node.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'www/package.json'));
const { chromium } = require('playwright-core');
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

export const shots = path.join(root, 'www/screenshots');
mkdirSync(shots, { recursive: true });
export const shot = (name) => path.join(shots, `${name}.png`);

/** The demo's sample account, fresh each call. */
export const sample = () => JSON.parse(readFileSync(path.join(root, 'www/sample-account.json'), 'utf8'));

/** The engine's Hindi table, when the package ships one (pkg/messages/hi.js). */
export async function hindiTable() {
  const file = path.join(root, 'pkg/messages/hi.js');
  if (!existsSync(file)) return null;
  return (await import(file)).default;
}

/** An engine in Node over `account` (default: the sample), optionally with a message table. */
export function engine(account = sample(), messages = null) {
  const e = new Engine(account);
  if (messages) e.setMessages(messages);
  return e;
}

/** The engine's message and hint of the first error `out` holds, as one line of text. */
export function said(out) {
  const v = out.violations.find((x) => x.severity === 'error') ?? out.violations[0];
  return [v.message, v.hint].filter(Boolean).join(' ');
}

/** Collapses whitespace (including the narrow no-break spaces of Intl) for comparisons. */
export const squash = (s) => s.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** Starts the static server (or `server` given) and Chromium; returns the handle and a stop(). */
export async function setup({ server = null } = {}) {
  const srv = server ?? await start(0, '127.0.0.1');
  const base = `http://127.0.0.1:${srv.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const stop = async () => {
    await browser.close();
    await new Promise((r) => srv.close(r));
  };
  return { base, browser, stop };
}

/**
 * Opens the page in a fresh context: `query` (`?users=10000`), `viewport`, `lang` (stored
 * as the remembered choice), `timezoneId`, `clock` (a fixed instant for Date).
 */
export async function open(env, { query = '', viewport = VIEWPORTS.laptop, lang = null, timezoneId, clock, ready = true } = {}) {
  const context = await env.browser.newContext({ viewport, timezoneId });
  if (lang) await context.addInitScript((l) => { if (!localStorage.getItem('roster.lang')) localStorage.setItem('roster.lang', l); }, lang);
  const page = await context.newPage();
  if (clock) await page.clock.setFixedTime(new Date(clock));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // An API's 404 / 401 / 422 is an answer the page handles, not an error of the page.
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource: the server responded/.test(m.text())) errors.push(m.text()); });
  await page.goto(`${env.base}/www/${query}`);
  if (ready) await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  const close = () => context.close();
  return { page, errors, close };
}

/** Waits until the status line says something (matching `re`, if given) and returns it. */
export async function statusText(page, re = /\S/) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#status').textContent), re.source);
  return page.getByTestId('status').textContent();
}

/** Opens the row menu of user `id` and waits for it. */
export async function openMenu(page, id) {
  await page.getByTestId(`menu-${id}`).click();
  const menu = page.getByTestId('row-menu');
  await menu.waitFor();
  return menu;
}

/** Opens the edit dialog of `id` through the row menu. */
export async function openEdit(page, id) {
  const menu = await openMenu(page, id);
  await menu.locator('[data-action=edit]').click();
  const dialog = page.getByTestId('edit-dialog');
  await dialog.waitFor();
  return dialog;
}

/** Chooses who is signed in (the header's chooser). */
export async function actAs(page, id) {
  await page.selectOption('#actor', id);
  await page.waitForFunction((x) => document.querySelector('#actor').value === x
    && document.querySelector(`[data-testid="user-row-${x}"] .you`) != null, id);
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The id of the focused element (or its data-testid / data-action). */
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.id || el?.dataset?.testid || el?.dataset?.action || el?.tagName;
});

export function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
