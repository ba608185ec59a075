// The package's entries (pkg/js/): which build each loads, that each exposes the whole
// API of its glue, and the errors a call gets before init() and after free().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as node from '../js/node.mjs';
import * as inline from '../js/inline.js';
import * as url from '../js/browser.js';
import * as smallGlue from '../dist/roster_rules.js';
import * as fastGlue from '../dist/node/roster_rules.js';
import smallText from '../dist/wasm-inline.js';
import fastText from '../dist/node/wasm-inline.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
await inline.init();
const account = { plan: 'nano', users: [] };
const API = ['ENGINE_FREED', 'Engine', 'NOT_INITIALISED', 'capabilityNames', 'default', 'init', 'initSync',
  'parseSchedule', 'permissionCodes', 'roleNames', 'englishMessages'].sort();

test('every entry exports the same API, and every function of its glue', () => {
  for (const entry of [node, inline, url]) assert.deepEqual(Object.keys(entry).sort(), API);
  for (const glue of [smallGlue, fastGlue]) {
    const fns = Object.keys(glue).filter((k) => typeof glue[k] === 'function' && k !== 'default');
    for (const name of fns) assert.ok(API.includes(name), `the glue exports ${name}, no entry does`);
    // Every method of the glue's Engine is reachable on the entry's Engine.
    for (const name of Object.getOwnPropertyNames(glue.Engine.prototype)) {
      if (!name.startsWith('__')) assert.equal(typeof node.Engine.prototype[name], 'function', name);
    }
  }
});

test('the inline browser entry carries exactly the .wasm file browsers fetch by URL', () => {
  assert.deepEqual(Buffer.from(smallText, 'base64'), readFileSync(new URL('../dist/roster_rules_bg.wasm', import.meta.url)));
});

test('Node loads the fast build, a different .wasm from the small one', () => {
  const fast = Buffer.from(fastText, 'base64');
  const small = Buffer.from(smallText, 'base64');
  assert.equal(fast.subarray(0, 4).toString('latin1'), '\0asm');
  assert.notDeepEqual(fast, small);
  // Both builds answer alike (parity.test.mjs runs every case through both).
  const op = { type: 'addUser', actor: '$system', user: { name: 'Asha Rao', email: 'asha@acme.in', mobile: '9800000001', extension: '10' } };
  assert.deepEqual(new node.Engine(account).check(op), new inline.Engine(account).check(op));
});

// A fresh process per case: the module state (loaded or not) is per process.
function run(code) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: pkg, encoding: 'utf8' });
  return { out: r.stdout.trim(), err: r.stderr, status: r.status };
}

test('a browser entry before init() throws an Error that says to call init()', () => {
  for (const entry of ['./js/inline.js', './js/browser.js']) {
    const r = run(`
      import { Engine, parseSchedule, NOT_INITIALISED } from '${entry}';
      const calls = [() => new Engine(${JSON.stringify(account)}), () => parseSchedule('24/7')];
      console.log(JSON.stringify(calls.map((f) => { try { f(); return null; } catch (e) { return [e.code === NOT_INITIALISED, e.message]; } })));
    `);
    assert.equal(r.status, 0, r.err);
    for (const [isCode, message] of JSON.parse(r.out)) {
      assert.ok(isCode, entry);
      assert.match(message, /^roster-rules is not initialised: call `await init\(\)`/);
    }
  }
});

test('init() and initSync() load the small build from the inline bytes; a second call does nothing', () => {
  const r = run(`
    import init, { Engine, initSync } from './js/inline.js';
    await init(); await init(); initSync();
    console.log(new Engine(${JSON.stringify(account)}).checkField('extension', '10').ok);
  `);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, 'true');
});

test('Node is ready at import; init() resolves at once', async () => {
  await node.init();
  assert.equal(node.parseSchedule('Mon-Fri 9am-6pm').schedule.canonical, 'Mo-Fr 09:00-18:00');
});

test('every call on a freed Engine throws an Error that says it was freed; free() twice is fine', () => {
  for (const { Engine, ENGINE_FREED } of [node, inline]) {
    const engine = new Engine(account);
    engine.free();
    engine.free();
    const calls = {
      check: () => engine.check({ type: 'audit' }),
      apply: () => engine.apply({ type: 'audit' }),
      checkField: () => engine.checkField('email', 'x'),
      account: () => engine.account(),
      can: () => engine.can('u1', 'add_users'),
      setMessages: () => engine.setMessages(null),
      formIssues: () => engine.formIssues({ type: 'addUser', actor: 'u1' }, {}),
      schema: () => engine.schema({ type: 'addUser', actor: 'u1' })['~standard'].validate({}),
    };
    for (const [name, call] of Object.entries(calls)) {
      assert.throws(call, (e) => e instanceof Error && e.code === ENGINE_FREED &&
        e.message.startsWith('This Engine was freed') && e.message.includes('make a new Engine'), name);
    }
    const disposed = new Engine(account);
    disposed[Symbol.dispose]();
    assert.throws(() => disposed.check({ type: 'audit' }), { code: ENGINE_FREED });
  }
});

test('RosterError still comes from the constructor, with its Outcome', () => {
  assert.throws(() => new node.Engine({ plan: 'nano' }), (e) => e.name === 'RosterError' && e.outcome.violations[0].code === 'bad_request');
});

test('two init() calls in flight load the .wasm once (React strict mode runs effects twice)', () => {
  const r = run(`
    import init, { Engine } from './js/inline.js';
    const [a, b] = [init(), init()];
    await Promise.all([a, b]);
    const e = new Engine(${JSON.stringify(account)});
    await init();
    console.log(a === b, e.checkField('extension', '10').ok);
  `);
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, 'true true');
});
