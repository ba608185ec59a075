'use client';
// A client component: the engine in the browser checks each field as typed and the
// whole form before submit; the route handler applies it on the server.
import { useEffect, useState } from 'react';
import init, { Engine } from 'roster-rules';

const FIELDS = ['name', 'email', 'mobile', 'extension'];

export default function AddForm({ account }) {
  const [engine, setEngine] = useState(null);
  const [values, setValues] = useState({ name: '', email: '', mobile: '', extension: '', departments: ['sales'] });
  const [fieldErrors, setFieldErrors] = useState({});
  const [formError, setFormError] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    let made;
    init().then(() => setEngine((made = new Engine(account))));
    return () => made?.free();
  }, [account]);

  function change(field, value) {
    setValues((v) => ({ ...v, [field]: value }));
    const v = engine.checkField(field, value).violations[0];
    setFieldErrors((e) => ({ ...e, [field]: v ? { code: v.code, message: v.message } : undefined }));
  }

  async function submit(event) {
    event.preventDefault();
    const result = engine.schema({ type: 'addUser', actor: 'u1' })['~standard'].validate(values);
    if (result.issues) {
      const rule = result.issues.find((i) => !i.path);
      setFormError(rule ? rule.message : '');
      return;
    }
    const response = await fetch('/api/ops', { method: 'POST', body: JSON.stringify({ type: 'addUser', actor: 'u1', user: values }) });
    const outcome = await response.json();
    setStatus(outcome.ok ? `added ${outcome.user.mobile}` : outcome.violations[0].code);
  }

  if (!engine) return <p>Loading…</p>;
  return (
    <form onSubmit={submit} data-ready="true">
      {FIELDS.map((field) => (
        <label key={field}>
          {field}
          <input name={field} value={values[field]} onChange={(e) => change(field, e.target.value)} />
          {fieldErrors[field] && <span role="alert" data-field={field} data-code={fieldErrors[field].code}>{fieldErrors[field].message}</span>}
        </label>
      ))}
      {formError && <p role="alert" id="form-error">{formError}</p>}
      <button type="submit">Add user</button>
      <output id="status">{status}</output>
    </form>
  );
}
