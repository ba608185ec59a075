// The demo page end to end in headless Chromium (Debian's, driven by playwright-core):
// scripts/serve.mjs on a free port, the page at /www/, every verdict from the web build.
//   node --test www/test/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'pkg/package.json'));
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const shots = path.join(root, 'www/screenshots');
mkdirSync(shots, { recursive: true });

let server;
let browser;
let base;

before(async () => {
  server = await start(0, '127.0.0.1');
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(query = '', viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/www/${query}`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  return { page, errors };
}

const userCount = (page) => page.locator('#users-body tr').count();

test('a taken extension shows the error and a suggestion that fixes it', async () => {
  const { page, errors } = await open();
  const ext = page.locator('#add-extension');
  await ext.pressSequentially('14');
  await assert.doesNotReject(page.waitForFunction(() => document.querySelector('#add-extension').getAttribute('aria-invalid') === 'true'));
  assert.equal(await ext.getAttribute('aria-describedby'), 'add-extension-msg');
  const msg = await page.locator('#add-extension-msg').textContent();
  assert.match(msg, /Extension 14 is already used by Esha Khan/);
  const suggest = page.getByTestId('add-extension-suggest');
  assert.equal(await suggest.textContent(), 'Use 16');
  await suggest.click();
  assert.equal(await ext.inputValue(), '16');
  assert.notEqual(await ext.getAttribute('aria-invalid'), 'true');
  assert.equal((await page.locator('#add-extension-msg').textContent()).trim(), '');

  // The rest of the form: submit enabled only once the engine says the draft is ok.
  assert.equal(await page.getByTestId('add-submit').isDisabled(), true);
  await page.locator('#add-name').fill('Gita Nair');
  await page.locator('#add-email').fill('gita@acme.in');
  await page.locator('#add-mobile').fill('98000 00007');
  await page.locator('#add-departments input[value=sales]').check();
  assert.equal(await page.getByTestId('add-submit').isDisabled(), false);
  const before = await userCount(page);
  await page.getByTestId('add-submit').click();
  assert.equal(await userCount(page), before + 1);
  assert.match(await page.locator('#users-body').textContent(), /Gita Nair/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the manager sees an admin's fields read-only, with the reason", async () => {
  const { page, errors } = await open();
  await page.selectOption('#actor', 'u3');
  await page.getByTestId('user-row-u2').click();
  const name = page.locator('#edit-name');
  assert.equal(await name.getAttribute('readonly'), '');
  const reason = page.getByTestId('edit-name-reason');
  assert.equal(await reason.getAttribute('data-reason'), 'not_permitted');
  assert.match(await reason.textContent(), /not permitted/i);
  assert.equal(await name.getAttribute('aria-describedby'), 'edit-name-reason');
  assert.equal(await page.getByTestId('edit-save').isDisabled(), true);
  // The manager's capability matrix and the add form come from the engine too.
  assert.match(await page.locator('#caps tr[data-cap=add_users]').textContent(), /own department agents/);
  assert.equal(await page.getByTestId('delete-u2').isDisabled(), true);

  // The owner on an agent: the mobile is immutable, and the replace plan is offered.
  await page.selectOption('#actor', 'u1');
  await page.getByTestId('user-row-u4').click();
  assert.equal(await page.getByTestId('edit-mobile-reason').getAttribute('data-reason'), 'mobile_immutable');
  assert.match(await page.getByTestId('edit-mobile-reason').textContent(), /cannot be changed/);
  await page.locator('#replace-mobile').fill('98000 00099');
  const steps = await page.locator('#replace-plan li').allTextContents();
  assert.ok(steps.length >= 3, steps.join('\n'));
  assert.match(steps.at(-1), /Deactivate Dev Patel/);
  // An editable field validates as you type against that user.
  await page.locator('#edit-extension').fill('14');
  assert.equal(await page.locator('#edit-extension').getAttribute('aria-invalid'), 'true');
  await page.getByTestId('edit-extension-suggest').click();
  assert.equal(await page.locator('#edit-extension').inputValue(), '16');
  assert.notEqual(await page.locator('#edit-extension').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('edit-save').isDisabled(), false);
  await page.getByTestId('edit-save').click();
  assert.match(await page.getByTestId('user-row-u4').textContent(), /agent.*16/);
  assert.match(await page.getByTestId('reachable').textContent(), /Can this user take a call now\?/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a friendly schedule shows its canonical form and the week picture', async () => {
  const { page, errors } = await open();
  await page.locator('#add-schedule').fill('Mon-Fri 9:30 am to 6 pm');
  const view = page.getByTestId('add-schedule-view');
  assert.equal(await view.getByTestId('canonical').textContent(), 'Mo-Fr 09:30-18:00');
  for (let d = 0; d < 5; d++) {
    assert.equal(await view.locator(`svg rect.open[data-day="${d}"]`).count(), 1, `day ${d}`);
  }
  assert.equal(await view.locator('svg rect.open[data-day="5"]').count(), 0);
  assert.equal(await view.locator('svg rect.open[data-day="6"]').count(), 0);
  // Overnight: the engine splits it; the picture draws two spans on consecutive days.
  await page.locator('#add-schedule').fill('Fri 22:00-02:00');
  assert.equal(await view.locator('svg rect.open[data-day="4"]').getAttribute('data-span'), '22:00-24:00');
  assert.equal(await view.locator('svg rect.open[data-day="5"]').getAttribute('data-span'), '00:00-02:00');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV with a bad row shows its error and applies nothing', async () => {
  const { page, errors } = await open();
  const before = await page.locator('#users-body').textContent();
  const csv = 'name,email,mobile,extension,role,pro,schedule,departments\n'
    + 'Hari Das,hari@acme.in,98000 00021,20,agent,false,Mon-Fri 9am-6pm,sales\n'
    + 'Indu Roy,not-an-email,98000 00022,21,agent,false,24/7,support;sales\n';
  await page.setInputFiles('#import-file', { name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const row = page.locator('#import-errors tbody tr[data-row="3"]');
  await row.first().waitFor();
  assert.match(await row.first().textContent(), /^3email.*not a valid email/);
  assert.equal(await page.locator('#import-errors tbody tr[data-row="2"]').count(), 0);
  assert.equal(await page.getByTestId('import-apply').isDisabled(), true);
  assert.equal(await page.locator('#users-body').textContent(), before);

  // The same file fixed: Apply all adds both rows.
  await page.setInputFiles('#import-file', { name: 'fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('not-an-email', 'indu@acme.in')) });
  await page.waitForFunction(() => !document.querySelector('#import-apply').disabled);
  const n = await userCount(page);
  await page.getByTestId('import-apply').click();
  assert.equal(await userCount(page), n + 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshots: laptop and phone', async () => {
  for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const { page, errors } = await open('', viewport);
    await page.locator('#add-extension').pressSequentially('14');
    await page.locator('#add-schedule').fill('Mon-Fri 9:30 am to 6 pm; Sat 10am-2pm');
    await page.selectOption('#actor', 'u3');
    await page.getByTestId('user-row-u2').click();
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await page.screenshot({ path: path.join(shots, `${name}-top.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

test('measurement: keystroke to rendered error (not an assertion on time)', async () => {
  const results = {};
  for (const [label, query, typed] of [['sample', '', '14'], ['users10000', '?users=10000', '1005']]) {
    const { page, errors } = await open(query);
    const ext = page.locator('#add-extension');
    await ext.focus();
    let keys = 0;
    while (keys < 52) {
      for (const ch of typed) { await page.keyboard.press(ch); keys++; }
      for (let i = 0; i < typed.length; i++) { await page.keyboard.press('Backspace'); keys++; }
    }
    await page.keyboard.press(typed[0]);
    await page.waitForFunction((n) => window.latency.length >= n, keys);
    const lat = await page.evaluate(() => window.latency);
    const sync = lat.map((x) => x.sync);
    const frame = lat.map((x) => x.frame);
    results[label] = {
      keystrokes: lat.length,
      users: await page.evaluate(() => window.engineBuildMs != null && document.querySelector('#account-summary').textContent),
      engineBuildMs: Math.round(await page.evaluate(() => window.engineBuildMs)),
      renderedMs: { p50: +pct(sync, 50).toFixed(2), p95: +pct(sync, 95).toFixed(2) },
      nextFrameMs: { p50: +pct(frame, 50).toFixed(2), p95: +pct(frame, 95).toFixed(2) },
    };
    assert.ok(lat.length >= 50);
    assert.deepEqual(errors, []);
    await page.close();
  }
  console.log('keystroke → rendered error (ms):', JSON.stringify(results, null, 2));
  writeFileSync(path.join(shots, 'latency.json'), JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2) + '\n');
});
