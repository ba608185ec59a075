// How a user meets the package: `npm pack`, install the tarball into an empty folder,
// `import` it from .mjs, `require` it from .cjs, and compile a TypeScript user with
// `tsc --strict` (ESM and CommonJS), then run what tsc wrote.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const tsc = path.join(pkg, 'node_modules', '.bin', 'tsc');
let dir;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roster-consumer-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: pkg, encoding: 'utf8' }).trim().split('\n').pop();
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`]);
});

test('the tarball holds the package and nothing else', () => {
  const files = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkg, encoding: 'utf8' });
  const names = JSON.parse(files)[0].files.map((f) => f.path).sort();
  assert.deepEqual(names, [
    'README.md', 'dist/index.d.cts', 'dist/node.cjs', 'dist/node/roster_rules.js', 'dist/node/wasm-inline.js',
    'dist/roster_rules.js', 'dist/roster_rules_bg.wasm', 'dist/wasm-inline.js',
    'index.d.ts', 'js/base64.js', 'js/browser.js', 'js/inline.js', 'js/lifecycle.js', 'js/node.mjs', 'js/schema.js',
    'messages/hi.js', 'package.json',
  ]);
  // One .wasm file: the small build, loaded by URL. The inline entries carry theirs as
  // base64 (entries.test.mjs holds dist/wasm-inline.js to the same bytes).
  assert.equal(names.filter((n) => n.endsWith('.wasm')).length, 1);
});

test('import from an .mjs file', () => {
  writeFileSync(path.join(dir, 'use.mjs'), `
    import { Engine, parseSchedule } from 'roster-rules';
    const e = new Engine({ plan: 'nano', users: [] });
    const o = e.check({ type: 'addUser', actor: '$system', user: { name: 'Asha Rao', email: 'asha@acme.in', mobile: '9800000001', extension: '10' } });
    console.log(JSON.stringify([o.ok, o.user.mobile, parseSchedule('24/7').schedule.canonical]));
  `);
  assert.equal(run('node', ['use.mjs']).trim(), '[true,"+919800000001","24/7"]');
});

test('require from a .cjs file', () => {
  writeFileSync(path.join(dir, 'use.cjs'), `
    const { Engine } = require('roster-rules');
    const e = new Engine({ plan: 'nano', users: [] });
    const o = e.check({ type: 'parseSchedule', text: 'Mon-Fri 9am-6pm' });
    console.log(o.schedule.canonical);
  `);
  assert.equal(run('node', ['use.cjs']).trim(), 'Mo-Fr 09:00-18:00');
});

test('TypeScript users compile with --strict and run', () => {
  cpSync(path.join(pkg, 'test', 'consumer'), path.join(dir, 'ts'), { recursive: true });
  const common = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
  writeFileSync(path.join(dir, 'ts', 'package.json'), JSON.stringify({ type: 'module' }));
  run(tsc, [...common, '--outDir', 'ts/out', 'ts/consumer.ts', 'ts/consumer.cts']);
  assert.deepEqual(readdirSync(path.join(dir, 'ts', 'out')).sort(), ['consumer.cjs', 'consumer.js']);
  assert.equal(run('node', ['ts/out/consumer.js']).trim(), 'ts ok');
  assert.equal(run('node', ['ts/out/consumer.cjs']).trim(), 'cts ok');
});
