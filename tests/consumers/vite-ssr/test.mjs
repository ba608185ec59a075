// Vite SSR with `ssr.noExternal: ['roster-rules']`: the server build resolves the `node`
// condition (the fast build, its bytes inline) and runs without reading any file beside it.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sh } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ms = sh(here, 'npm', ['run', '--silent', 'build']);
assert.deepEqual(readdirSync(new URL('dist', import.meta.url)).filter((f) => f.endsWith('.wasm')), []);
const { render } = await import(pathToFileURL(`${here}dist/entry-server.js`).href);
assert.match(render('11'), /<p data-ok="false">Not yet:<\/p><ul><li data-code="extension_taken">Extension 11 is already used by Agent 2\./);
assert.match(render('13'), /<p data-ok="true">Ready to add\.<\/p><ul><\/ul>/);
console.log(`vite-ssr: ok (build ${Math.round(ms)} ms)`);
