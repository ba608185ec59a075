// The one piece of hand-written JavaScript API: `engine.schema(form)` returns a
// Standard Schema v1 object (https://standardschema.dev) for form libraries. It holds
// no rule: the issues come from the engine's `formIssues`, which runs `check`.

/** Adds `schema(form)` to the wasm-bindgen `Engine` class. */
export function withSchema(Engine) {
  Object.defineProperty(Engine.prototype, 'schema', {
    configurable: true,
    writable: true,
    value: function schema(form) {
      const engine = this;
      return {
        '~standard': {
          version: 1,
          vendor: 'roster-rules',
          validate(value) {
            const issues = engine.formIssues(form, value);
            return issues === null ? { value } : { issues };
          },
        },
      };
    },
  });
  return Engine;
}
