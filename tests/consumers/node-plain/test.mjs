// Plain Node 20: `import` from an .mjs file and `require` from a .cjs file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const want = { taken: ['extension_taken'], ok: true, mobile: '+919800000007', week: 'Mo-Fr 09:00-18:00' };
for (const file of ['esm.mjs', 'cjs.cjs']) {
  const out = execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), want, file);
}
console.log('node-plain: ok (import and require)');
