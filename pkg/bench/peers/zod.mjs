// zod stand-ins for the add form's four formats: one schema per field and the four as one
// object schema. Benchmark-only (see bench.mjs's header); also a size entry of its own.
import * as z from 'zod';
import { EXTENSION, MOBILE, NAME, SEP } from './patterns.mjs';

const shape = {
  name: z.string().trim().min(1).max(100).regex(NAME),
  email: z.string().max(254).pipe(z.email({ pattern: z.regexes.html5Email })),
  mobile: z.string().transform((s) => s.replace(SEP, '')).pipe(z.string().regex(MOBILE)),
  extension: z.string().regex(EXTENSION),
};
const formSchema = z.object(shape);

export const field = (name, value) => shape[name].safeParse(value);
export const form = (values) => formSchema.safeParse(values);
export const ok = (result) => result.success;
