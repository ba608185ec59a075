// ajv (JSON Schema) stand-ins for the add form's four formats: one schema per field and
// the four as one object schema. Benchmark-only (see bench.mjs's header). Also an entry
// of its own, so scripts/bench can measure what a browser would download for it.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { MOBILE_SEPARATED_SRC, NAME_SRC } from './patterns.mjs';

const ajv = new Ajv({ allErrors: false });
addFormats(ajv, ['email']);

const properties = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: NAME_SRC },
  email: { type: 'string', maxLength: 254, format: 'email' },
  // Separators allowed between the digits, since JSON Schema cannot strip them first.
  mobile: { type: 'string', pattern: MOBILE_SEPARATED_SRC },
  extension: { type: 'string', pattern: '^[1-9]\\d*$' },
};

const fieldSchemas = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, ajv.compile(s)]));
const formSchema = ajv.compile({ type: 'object', properties, required: Object.keys(properties) });

export const field = (name, value) => fieldSchemas[name](value);
export const form = (values) => formSchema(values);
export const ok = (result) => result === true;
