// Browsers through a bundler that emits assets (Vite, webpack 5, Next.js: the `production`
// export condition) and pages that import this file as it is: the small .wasm loads by
// URL, `new URL('../dist/roster_rules_bg.wasm', import.meta.url)`, which those bundlers
// copy into their output. Call `await init()` once before using the engine.
import * as glue from '../dist/roster_rules.js';
import { api } from './lifecycle.js';

const roster = api(glue, { url: () => new URL('../dist/roster_rules_bg.wasm', import.meta.url) });

export const { Engine, init, initSync, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages } = roster;
export { NOT_INITIALISED, ENGINE_FREED } from './lifecycle.js';
export default init;
