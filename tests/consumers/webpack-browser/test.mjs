// webpack 5 production build: the `production` condition picks the URL entry and webpack
// emits the .wasm as an asset, which the page fetches.
import { fileURLToPath } from 'node:url';
import { sh, serve, checkScenario } from 'consumer-harness/node.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ms = sh(here, 'npm', ['run', '--silent', 'build']);
const site = await serve(here);
try {
  await checkScenario(`${site.url}/index.html`, { fetched: true });
} finally {
  await site.close();
}
console.log(`webpack-browser: ok (build ${Math.round(ms)} ms)`);
