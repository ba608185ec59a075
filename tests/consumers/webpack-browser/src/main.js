// The page's script: the package as this bundler resolves it for a browser, then the
// shared scenario (tests/consumers/harness/scenario.js).
import * as roster from 'roster-rules';
import { scenario } from 'consumer-harness/scenario.js';

scenario(roster).then(
  (results) => { window.results = results; },
  (e) => { window.results = { error: String(e?.stack ?? e) }; },
);
