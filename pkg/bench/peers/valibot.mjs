// valibot stand-ins for the add form's four formats: one schema per field and the four as
// one object schema (the peer of SPEC §7's "check of one addUser ÷ valibot on the 4 field
// formats"). Benchmark-only (see bench.mjs's header); also a size entry of its own.
import * as v from 'valibot';
import { EXTENSION, MOBILE, NAME, SEP } from './patterns.mjs';

const entries = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100), v.regex(NAME)),
  email: v.pipe(v.string(), v.maxLength(254), v.email()),
  mobile: v.pipe(v.string(), v.transform((s) => s.replace(SEP, '')), v.regex(MOBILE)),
  extension: v.pipe(v.string(), v.regex(EXTENSION)),
};
const formSchema = v.object(entries);

export const field = (name, value) => v.safeParse(entries[name], value);
export const form = (values) => v.safeParse(formSchema, values);
export const ok = (result) => result.success;
