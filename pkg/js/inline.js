// Browsers through a bundler that emits no assets (esbuild, Rollup) and dev servers: the
// same small .wasm as browser.js, carried as base64 in dist/wasm-inline.js, so nothing
// has to be copied or served beside the bundle (about 30% more gzipped bytes than the
// .wasm file; the size report of scripts/build-pkg prints both). `await init()` once
// before using the engine, as with browser.js: it compiles the bytes asynchronously.
import * as glue from '../dist/roster_rules.js';
import wasm from '../dist/wasm-inline.js';
import { decodeBase64 } from './base64.js';
import { api } from './lifecycle.js';

const roster = api(glue, { bytes: () => decodeBase64(wasm) });

export const { Engine, init, initSync, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages } = roster;
export { NOT_INITIALISED, ENGINE_FREED } from './lifecycle.js';
export default init;
