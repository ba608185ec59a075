// Node (ESM, and bundled by scripts/build-pkg into dist/node.cjs for `require`): the
// .wasm is read from beside the glue and compiled synchronously at import, so the
// engine is ready at once. `init()` exists only so code written for browsers runs.
import { readFileSync } from 'node:fs';
import { initSync, Engine, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages } from '../dist/roster_rules.js';
import { withSchema } from './schema.js';

initSync({ module: readFileSync(new URL('../dist/roster_rules_bg.wasm', import.meta.url)) });
withSchema(Engine);

/** Already initialised in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

export default init;
export { initSync, Engine, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages };
