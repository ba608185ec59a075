// Node, Deno, Bun and server bundles (the `node` export condition; dist/node.cjs is this
// file bundled for `require`): the fast .wasm, carried as base64 in dist/node/wasm-inline.js
// and compiled synchronously at import, so the engine is ready at once and no file is
// read at run time (a bundled server has no dist/ folder beside it). `init()` exists only
// so code written for browsers runs.
import * as glue from '../dist/node/roster_rules.js';
import wasm from '../dist/node/wasm-inline.js';
import { decodeBase64 } from './base64.js';
import { api } from './lifecycle.js';

const roster = api(glue, { bytes: () => decodeBase64(wasm) });
roster.initSync();

export const { Engine, init, initSync, parseSchedule, capabilityNames, roleNames, permissionCodes, englishMessages } = roster;
export { NOT_INITIALISED, ENGINE_FREED } from './lifecycle.js';
export default init;
