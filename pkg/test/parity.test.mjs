// Every shared case through the wasm Engine in Node: the Outcome must be byte for
// byte what the native CLI prints, for `check` and for `apply` (with the account after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../js/node.mjs';
import { cases, roster, wasmCheck } from './helpers.mjs';

for (const [name, c] of cases()) {
  test(`check parity: ${name}`, () => {
    const native = roster(['check', '--json'], JSON.stringify(c.request));
    const { outcome } = wasmCheck(Engine, c.request);
    assert.equal(JSON.stringify(outcome), native.stdout);
    assert.equal(outcome.ok, c.expect.ok, 'ok differs from the case');
    const want = c.expect.exit ?? (c.expect.ok ? 0 : 1);
    assert.equal(native.status, want, 'CLI exit code');
  });

  test(`apply parity: ${name}`, () => {
    const native = roster(['apply', '--json'], JSON.stringify(c.request));
    const { outcome, account } = wasmCheck(Engine, c.request, { apply: true });
    const parsed = JSON.parse(native.stdout);
    assert.equal(JSON.stringify(outcome), JSON.stringify(parsed.outcome));
    assert.equal(native.stdout, `{"outcome":${JSON.stringify(outcome)},"account":${JSON.stringify(account)}}`);
  });
}
