// The keystroke-to-rendered-error measurement (www/README.md, "Keystroke latency"), on the
// sample account and at 10,000 users. It prints numbers and writes latency.json beside the
// screenshots; nothing here is asserted on time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setup, open, shots, pct } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

test('measurement: keystroke to rendered error (printed, not asserted)', async () => {
  const results = {};
  // `typed` makes a clash (shown as typed); backspace takes it away again.
  for (const [label, query, typed] of [['sample', '', '14'], ['users10000', '?users=10000', '1005']]) {
    const { page, errors, close } = await open(env, { query });
    await page.getByTestId('add-open').click();
    const ext = page.locator('#add-extension');
    await ext.focus();
    let keys = 0;
    while (keys < 52) {
      for (const ch of typed) { await page.keyboard.press(ch); keys++; }
      for (let i = 0; i < typed.length; i++) { await page.keyboard.press('Backspace'); keys++; }
    }
    await page.keyboard.press(typed[0]);
    keys++;
    await page.waitForFunction((n) => window.latency.length >= n, keys);
    assert.equal(await page.getByTestId('add-extension-msg').getAttribute('data-invalid'), 'true'); // live since the clash showed
    const lat = await page.evaluate(() => window.latency);
    // The page's own share: the input handler alone (the whole-draft check, checkField when
    // that ended early, the DOM writes), on input events dispatched in the page.
    const handler = await page.evaluate(([a, b]) => {
      const f = document.querySelector('#add-extension');
      const ts = [];
      for (let i = 0; i < 200; i++) {
        f.value = i % 2 ? a : b;
        const t0 = performance.now();
        f.dispatchEvent(new Event('input', { bubbles: true }));
        ts.push(performance.now() - t0);
      }
      return ts;
    }, [typed, typed.slice(0, -1)]);
    const p = (xs) => ({ p50: +pct(xs, 50).toFixed(2), p95: +pct(xs, 95).toFixed(2) });
    results[label] = {
      keystrokes: lat.length,
      users: Number(await page.getByTestId('users-range').getAttribute('data-total')),
      engineBuildMs: Math.round(await page.evaluate(() => window.engineBuildMs)),
      renderedMs: p(lat.map((x) => x.sync)),
      nextFrameMs: p(lat.map((x) => x.frame)),
      handlerMs: p(handler),
    };
    assert.ok(lat.length >= 50);
    assert.deepEqual(errors, []);
    await close();
  }
  console.log('keystroke → rendered error (ms):', JSON.stringify(results, null, 2));
  writeFileSync(path.join(shots, 'latency.json'), JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2) + '\n');
});
