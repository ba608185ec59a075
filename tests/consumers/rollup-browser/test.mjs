// Rollup with node-resolve for the browser: src/main.js imports `roster-rules/inline`
// (the one line pkg/README.md gives for Rollup), so there is no asset to copy.
import { fileURLToPath } from 'node:url';
import { sh, serve, checkScenario } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ms = sh(here, 'npm', ['run', '--silent', 'build']);
const site = await serve(here);
try {
  await checkScenario(`${site.url}/index.html`, { fetched: false });
} finally {
  await site.close();
}
console.log(`rollup-browser: ok (build ${Math.round(ms)} ms)`);
