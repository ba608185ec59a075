// esbuild for the browser, no plugin and no option about the .wasm: it resolves the
// package's `default` export condition, the inline entry, so there is no asset to copy.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sh, serve, checkScenario } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ms = sh(here, 'npm', ['run', '--silent', 'build']);
const site = await serve(here);
try {
  await checkScenario(`${site.url}/index.html`, { fetched: false });
  // Serving the file yourself: `roster-rules/url` and init({ module_or_path }).
  sh(here, 'npm', ['run', '--silent', 'build:url']);
  copyFileSync(createRequire(import.meta.url).resolve('roster-rules/roster_rules_bg.wasm'), `${here}roster_rules_bg.wasm`);
  await checkScenario(`${site.url}/url.html`, { fetched: true });
} finally {
  await site.close();
}
console.log(`esbuild-browser: ok (build ${Math.round(ms)} ms)`);
