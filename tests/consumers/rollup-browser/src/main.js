// The page's script. Rollup resolves packages as Vite does (node-resolve adds the
// `production` condition, which picks the entry that loads the .wasm by URL), but unlike
// Vite it does not emit `new URL(…, import.meta.url)` assets. The one line pkg/README.md
// gives for Rollup: import the inline entry, which carries the .wasm in the bundle.
import * as roster from 'roster-rules/inline';
import { scenario } from 'consumer-harness/scenario.js';

scenario(roster).then(
  (results) => { window.results = results; },
  (e) => { window.results = { error: String(e?.stack ?? e) }; },
);
