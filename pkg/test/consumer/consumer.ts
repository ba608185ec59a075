// A TypeScript user of the package, compiled with `tsc --strict` by consumer.test.mjs
// and then run: every declared method is called, so a type that lies fails at runtime.
import init, { Engine, parseSchedule, capabilityNames, type Account, type Outcome, type Op, type Code, type RosterIssue, type Capability } from 'roster-rules';

await init();
const account: Account = {
  plan: 'swift',
  proSeats: 3,
  users: [{ id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active' }],
};
const engine = new Engine(account);
const op: Op = { type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', extension: '10' } };
const out: Outcome = engine.check(op);
const code: Code | undefined = out.violations[0]?.code;
if (code !== 'extension_taken') throw new Error(`expected extension_taken, got ${code}`);
const field: Outcome = engine.checkField('extension', '11', null);
if (!field.ok) throw new Error('11 should be free');
engine.setExternalEmails(['x@y.in']);
engine.setMessages({ extension_taken: { message: 'taken: {extension}' } });
if (engine.check(op).violations[0]?.message !== 'taken: 10') throw new Error('message table ignored');
engine.setMessages(null);
const applied = engine.apply({ ...op, user: { ...op.user, extension: '11' } } as Op);
if (!applied.ok || applied.user?.mobile !== '+919800000007') throw new Error('apply failed');
if (engine.account().users.length !== 2) throw new Error('account not updated');
if (!engine.can('u1', 'delete_users', 'u2')) throw new Error('owner may delete');
if (engine.capabilities('u1')?.manage_billing !== 'all') throw new Error('owner bills');
const result = engine.schema({ type: 'addUser', actor: 'u1' })['~standard'].validate({ extension: '10' });
if (result instanceof Promise || !result.issues) throw new Error('expected issues');
const issues: ReadonlyArray<RosterIssue> = result.issues;
if (!issues.some((i) => i.code === 'extension_taken' && i.path?.[0] === 'extension')) throw new Error('no extension issue');
const fi = engine.formIssues({ type: 'editUser', actor: 'u1', target: 'u2' }, { name: 'Gita N' });
if (fi !== null) throw new Error('edit should pass');
const caps: Capability[] = capabilityNames();
if (!caps.includes('manage_billing')) throw new Error('capability names');
const st = engine.check({ type: 'editableFields', actor: 'u1', target: 'u1' }).fields?.mobile;
if (!st || st.editable || st.reason !== 'mobile_immutable' || st.message.length === 0) throw new Error('field state');
const week = parseSchedule('Mon-Fri 9am-6pm').schedule?.weekly.length;
if (week !== 7) throw new Error('week');
engine.free();
console.log('ts ok');
