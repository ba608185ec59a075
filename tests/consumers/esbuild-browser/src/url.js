// Serving the .wasm yourself: the `roster-rules/url` entry, told where the file is (the
// test copies `roster-rules/roster_rules_bg.wasm` beside the bundle).
import * as roster from 'roster-rules/url';
import { scenario } from 'consumer-harness/scenario.js';

scenario(roster, { module_or_path: new URL('roster_rules_bg.wasm', location.href) }).then(
  (results) => { window.results = results; },
  (e) => { window.results = { error: String(e?.stack ?? e) }; },
);
