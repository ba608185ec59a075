// esbuild for the browser, no plugin and no option about the .wasm: it resolves the
// package's `default` export condition, the inline entry, so there is no asset to copy.
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
console.log(`esbuild-browser: ok (build ${Math.round(ms)} ms)`);
