// TanStack Form with the engine under strict TypeScript: `tsc --noEmit --strict` over the
// form's own value type, then the same code bundled by esbuild and run in Node.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sh } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = sh(here, 'npm', ['run', '--silent', 'typecheck']);
sh(here, 'npm', ['run', '--silent', 'build']);
const results = JSON.parse(execFileSync(process.execPath, ['dist/form.mjs'], { cwd: here, encoding: 'utf8' }));
assert.deepEqual(results, {
  taken: ['extension_taken'],
  takenFormError: null,
  submitted: ['13'],
  limit: ['plan_user_limit'],
  fieldsWithErrors: [],
  schemaTaken: ['extension_taken'],
  // With schema(), TanStack Form keys a path-less issue by the field name "" (why
  // formValidator exists).
  schemaLimitUnderEmptyName: true,
});
console.log(`tanstack-form: ok (tsc ${Math.round(tsc)} ms)`);
