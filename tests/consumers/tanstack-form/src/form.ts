// TanStack Form (form-core 1.33, what @tanstack/react-form runs) with the engine, typed
// with the form's own value type under `tsc --strict`, then run in Node: fields changed as
// a user types, the plan limit as the form's own error, a valid submit.
import { FormApi, FieldApi } from '@tanstack/form-core';
import { Engine, type Form, type RosterIssue } from 'roster-rules';
import { roomy, full, gita } from 'consumer-harness/accounts.js';

interface Values {
  name: string;
  email: string;
  mobile: string;
  extension: string;
  departments: string[];
}

const addForm: Form = { type: 'addUser', actor: 'u1' };
const empty: Values = { name: '', email: '', mobile: '', extension: '', departments: ['sales'] };

/** A form validated on change by `engine.formValidator`, as TanStack Form's form validators expect. */
function makeForm(engine: Engine, submitted: Values[]) {
  const form = new FormApi({
    defaultValues: empty,
    validators: { onChange: engine.formValidator<Values>(addForm) },
    onSubmit: ({ value }) => {
      const name: string = value.name; // typed as the form's own values
      submitted.push({ ...value, name });
    },
  });
  // The fields, mounted as a UI would mount them.
  form.mount();
  const fields = {
    name: new FieldApi({ form, name: 'name' }),
    email: new FieldApi({ form, name: 'email' }),
    mobile: new FieldApi({ form, name: 'mobile' }),
    extension: new FieldApi({ form, name: 'extension' }),
  };
  for (const f of Object.values(fields)) f.mount();
  return { form, fields };
}

/** The same form validated by the Standard Schema `engine.schema`. */
function makeSchemaForm(engine: Engine) {
  const form = new FormApi({
    defaultValues: empty,
    validators: { onChange: engine.schema<Values>(addForm) },
    onSubmit: ({ value }) => {
      const extension: string = value.extension;
      void extension;
    },
  });
  form.mount();
  const extension = new FieldApi({ form, name: 'extension' });
  extension.mount();
  return { form, fields: { extension } };
}

const codes = (errors: unknown[]) => errors.flat().map((e) => (e as RosterIssue).code);

export async function run() {
  const results: Record<string, unknown> = {};
  const submitted: Values[] = [];

  // A taken extension, as typed: the field's error.
  const roomyForm = makeForm(new Engine(roomy()), submitted);
  roomyForm.fields.extension.handleChange('11');
  results.taken = codes(roomyForm.fields.extension.state.meta.errors);
  results.takenFormError = roomyForm.form.state.errorMap.onChange ?? null;

  // A valid submit goes through.
  const g = gita();
  for (const k of ['name', 'email', 'mobile', 'extension'] as const) roomyForm.fields[k].handleChange(g[k]);
  await roomyForm.form.handleSubmit();
  results.submitted = submitted.map((v) => v.extension);

  // The plan limit: the form's own error, no field's.
  const fullForm = makeForm(new Engine(full()), []);
  for (const k of ['name', 'email', 'mobile', 'extension'] as const) fullForm.fields[k].handleChange(g[k]);
  results.limit = codes([fullForm.form.state.errorMap.onChange ?? []]);
  results.fieldsWithErrors = Object.entries(fullForm.form.state.fieldMeta)
    .filter(([, m]) => m && m.errors.length > 0).map(([name]) => name);

  // `schema()` works too for field errors (TanStack files a path-less issue under "").
  const viaSchema = makeSchemaForm(new Engine(roomy()));
  viaSchema.fields.extension.handleChange('11');
  results.schemaTaken = codes(viaSchema.fields.extension.state.meta.errors);
  const schemaFull = makeSchemaForm(new Engine(full()));
  schemaFull.fields.extension.handleChange(g.extension);
  results.schemaLimitUnderEmptyName = Object.keys((schemaFull.form.state.errorMap.onChange ?? {}) as object).includes('');
  return results;
}

console.log(JSON.stringify(await run()));
