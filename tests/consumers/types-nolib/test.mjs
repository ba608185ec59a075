// TypeScript users with neither the DOM nor the Node lib: the declarations compile under
// `strict` with `lib: ["es2022"]`, `types: []`, from ESM and from CommonJS, and the
// `@ts-expect-error` lines prove the field names and value types are checked.
import { fileURLToPath } from 'node:url';
import { sh } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ms = sh(here, 'npm', ['run', '--silent', 'typecheck']);
console.log(`types-nolib: ok (tsc ${Math.round(ms)} ms)`);
