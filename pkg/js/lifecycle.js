// Decides when the engine may be called: only once the .wasm is loaded, and on an Engine
// only until it is freed. wasm-bindgen's glue would otherwise fail deep inside with
// "reading '__wbindgen_add_to_stack_pointer'" (not loaded) or "null pointer passed to
// rust" (freed), which says nothing about what to do. Every entry (browser.js, inline.js,
// node.mjs) builds its API from its own glue through `api(glue)`; no rule is decided here.
import { withSchema } from './schema.js';

/** `error.code` of the error thrown by a call before the .wasm is loaded. */
export const NOT_INITIALISED = 'ROSTER_NOT_INITIALISED';
/** `error.code` of the error thrown by a call on an Engine after `free()`. */
export const ENGINE_FREED = 'ROSTER_ENGINE_FREED';

function usageError(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

// The glue's own names, not methods a user calls: wasm-bindgen's pointer handling.
const INTERNAL = /^__|^constructor$|^free$/;

/**
 * The public API over one wasm-bindgen glue module: an `Engine` subclass whose every
 * method checks that it is live, the free functions guarded against an unloaded .wasm,
 * and `init` / `initSync` that record the load. An entry says where its .wasm is when
 * `init()` is called without one: `bytes()` (carried inline) or `url()` (fetched).
 */
export function api(glue, { bytes, url }) {
  let loaded = false;

  function loadedFor(what) {
    if (!loaded) {
      throw usageError(NOT_INITIALISED,
        `roster-rules is not initialised: call \`await init()\` (the package's default export) once before ${what}. ` +
        'In Node the package is ready at import; in a browser init() loads the .wasm.');
    }
  }

  // Engines whose wasm memory was given back: a WeakSet, so the check costs one lookup
  // and keeps nothing alive.
  const freed = new WeakSet();

  class Engine extends glue.Engine {
    constructor(account, policy, options) {
      loadedFor('`new Engine(…)`');
      // `options` only when given, so a glue that takes two arguments sees two.
      if (options === undefined) super(account, policy);
      else super(account, policy, options);
    }

    /** Frees the wasm memory now; a second call does nothing. */
    free() {
      if (freed.has(this)) return;
      freed.add(this);
      super.free();
    }
  }

  // Every method of the glue's class, guarded: a method the Rust edge adds later is
  // guarded too without a change here.
  for (const name of Object.getOwnPropertyNames(glue.Engine.prototype)) {
    const method = glue.Engine.prototype[name];
    if (INTERNAL.test(name) || typeof method !== 'function') continue;
    Object.defineProperty(Engine.prototype, name, {
      configurable: true,
      writable: true,
      value: {
        [name](...args) {
          if (freed.has(this)) {
            throw usageError(ENGINE_FREED,
              `This Engine was freed (engine.free() or \`using\`), so engine.${name}() cannot run: make a new Engine.`);
          }
          return method.apply(this, args);
        },
      }[name],
    });
  }
  if (typeof Symbol.dispose === 'symbol') {
    Object.defineProperty(Engine.prototype, Symbol.dispose, { configurable: true, writable: true, value: Engine.prototype.free });
  }
  withSchema(Engine);

  const guard = (name) => {
    const f = glue[name];
    return { [name](...args) { loadedFor(`${name}(…)`); return f(...args); } }[name];
  };

  // One load at a time: two init() calls in flight (React's strict mode runs effects
  // twice) share the first, so no second instance replaces the one engines were built on.
  let loading = null;

  /** Loads the .wasm once; later calls resolve at once (a failed load may be retried). */
  function init(input) {
    if (loaded) return Promise.resolve();
    loading ??= glue.default(input ?? { module_or_path: bytes ? bytes() : url() }).then(
      () => { loaded = true; },
      (error) => { loading = null; throw error; },
    );
    return loading;
  }

  /** Loads the .wasm synchronously from bytes or a compiled module. */
  function initSync(input) {
    if (loaded || loading) return;
    if (input === undefined && !bytes) {
      throw new Error('roster-rules: this entry fetches its .wasm, so initSync() needs it: initSync({ module: bytesOrModule }), or use `await init()`.');
    }
    glue.initSync(input ?? { module: bytes() });
    loaded = true;
  }

  return {
    Engine,
    init,
    initSync,
    parseSchedule: guard('parseSchedule'),
    capabilityNames: guard('capabilityNames'),
    roleNames: guard('roleNames'),
    permissionCodes: guard('permissionCodes'),
    englishMessages: guard('englishMessages'),
  };
}
