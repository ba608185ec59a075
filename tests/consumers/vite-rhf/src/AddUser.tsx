// An add-user form with React Hook Form: the engine's Standard Schema is the resolver,
// typed with this form's own value type.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import type { Engine } from 'roster-rules';

interface Values {
  name: string;
  email: string;
  mobile: string;
  extension: string;
}

const FIELDS = ['name', 'email', 'mobile', 'extension'] as const;

export function AddUser({ engine, actor }: { engine: Engine; actor: string }) {
  const [added, setAdded] = useState('');
  const { register, handleSubmit, formState: { errors } } = useForm<Values>({
    mode: 'onChange',
    defaultValues: { name: '', email: '', mobile: '', extension: '' },
    resolver: standardSchemaResolver(engine.schema<Values>({ type: 'addUser', actor })),
  });
  const onSubmit = (values: Values) => {
    const outcome = engine.apply({ type: 'addUser', actor, user: { ...values, departments: ['sales'] } });
    setAdded(outcome.ok ? `added ${outcome.user?.mobile}` : outcome.violations[0]?.code ?? '');
  };
  return (
    <form onSubmit={handleSubmit(onSubmit)}>
      {FIELDS.map((field) => (
        <label key={field}>
          {field}
          <input {...register(field)} aria-invalid={errors[field] ? 'true' : 'false'} />
          {errors[field] && <span role="alert" data-field={field}>{errors[field].message}</span>}
        </label>
      ))}
      {errors.root && <p role="alert" id="form-error">{errors.root.message}</p>}
      <button type="submit">Add user</button>
      <output id="status">{added}</output>
    </form>
  );
}
