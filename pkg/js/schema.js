// The hand-written form adapters: `engine.schema(form)`, a Standard Schema v1 object
// (https://standardschema.dev), and `engine.formValidator(form)`, the same issues in the
// `{ form, fields }` shape TanStack Form's form validators return. Neither holds a rule:
// the issues come from the engine's `formIssues`, which runs `check`.
//
// A rule-level issue (plan limit, permission) has no `path`. React Hook Form's
// standardSchemaResolver files a path-less issue under `errors.root`, its form-level
// error. TanStack Form files every Standard Schema issue by its path, so a path-less one
// lands on a field named "" (`{"": [issue]}`); its form-level error is the `form` of a
// validator function's `{ form, fields }`, which `formValidator` gives.

/** The TanStack Form field name of an issue path: `webLogin.allowedIps[1]`. */
function fieldName(path) {
  let name = '';
  for (const segment of path) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    name += typeof key === 'number' ? `[${key}]` : (name === '' ? '' : '.') + String(key);
  }
  return name;
}

/** Adds `schema(form)` and `formValidator(form)` to an `Engine` class. */
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
  Object.defineProperty(Engine.prototype, 'formValidator', {
    configurable: true,
    writable: true,
    value: function formValidator(form) {
      const engine = this;
      return ({ value }) => {
        const issues = engine.formIssues(form, value);
        if (issues === null) return undefined;
        const formLevel = [];
        const fields = {};
        for (const issue of issues) {
          if (!issue.path || issue.path.length === 0) formLevel.push(issue);
          else (fields[fieldName(issue.path)] ??= []).push(issue);
        }
        return { form: formLevel.length > 0 ? formLevel : undefined, fields };
      };
    },
  });
  return Engine;
}
