// Hostile input through the npm package (RULES §8): 10 MB strings, a 100,000-row CSV,
// deeply nested values, lone surrogates (what invalid UTF-8 is to a JS string), NUL,
// bidi and zero-width characters, numbers where strings go and the other way round.
// Checks answer with a violation or a `bad_request`; only the constructor and the
// setters throw, and only a RosterError; a password never appears in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, parseSchedule } from '../js/node.mjs';
import { sample, codes } from './helpers.mjs';

const errors = (o) => o.violations.filter((v) => v.severity === 'error').map((v) => [v.code, v.field ?? null]);
const MB10 = 10 * 1024 * 1024;
const huge = '7'.repeat(MB10);
const PASSWORD = 'Tr0ub4dor-kesTrel9';

const gita = () => ({
  name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', extension: '16', departments: ['sales'],
  webLogin: { loginId: 'gita.nair', password: PASSWORD },
});
// Only the host chooses ids: a user with one is added by `$system`.
const add = (user) => ({ type: 'addUser', actor: 'id' in user ? '$system' : 'u2', user });

/** Asserts `password` is nowhere in `value` as JSON (or in a thrown error's message). */
function noPassword(value, password = PASSWORD) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  assert.ok(!text.includes(password), `password echoed: ${text.slice(0, 500)}`);
}

/** `check` and `apply` on a fresh engine: the same Outcome, nothing thrown. */
function run(op, account = sample()) {
  const engine = new Engine(account);
  try {
    const checked = engine.check(op);
    const applied = engine.apply(op);
    assert.deepEqual(applied, checked, 'check and apply disagree');
    noPassword(checked);
    noPassword(engine.account());
    return { outcome: checked, account: engine.account() };
  } finally {
    engine.free();
  }
}

/** Runs `fn`, which must throw a RosterError whose outcome is a `bad_request` at `path`. */
function throwsAt(fn, path) {
  assert.throws(fn, (e) => {
    assert.equal(e.name, 'RosterError', String(e));
    assert.deepEqual(errors(e.outcome), [['bad_request', path || null]]);
    assert.equal(e.outcome.violations[0].params.path, path);
    noPassword(e.outcome);
    noPassword(e.message);
    return true;
  });
}

test('a 10 MB string in each field of an add is that field\'s violation', () => {
  const cases = [
    ['id', huge, 'value_invalid', 'id'],
    ['name', huge, 'name_invalid', 'name'],
    ['email', huge, 'email_invalid', 'email'],
    ['mobile', huge, 'mobile_invalid', 'mobile'],
    ['altMobile', huge, 'mobile_invalid', 'altMobile'],
    ['extension', huge, 'extension_invalid', 'extension'],
    ['role', huge, 'role_unknown', 'role'],
    ['schedule', huge, 'schedule_invalid', 'schedule'],
    ['timeZone', huge, 'time_zone_invalid', 'timeZone'],
    ['departments', ['sales', huge], 'department_unknown', 'departments[1]'],
    ['webLogin', { loginId: huge, password: PASSWORD }, 'login_id_invalid', 'webLogin.loginId'],
    ['webLogin', { loginId: 'gita.nair', allowedIps: [huge], password: PASSWORD }, 'ip_invalid', 'webLogin.allowedIps[0]'],
    ['webLogin', { loginId: 'gita.nair', password: huge }, 'password_weak', 'webLogin.password'],
    ['allowedCallerIds', [huge], 'caller_id_unknown', 'allowedCallerIds[0]'],
    ['reportUsers', [huge], 'user_unknown', 'reportUsers[0]'],
  ];
  for (const [key, value, code, field] of cases) {
    const { outcome, account } = run(add({ ...gita(), [key]: value }));
    assert.deepEqual(errors(outcome), [[code, field]], field);
    assert.equal(outcome.ok, false);
    assert.equal(account.users.length, 6, field);
  }
  const { outcome } = run(add({ ...gita(), extension: huge }));
  assert.equal(outcome.violations[0].params.extension, `${huge.slice(0, 80)}…`);
});

