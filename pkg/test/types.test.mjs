// index.d.ts cannot drift from the engine. The TypeScript compiler reads the declared
// members of each interface; fixtures that set every declared field (checked against the
// declarations, so a new declared field needs a fixture value) go through the engine:
//   - a declared field the engine refuses is a `bad_request` here;
//   - an engine field that is not declared shows up in an answer (account(), Outcomes),
//     whose every key is looked up in the declared type of that place;
//   - where bad_request names the keys the engine expects, they equal the declared ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Engine } from '../js/node.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const file = fileURLToPath(new URL('../index.d.ts', import.meta.url));
const program = ts.createProgram([file], { strict: true, noEmit: true, lib: ['lib.es2022.d.ts'], types: [] });
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file));
const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));

/** The declared type of an exported interface or type alias. */
function declared(name) {
  const symbol = exported.get(name);
  assert.ok(symbol, `index.d.ts exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The object types a value of `type` may be: unions split, null and undefined dropped. */
function shapes(type) {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
}

const propType = (prop) => checker.getTypeOfSymbol(prop);
const arrayElement = (type) => (checker.isArrayType(type) || checker.isTupleType(type) ? checker.getTypeArguments(type)[0] : null);

/**
 * The keys of `value` that its declared `type` lacks, recursively, as JSON paths: an
 * engine field missing from index.d.ts.
 */
function undeclared(value, type, path) {
  if (value === null || typeof value !== 'object' || type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return [];
  const kinds = shapes(type);
  if (Array.isArray(value)) {
    const element = kinds.map(arrayElement).find(Boolean);
    if (!element) return [`${path} (an array where the type has none)`];
    return value.flatMap((v, i) => undeclared(v, element, `${path}[${i}]`));
  }
  const found = [];
  for (const [key, v] of Object.entries(value)) {
    // The first shape that declares the key (or has an index signature) types it.
    let next = null;
    for (const k of kinds) {
      const prop = checker.getPropertyOfType(k, key);
      if (prop) { next = propType(prop); break; }
      const index = checker.getIndexTypeOfType(k, ts.IndexKind.String);
      if (index) { next = index; break; }
    }
    if (!next) found.push(`${path}.${key}`);
    else found.push(...undeclared(v, next, `${path}.${key}`));
  }
  return found;
}

/**
 * The declared members that `value` leaves out, recursively (optional ones too): a
 * fixture that does not exercise every declared field. In a list the first element sets
 * every field; union shapes are matched by their `type` literal where they have one.
 */
function uncovered(value, type, path) {
  if (value === null || typeof value !== 'object') return [];
  let kinds = shapes(type);
  if (Array.isArray(value)) {
    const element = kinds.map(arrayElement).find(Boolean);
    if (value.length === 0) return [`${path} (empty: give one element)`];
    // A field is covered when any element sets it (a deactivated user's previousStatus).
    const each = value.map((v) => uncovered(v, element, `${path}[0]`));
    return each[0].filter((m) => each.every((list) => list.includes(m)));
  }
  kinds = kinds.filter((k) => checker.getPropertiesOfType(k).length > 0 || checker.getIndexTypeOfType(k, ts.IndexKind.String));
  if (kinds.length > 1 && 'type' in value) {
    kinds = kinds.filter((k) => {
      const t = checker.getPropertyOfType(k, 'type');
      return t && propType(t).value === value.type;
    });
  }
  if (kinds.length === 0) return [];
  const kind = kinds[0];
  const missing = [];
  for (const prop of checker.getPropertiesOfType(kind)) {
    if (!(prop.name in value)) missing.push(`${path}.${prop.name}`);
    else missing.push(...uncovered(value[prop.name], propType(prop), `${path}.${prop.name}`));
  }
  return missing;
}

// ------------------------------------------------------------------- the fixtures
// Every declared field set to a value the engine keeps as it is.

const CAPABILITIES = ['receive_calls', 'panel_login', 'view_own_calls', 'view_reports', 'add_users', 'edit_users',
  'deactivate_users', 'delete_users', 'manage_departments', 'manage_billing', 'reset_passwords'];
const grants = (reach) => Object.fromEntries(CAPABILITIES.map((c) => [c, reach]));

const policy = {
  plans: { pro: 50, unlimited: null },
  countDeactivated: false,
  extensionRange: { from: 10, to: 999 },
  reservedExtensions: ['99'],
  uniqueMobile: true,
  defaultCountry: 'IN',
  roles: { owner: grants('all'), admin: grants('all'), manager: grants('own_departments'), agent: grants('own_department_agents'), callOnly: grants('all') },
  password: { minLength: 10, maxLength: 40, requireLetter: true, requireDigit: true, forbidIdentity: true },
  loginIdMin: 5,
  maxImportRows: 100,
  deleteRequiresDeactivation: true,
};

const owner = {
  id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', altMobile: '+919800000011',
  extension: '10', role: 'owner', pro: true, status: 'active', schedule: 'Mo-Fr 09:00-18:00', timeZone: 'Asia/Kolkata',
  departments: ['sales'], webLogin: { loginId: 'asha.rao', allowedIps: ['203.0.113.0/24'], blocked: false },
  allowedCallerIds: ['+911140001234'], reportUsers: ['u2'],
};
const agent = { id: 'u2', name: 'Dev Patel', email: 'dev@acme.in', mobile: '+919800000002', extension: '11', role: 'agent', pro: false, status: 'deactivated', previousStatus: 'active', schedule: '24/7', departments: ['sales'] };

const account = {
  plan: 'pro', proSeats: 5, extensionRange: { from: 10, to: 500 }, timeZone: 'Asia/Kolkata',
  sso: { managedFields: ['name'] }, callerIds: ['+911140001234'],
  departments: [{ id: 'sales', name: 'Sales', routing: 'round_robin' }],
  users: [owner, agent],
  nextUserNumber: 7,
};

const draft = {
  id: 'u9', name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', altMobile: '98000 00017', extension: '12',
  role: 'agent', pro: true, schedule: 'Mon-Fri 9am-6pm', timeZone: 'Asia/Calcutta', departments: ['sales'],
  webLogin: { loginId: 'gita.nair', allowedIps: ['10.0.0.0/8'], blocked: false, password: 'Sunrise2024x' },
  allowedCallerIds: ['+911140001234'], reportUsers: ['u2'],
};
// An edit patch with the user's own id and mobile: declared, read, and no change.
const patch = { ...draft, id: 'u2', mobile: '+919800000002' };

const ops = [
  { type: 'addUser', actor: 'u1', user: draft },
  { type: 'editUser', actor: 'u1', target: 'u2', patch },
  { type: 'deactivateUser', actor: 'u1', target: 'u2' },
  { type: 'reactivateUser', actor: 'u1', target: 'u2' },
  { type: 'deleteUser', actor: 'u1', target: 'u2' },
  { type: 'replaceUser', actor: 'u1', target: 'u2', mobile: '+919811111111' },
  { type: 'passwordReset', fromEmail: 'asha@acme.in', target: 'u2' },
  { type: 'seatRequest', count: 2 },
  { type: 'reachable', target: 'u2', at: '2026-12-07T10:00:00+05:30' },
  { type: 'parseSchedule', text: 'Mon-Fri 9am-6pm' },
  { type: 'editableFields', actor: 'u1', target: 'u2' },
  { type: 'audit' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension,role,pro,schedule,departments\nRavi Kumar,ravi@acme.in,9800000008,14,agent,false,24/7,sales\n' },
];

const badRequests = (o) => o.violations.filter((v) => v.code === 'bad_request').map((v) => `${v.field}: ${v.message}`);

// ------------------------------------------------------------------- the tests

test('the fixtures set every declared field', () => {
  assert.deepEqual(uncovered(account, declared('Account'), 'account'), []);
  assert.deepEqual(uncovered(policy, declared('Policy'), 'policy'), []);
  assert.deepEqual(uncovered(draft, declared('UserDraft'), 'draft'), []);
  const opType = declared('Op');
  assert.deepEqual(ops.flatMap((op) => uncovered(op, opType, `op(${op.type})`)), []);
  // Every declared op variant has a fixture.
  const variants = shapes(opType).map((t) => propType(checker.getPropertyOfType(t, 'type')).value);
  assert.deepEqual(variants.sort(), ops.map((o) => o.type).sort());
});

test('every declared field of Account, User, WebLogin, Department and Policy is read, and comes back unchanged', () => {
  let engine;
  try {
    engine = new Engine(account, policy);
  } catch (e) {
    assert.fail(`the engine refuses a declared field: ${e.outcome ? badRequests(e.outcome) : e}`);
  }
  assert.deepEqual(engine.account(), account);
  assert.deepEqual(undeclared(engine.account(), declared('Account'), 'account'), []);
});

test('every declared op variant and every declared field of a draft, a patch and webLogin is read', () => {
  const engine = new Engine(account, policy);
  for (const op of ops) assert.deepEqual(badRequests(engine.check(op)), [], op.type);
  for (const [field, value] of Object.entries(draft)) {
    if (field === 'webLogin') {
      for (const [sub, v] of Object.entries(value)) assert.deepEqual(badRequests(engine.checkField(`webLogin.${sub}`, v)), [], sub);
    } else {
      assert.deepEqual(badRequests(engine.checkField(field, value)), [], field);
    }
  }
});

test('every key of every answer is declared (Outcome, Violation, Change, the user, plan, schedule, fields)', () => {
  const engine = new Engine(account, policy);
  const outcome = declared('Outcome');
  const answers = [
    ...ops.map((op) => engine.check(op)),
    engine.check({ type: 'addUser', actor: 'u1', user: { ...draft, extension: '11', email: 'dev@acme.in' } }),
    engine.check({ type: 'importUsers', actor: 'u1', csv: 'name,email\nx,y\n' }),
    engine.check({ type: 'audit' }),
    engine.checkField('extension', '10'),
    engine.apply({ type: 'editUser', actor: 'u1', target: 'u2', patch: { name: 'Dev P', pro: true } }),
    engine.apply({ type: 'deleteUser', actor: 'u1', target: 'u2' }),
  ];
  for (const a of answers) assert.deepEqual(undeclared(a, outcome, 'outcome'), []);
  assert.deepEqual(undeclared(engine.capabilities('u1'), declared('Grants'), 'capabilities'), []);
  const issues = engine.formIssues({ type: 'addUser', actor: 'u1' }, { extension: '10' });
  assert.deepEqual(undeclared(issues, checker.getTypeOfSymbol(checker.getPropertyOfType(declared('RosterFailure'), 'issues')), 'issues'), []);
});

// A bad_request names the key it did not expect and the keys it did (values stay
// withheld): they are exactly the declared ones.
test('the keys the engine expects are the declared ones, as bad_request names them', () => {
  const probes = [
    ['Account', () => new Engine({ ...account, zzz: 1 })],
    ['User', () => new Engine({ ...account, users: [{ ...agent, zzz: 1 }] })],
    ['WebLogin', () => new Engine({ ...account, users: [{ ...owner, webLogin: { loginId: 'asha.rao', zzz: 1 } }] })],
    ['Department', () => new Engine({ ...account, departments: [{ id: 's', name: 'S', routing: 'round_robin', zzz: 1 }] })],
    ['Policy', () => new Engine(account, { zzz: 1 })],
    ['UserDraft', () => new Engine(account).check({ type: 'addUser', actor: 'u1', user: { zzz: 1 } })],
  ];
  for (const [type, probe] of probes) {
    let outcome;
    try {
      outcome = probe();
    } catch (e) {
      outcome = e.outcome;
    }
    const v = outcome.violations[0];
    assert.match(v.field, /zzz$/, type);
    const detail = v.params.detail;
    assert.ok(detail.startsWith('zzz is not a key of '), detail);
    const expected = detail.slice(detail.indexOf('; the keys are ') + '; the keys are '.length).split(', ');
    const want = checker.getPropertiesOfType(declared(type)).map((p) => p.name).sort();
    assert.deepEqual(expected.sort(), want, type);
  }
});
