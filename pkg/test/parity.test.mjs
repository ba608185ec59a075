// Every shared case through the wasm Engine in Node: the Outcome must be byte for
// byte what the native CLI prints, for `check` and for `apply` (with the account after).
// Both builds of the package run every case: the fast one the `node` condition loads
// (js/node.mjs) and the small one browsers load (js/inline.js carries the same bytes as
// dist/roster_rules_bg.wasm; browser.test.mjs runs it by URL in Chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fast from '../js/node.mjs';
import * as small from '../js/inline.js';
import { cases, roster, sample, wasmCheck } from './helpers.mjs';

await small.init();

for (const [build, { Engine }] of [['fast', fast], ['small', small]]) {
  for (const [name, c] of cases()) {
    test(`${build} build, check parity: ${name}`, () => {
      const native = roster(['check', '--json'], JSON.stringify(c.request));
      const { outcome } = wasmCheck(Engine, c.request);
      assert.equal(JSON.stringify(outcome), native.stdout);
      assert.equal(outcome.ok, c.expect.ok, 'ok differs from the case');
      const want = c.expect.exit ?? (c.expect.ok ? 0 : 1);
      assert.equal(native.status, want, 'CLI exit code');
    });

    test(`${build} build, apply parity: ${name}`, () => {
      const native = roster(['apply', '--json'], JSON.stringify(c.request));
      const { outcome, account } = wasmCheck(Engine, c.request, { apply: true });
      const parsed = JSON.parse(native.stdout);
      assert.equal(JSON.stringify(outcome), JSON.stringify(parsed.outcome));
      assert.equal(native.stdout, `{"outcome":${JSON.stringify(outcome)},"account":${JSON.stringify(account)}}`);
    });
  }

  // The answers leave wasm as a tape of slices of one decoded text (src/wasm/tape.rs), whose
  // offsets count UTF-16 units: text beyond ASCII and beyond the BMP, before and after other
  // strings, must still come out as the CLI writes it.
  test(`${build} build, parity with text beyond ASCII and the BMP (names, messages, params, the account)`, () => {
    const account = sample();
    account.users[1].name = 'Zoë 😀 Ångström 𝔘';
    const held = account.users[1].extension;
    const ops = [
      { type: 'addUser', actor: 'u1', user: { name: 'Zoë Ångström-Núñez', email: 'zoe@acme.in', mobile: '98000 00099', extension: held } },
      { type: 'addUser', actor: 'u1', user: { name: 'Zoë Núñez', email: 'zoe@acme.in', mobile: '98000 00099', extension: '60' } },
      { type: 'addUser', actor: 'u1', user: { name: 'Zoë 😀 Rao', email: 'zoë@acme.in', mobile: '98000 00099', extension: '60', schedule: 'Mo-Fr 09:00-18:00 😀' } },
    ];
    for (const op of ops) {
      const request = { account, op };
      const native = roster(['apply', '--json'], JSON.stringify(request));
      const { outcome, account: after } = wasmCheck(Engine, request, { apply: true });
      assert.equal(native.stdout, `{"outcome":${JSON.stringify(outcome)},"account":${JSON.stringify(after)}}`);
    }
    const taken = new Engine(account).checkField('extension', held);
    assert.equal(taken.violations[0].params.heldByName, 'Zoë 😀 Ångström 𝔘');
    assert.match(taken.violations[0].message, /Zoë 😀 Ångström 𝔘\.$/);
  });
}