test('a 10 MB schedule, name or password through parseSchedule, checkField and the constructor', () => {
  for (const text of [huge, '–'.repeat(MB10 / 3)]) {
    const out = parseSchedule(text);
    assert.deepEqual(codes(out), ['schedule_invalid']);
    assert.deepEqual(out.violations[0].params, { offset: 1024, reason: 'too_long', near: null });
    assert.equal(out.schedule, undefined);
  }
  const engine = new Engine(sample());
  assert.deepEqual(codes(engine.checkField('name', huge)), ['name_invalid']);
  assert.deepEqual(codes(engine.checkField('schedule', huge, 'u4')), ['schedule_invalid']);
  assert.deepEqual(codes(engine.checkField('webLogin.password', `${PASSWORD}${huge}`)), ['password_weak']);
  noPassword(engine.checkField('webLogin.password', `${PASSWORD}${huge}`));
  engine.free();
  // Stored in the account: the engine is built, and the audit names the users.
  const account = sample();
  account.users[3].schedule = huge;
  account.users[5].name = huge;
  const { outcome } = run({ type: 'audit' }, account);
  assert.deepEqual(errors(outcome), [['schedule_invalid', 'schedule'], ['name_invalid', 'name']]);
  assert.deepEqual(outcome.violations.map((v) => v.userId), ['u4', 'u6']);
});

test('a 100,000-row CSV is too_many_rows, and a line of 100,000 commas is refused at its line', () => {
  const rows = ['name,email,mobile,extension,role,pro,schedule,departments'];
  for (let i = 0; i < 100_000; i++) rows.push(`User ${i},user${i}@acme.in,+1212${String(i).padStart(7, '0')},${1000 + i},agent,no,24/7,sales`);
  let { outcome, account } = run({ type: 'importUsers', actor: 'u1', csv: rows.join('\n') });
  assert.deepEqual(errors(outcome), [['too_many_rows', null]]);
  assert.deepEqual(outcome.violations[0].params, { max: 5000 });
  assert.equal(account.users.length, 6);
  ({ outcome } = run({ type: 'importUsers', actor: 'u1', csv: `name,email,mobile,extension\n${','.repeat(100_000)}\n` }));
  assert.deepEqual(errors(outcome), [['csv_invalid', null]]);
  assert.equal(outcome.violations[0].row, 2);
  assert.equal(outcome.violations[0].params.reason, 'wrong_field_count');
});

test('deeply nested input is a bad_request, or a RosterError from the constructor', () => {
  let deep = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const deepText = '['.repeat(100_000);
  const engine = new Engine(sample());
  for (const op of [deepText, add({ ...gita(), name: deep }), add({ ...gita(), name: JSON.parse('[[[[1]]]]') })]) {
    const out = engine.check(op);
    assert.deepEqual(codes(out), ['bad_request']);
    noPassword(out);
  }
  // Nested where a password goes (JSON text: a nested JS value cannot even be stringified).
  const text = JSON.stringify(add({ ...gita(), webLogin: { loginId: 'gita.nair', password: '@@' } })).replace('"@@"', deepText);
  const out = engine.check(text);
  assert.deepEqual(errors(out), [['bad_request', 'op.user.webLogin.password']]);
  noPassword(out);
  assert.deepEqual(codes(engine.checkField('departments', deep)), ['bad_request']);
  assert.deepEqual(codes(engine.checkField('webLogin', deep)), ['bad_request']);
  assert.deepEqual(codes(engine.checkField('name', `${deepText}`)), ['name_invalid']);
  engine.free();
  assert.throws(() => new Engine(deep), (e) => e.name === 'RosterError' && codes(e.outcome)[0] === 'bad_request');
  assert.throws(() => new Engine(deepText), (e) => e.name === 'RosterError' && codes(e.outcome)[0] === 'bad_request');
  // A nested JS value cannot be stringified at all: refused as a whole.
  throwsAt(() => new Engine({ ...sample(), users: deep }), 'account');
  // As JSON text it is read up to the depth limit, and named inside `users`.
  const accountText = JSON.stringify({ ...sample(), users: '@@' }).replace('"@@"', deepText);
  assert.throws(() => new Engine(accountText), (e) => e.name === 'RosterError' && e.outcome.violations[0].field.startsWith('account.users'));
});

test('lone surrogates (ill-formed UTF-16) are a bad_request or a violation, never a throw', () => {
  const engine = new Engine(sample());
  // Through JSON.stringify a lone surrogate is an escape that is no character.
  for (const [key, path] of [['name', 'op.user.name'], ['email', 'op.user.email'], ['extension', 'op.user.extension']]) {
    const out = engine.check(add({ ...gita(), [key]: 'Gi\uD800ta' }));
    assert.deepEqual(errors(out), [['bad_request', path]]);
    noPassword(out);
  }
  const pw = engine.check(add({ ...gita(), webLogin: { loginId: 'gita.nair', password: `${PASSWORD}\uDC00` } }));
  assert.deepEqual(errors(pw), [['bad_request', 'op.user.webLogin.password']]);
  noPassword(pw);
  // A string argument crosses as UTF-8, the surrogate replaced by U+FFFD.
  const sched = parseSchedule('Mo\uD800 9-5');
  assert.deepEqual(codes(sched), ['schedule_invalid']);
  assert.equal(sched.violations[0].params.offset, 2);
  assert.deepEqual(codes(engine.checkField('extension', '1\uD8006')), ['extension_invalid']);
  assert.deepEqual(codes(engine.checkField('email', 'gi\uDFFFta@acme.in')), ['email_invalid']);
  throwsAt(() => new Engine({ ...sample(), plan: 'swift\uD800' }), 'account.plan');
  throwsAt(() => engine.setExternalEmails(['a\uDBFF@x.in']), 'externalEmails[0]');
  engine.free();
});

test('NUL, bidi and zero-width characters are violations at their field', () => {
  const cases = [
    ['name', 'Gita\u0000Nair', 'name_invalid', 'name', { reason: 'control_character', offset: 4 }],
    ['name', 'Gita\u202ENair', 'name_invalid', 'name', { reason: 'invisible_character', offset: 4 }],
    ['name', 'Gi\u200Bta', 'name_invalid', 'name', { reason: 'invisible_character', offset: 2 }],
    ['name', '\u2067Gita', 'name_invalid', 'name', { reason: 'invisible_character', offset: 0 }],
    ['email', 'gi\u0000ta@acme.in', 'email_invalid', 'email', { reason: 'bad_local_part' }],
    ['email', 'gita@acme.in\u202E', 'email_invalid', 'email', { reason: 'not_ascii' }],
    ['email', 'gi\u200Bta@acme.in', 'email_invalid', 'email', { reason: 'not_ascii' }],
    ['extension', '1\u00006', 'extension_invalid', 'extension', { extension: '1\u00006' }],
    ['extension', '\u202E16', 'extension_invalid', 'extension', { extension: '\u202E16' }],
    ['extension', '16\u200B', 'extension_invalid', 'extension', { extension: '16\u200B' }],
    ['mobile', '98000\u000000007', 'mobile_invalid', 'mobile', { reason: 'bad_character' }],
    ['schedule', 'Mo-Fr\u202E 09:00-18:00', 'schedule_invalid', 'schedule', { offset: 5 }],
    ['id', '$system', 'value_invalid', 'id', { value: '$system' }],
  ];
  const engine = new Engine(sample());
  for (const [key, value, code, field, params] of cases) {
    const { outcome } = run(add({ ...gita(), [key]: value }));
    assert.deepEqual(errors(outcome), [[code, field]], `${key}: ${JSON.stringify(value)}`);
    for (const [k, v] of Object.entries(params)) assert.equal(outcome.violations[0].params[k], v, `${field}.${k}`);
    // As typed into the form: the same violation.
    if (key !== 'id') assert.deepEqual(errors(engine.checkField(key, value)), [[code, field]]);
  }
  // ZWJ between letters (Indic scripts) is a name.
  const { outcome } = run(add({ ...gita(), name: 'क्\u200Dषमा' }));
  assert.equal(outcome.ok, true);
  assert.equal(outcome.user.name, 'क्\u200Dषमा');
  for (const pw of ['pa\u0000ss\u202Eword99', '\u202EZw\u200B9-secret-xyz']) {
    const { outcome: o } = run(add({ ...gita(), webLogin: { loginId: 'gita.nair', password: pw } }));
    assert.equal(o.ok, true);
    noPassword(o, pw);
    for (const target of [undefined, 'u4']) noPassword(engine.checkField('webLogin.password', pw, target), pw);
  }
  engine.free();
});

test('numbers where strings go and the other way round are bad_requests at their path', () => {
  const engine = new Engine(sample());
  const cases = [
    [add({ ...gita(), name: 5 }), 'op.user.name'],
    [add({ ...gita(), email: true }), 'op.user.email'],
    [add({ ...gita(), mobile: 9800000007 }), 'op.user.mobile'],
    [add({ ...gita(), extension: 16 }), 'op.user.extension'],
    [add({ ...gita(), pro: 'true' }), 'op.user.pro'],
    [add({ ...gita(), pro: PASSWORD }), 'op.user.pro'],
    [add({ ...gita(), departments: 'sales' }), 'op.user.departments'],
    [add({ ...gita(), webLogin: PASSWORD }), 'op.user.webLogin'],
    [add({ ...gita(), webLogin: { loginId: 'gita.nair', password: 31415926535 } }), 'op.user.webLogin.password'],
    [add({ ...gita(), password: PASSWORD }), 'op.user.password'],
    [{ type: 'reachable', target: 'u4', at: 1700000000 }, 'op.at'],
    [{ type: 'deleteUser', actor: 'u1', target: 6 }, 'op.target'],
    [{ type: 'importUsers', actor: 'u1', csv: 5 }, 'op.csv'],
    [{ type: 5 }, 'op.type'],
  ];
  for (const [op, path] of cases) {
    const out = engine.check(op);
    assert.deepEqual(errors(out), [['bad_request', path]], JSON.stringify(op).slice(0, 200));
    assert.equal(out.violations[0].params.path, path);
    noPassword(out);
    noPassword(out, '31415926535');
  }
  for (const [field, value] of [['extension', 16], ['name', ['x']], ['pro', 'true'], ['webLogin.password', 123456789], ['departments', 'sales']]) {
    const out = engine.checkField(field, value);
    assert.deepEqual(errors(out), [['bad_request', field]], field);
    noPassword(out, '123456789');
  }
  for (const count of ['3', -3, 2.5, null, [3]]) {
    assert.deepEqual(codes(engine.check({ type: 'seatRequest', count })), ['count_required'], String(count));
  }
  const withAccount = (f) => { const a = sample(); f(a); return a; };
  throwsAt(() => new Engine(withAccount((a) => { a.users[2].extension = 12; })), 'account.users[2].extension');
  throwsAt(() => new Engine(withAccount((a) => { a.proSeats = '3'; })), 'account.proSeats');
  throwsAt(() => new Engine(withAccount((a) => { a.users[0].pro = PASSWORD; })), 'account.users[0].pro');
  throwsAt(() => new Engine(sample(), { maxImportRows: '5' }), 'policy.maxImportRows');
  throwsAt(() => engine.setExternalEmails([5]), 'externalEmails[0]');
  engine.free();
});
