// The declarations with no DOM and no Node lib (`lib: ["es2022"]`, `types: []`), as in
// a worker, an edge function or a library that targets every host; ESM.
import init, { Engine, initSync, parseSchedule, NOT_INITIALISED, ENGINE_FREED,
  type Account, type FieldName, type Outcome, type RosterUsageError, type WasmSource } from 'roster-rules';

const account: Account = { plan: 'nano', users: [] };
const engine = new Engine(account, null, { ignoreUnknownKeys: true });
const outcomes: Outcome[] = [
  engine.checkField('extension', '10'),
  engine.checkField('webLogin.loginId', 'gita.nair'),
  engine.checkField('webLogin.allowedIps', ['10.0.0.0/8']),
  engine.checkField('pro', true),
  engine.checkField('departments', null),
  parseSchedule('24/7'),
];
// @ts-expect-error not a field of the form
engine.checkField('lastLogin', 'x');
// @ts-expect-error not a webLogin field
engine.checkField('webLogin.lastLogin', 'x');
// @ts-expect-error pro is a boolean
engine.checkField('pro', 'yes');
// @ts-expect-error webLogin has no lastLogin
const stored: Account = { plan: 'nano', users: [{ id: 'u1', name: 'A', email: 'a@b.in', mobile: '+919800000001', extension: '10', webLogin: { loginId: 'asha.rao', lastLogin: null } }] };
const fields: FieldName[] = ['name', 'email', 'webLogin.password'];
const bytes: WasmSource = new Uint8Array(0);
const codes: RosterUsageError['code'][] = [NOT_INITIALISED, ENGINE_FREED];
const loading: Promise<void> = init({ module_or_path: bytes });
initSync();
export { outcomes, stored, fields, codes, loading };
