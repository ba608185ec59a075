// Browsers and bundlers: an ES module whose .wasm loads by URL
// (`new URL('roster_rules_bg.wasm', import.meta.url)`, which Vite, webpack 5, Rollup
// and esbuild understand). Call `await init()` once before using the engine.
import init, { initSync, Engine, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages } from '../dist/roster_rules.js';
import { withSchema } from './schema.js';

withSchema(Engine);

export default init;
export { init, initSync, Engine, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages };
