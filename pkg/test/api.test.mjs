// The JavaScript API around the core: what a form or a Node backend calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, parseSchedule, capabilityNames, roleNames, permissionCodes, init } from '../js/node.mjs';
import { roster, sample, codes } from './helpers.mjs';


test('checkField reports a taken extension with its holder and a free suggestion', () => {
  const engine = new Engine(sample());
  const out = engine.checkField('extension', '14');
  assert.deepEqual(codes(out), ['extension_taken']);
  const v = out.violations[0];
  assert.equal(v.field, 'extension');
  assert.equal(v.params.heldByName, 'Esha Khan');
  assert.match(v.hint, new RegExp(`for example ${v.params.suggestion}\\.`));
  assert.equal(engine.checkField('extension', v.params.suggestion).ok, true);
  // Its own extension is free for the user being edited.
  assert.equal(engine.checkField('extension', '14', 'u5').ok, true);
});

test('checkField reads nested paths, and only reports the field typed', () => {
  const engine = new Engine(sample());
  const ips = engine.checkField('webLogin.allowedIps', ['203.0.113.7', 'nope']);
  assert.deepEqual(codes(ips), ['ip_invalid']);
  assert.equal(ips.violations[0].field, 'webLogin.allowedIps[1]');
  assert.deepEqual(codes(engine.checkField('email', 'ASHA@acme.in')), ['email_taken']);
  assert.deepEqual(codes(engine.checkField('name', 'Gita')), []);
});

test('bad input is a bad_request Outcome, never a throw', () => {
  const engine = new Engine(sample());
  for (const op of [null, undefined, 42, 'not json', { type: 'nope' }, { type: 'addUser' }, { type: 'audit', extra: 1 }]) {
    const out = engine.check(op);
    assert.equal(out.ok, false);
    assert.deepEqual(codes(out), ['bad_request'], JSON.stringify(op));
  }
  assert.deepEqual(codes(engine.checkField('extension', 10n)), ['bad_request']);
  assert.deepEqual(codes(engine.checkField('nosuchfield', 'x')), ['bad_request']);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.deepEqual(codes(engine.check(cyclic)), ['bad_request']);
});

test('the constructor throws a RosterError whose outcome names the path', () => {
  const account = sample();
  account.users[2].extension = 12;
  assert.throws(
    () => new Engine(account),
    (e) => e.name === 'RosterError' && e.outcome.violations[0].field === 'account.users[2].extension',
  );
  assert.throws(() => new Engine(sample(), { plans: 'x' }), (e) => e.outcome.violations[0].field === 'policy.plans');
  // JSON text works as well as objects.
  assert.equal(new Engine(JSON.stringify(sample())).check({ type: 'audit' }).ok, true);
});

test('apply changes the held account only when ok', () => {
  const engine = new Engine(sample());
  const before = engine.account().users.length;
  const bad = engine.apply({ type: 'addUser', actor: 'u1', user: { name: 'X', email: 'asha@acme.in', mobile: '9800000099', extension: '60' } });
  assert.equal(bad.ok, false);
  assert.equal(engine.account().users.length, before);
  const good = engine.apply({ type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00099', extension: '60' } });
  assert.equal(good.ok, true, JSON.stringify(good.violations));
  assert.equal(good.user.mobile, '+919800000099');
  assert.equal(engine.account().users.length, before + 1);
  assert.deepEqual(codes(engine.checkField('extension', '60')), ['extension_taken']);
});

test('setExternalEmails feeds email_taken_elsewhere', () => {
  const engine = new Engine(sample());
  engine.setExternalEmails(['gita@acme.in']);
  assert.deepEqual(codes(engine.checkField('email', 'Gita@acme.in')), ['email_taken_elsewhere']);
  assert.throws(() => engine.setExternalEmails('gita@acme.in'), (e) => e.name === 'RosterError');
});

test('a client message table replaces messages by code and params', () => {
  const engine = new Engine(sample());
  engine.setMessages({
    extension_taken: { message: 'Nebenstelle {extension} gehört {heldByName}.', hint: 'Frei wäre {suggestion}.' },
  });
  const v = engine.checkField('extension', '14').violations[0];
  assert.equal(v.message, 'Nebenstelle 14 gehört Esha Khan.');
  assert.equal(v.hint, `Frei wäre ${v.params.suggestion}.`);
  // Codes missing from the table stay English.
  assert.match(engine.checkField('email', 'nope').violations[0].message, /needs an @/);
  engine.setMessages(null);
  assert.match(engine.checkField('extension', '14').violations[0].message, /already used by Esha Khan/);
});

test('a malformed message table, directory or form names the path at fault', () => {
  const engine = new Engine(sample());
  /** The path of the bad_request a RosterError carries. */
  const thrownAt = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.equal(e.name, 'RosterError', String(e));
      assert.deepEqual(codes(e.outcome), ['bad_request']);
      return e.outcome.violations[0].field;
    }
    assert.fail('expected a RosterError');
  };
  assert.equal(thrownAt(() => engine.setMessages([])), 'messages');
  assert.equal(thrownAt(() => engine.setMessages({ required: 'Pflicht' })), 'messages.required');
  assert.equal(thrownAt(() => engine.setMessages({ required: { hint: 'x' } })), 'messages.required.message');
  assert.equal(thrownAt(() => engine.setMessages({ required: { message: 7 } })), 'messages.required.message');
  assert.equal(thrownAt(() => engine.setMessages({ required: { message: 'x', hint: 7 } })), 'messages.required.hint');
  // A null hint is no hint; other keys are ignored; a throw leaves the table as it was.
  engine.setMessages({ required: { message: 'Pflichtfeld.', hint: null, note: 'for translators' } });
  const v = engine.checkField('name', '').violations[0];
  assert.equal(v.message, 'Pflichtfeld.');
  assert.equal('hint' in v, false);
  assert.equal(thrownAt(() => engine.setMessages({ required: { message: 'Pflicht!' }, email_taken: [] })), 'messages.email_taken');
  assert.equal(engine.checkField('name', '').violations[0].message, 'Pflichtfeld.');

  assert.equal(thrownAt(() => engine.setExternalEmails({})), 'externalEmails');
  assert.equal(thrownAt(() => engine.setExternalEmails(['gita@acme.in', 7])), 'externalEmails[1]');
  engine.setExternalEmails(['gita@acme.in']);
  assert.deepEqual(codes(engine.checkField('email', 'gita@acme.in')), ['email_taken_elsewhere']);

  const value = { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000099', extension: '60' };
  for (const form of [{ type: 'addUser' }, { type: 'addUser', actor: 'u1', extra: 1 }, { type: 'editUser', actor: 'u1' },
    { type: 'addUser', actor: 'u1', target: 'u4' }, { type: 'editUser', actor: 'u1', target: 4 }, [], null]) {
    const issues = engine.formIssues(form, value);
    // The path names the part of the form at fault (`form.extra`, `form.target`).
    assert.deepEqual(issues.map((i) => [i.code, i.params.path.split('.')[0], i.path]), [['bad_request', 'form', undefined]], JSON.stringify(form));
  }
  assert.equal(engine.formIssues({ type: 'addUser', actor: 'u1', target: null }, { ...value, email: 'x@acme.in' }), null);
});

test('Standard Schema: issues with paths for fields, none for rule-level problems', () => {
  const engine = new Engine(sample());
  const schema = engine.schema({ type: 'addUser', actor: 'u1' });
  assert.equal(schema['~standard'].version, 1);
  assert.equal(schema['~standard'].vendor, 'roster-rules');
  const value = { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000099', extension: '60' };
  assert.deepEqual(schema['~standard'].validate(value), { value });
  const bad = schema['~standard'].validate({ ...value, extension: '14', webLogin: { loginId: 'gita.nair', allowedIps: ['x'] } });
  assert.deepEqual(bad.issues.map((i) => [i.code, i.path]), [
    ['extension_taken', ['extension']],
    ['ip_invalid', ['webLogin', 'allowedIps', 0]],
  ]);
  const agent = engine.schema({ type: 'addUser', actor: 'u4' })['~standard'].validate(value);
  assert.deepEqual(agent.issues.map((i) => [i.code, i.path]), [['not_permitted', undefined]]);
  const edit = engine.schema({ type: 'editUser', actor: 'u1', target: 'u4' })['~standard'].validate({ mobile: '+919811111111' });
  assert.deepEqual(edit.issues.map((i) => i.code), ['mobile_immutable']);
});

test('capabilities and can follow the matrix', () => {
  const engine = new Engine(sample());
  assert.equal(engine.capabilities('u1').manage_billing, 'all');
  assert.equal(engine.capabilities('u3').add_users, 'own_department_agents');
  assert.equal(engine.capabilities('nobody'), null);
  assert.equal(engine.can('u1', 'delete_users', 'u4'), true);
  assert.equal(engine.can('u4', 'delete_users', 'u1'), false);
  assert.equal(engine.can('u1', 'no_such_capability'), false);
  // The runtime list covers every granted capability, owner's first to last.
  const names = capabilityNames();
  assert.equal(names.length, 11);
  assert.equal(new Set(names).size, names.length);
  for (const c of Object.keys(engine.capabilities('u1'))) assert.ok(names.includes(c), c);
  assert.deepEqual([names[0], names.at(-1)], ['receive_calls', 'reset_passwords']);
});

test('roleNames and permissionCodes are the engine\'s lists', () => {
  assert.deepEqual(roleNames(), ['agent', 'manager', 'admin', 'owner']);
  const ending = permissionCodes();
  assert.deepEqual(ending, ['user_unknown', 'not_permitted', 'role_escalation', 'self_action']);
  // An answer that holds one of them is the whole answer: nothing else was checked.
  const out = new Engine(sample()).check({ type: 'addUser', actor: 'u4', user: { name: '', email: 'x' } });
  assert.ok(ending.includes(out.violations[0].code), out.violations[0].code);
  assert.equal(out.violations.length, 1);
});

test('editableFields says why a field is read-only, in the message table\'s words', () => {
  const engine = new Engine({ ...sample(), sso: { managedFields: ['name'] } });
  const fields = engine.check({ type: 'editableFields', actor: 'u1', target: 'u4' }).fields;
  assert.deepEqual(fields.extension, { editable: true });
  assert.equal(fields.name.reason, 'sso_managed');
  assert.equal(fields.name.message, 'The name is managed by your identity provider.');
  assert.equal(fields.name.hint, 'Change it there, then sync.');
  assert.deepEqual(fields.name.params, { field: 'name' });
  assert.equal(fields.mobile.reason, 'mobile_immutable');
  engine.setMessages({ sso_managed: { message: '{field} wird vom Identitätsanbieter verwaltet.' } });
  const de = engine.check({ type: 'editableFields', actor: 'u1', target: 'u4' }).fields.name;
  assert.equal(de.message, 'name wird vom Identitätsanbieter verwaltet.');
  assert.equal(de.hint, undefined);
});

test('parseSchedule gives the canonical form and offsets in code points', () => {
  const out = parseSchedule('Mon-Fri 9:30 am to 6 pm; Sat 10am-2pm');
  assert.equal(out.schedule.canonical, 'Mo-Fr 09:30-18:00; Sa 10:00-14:00');
  assert.deepEqual(out.schedule.weekly[5], [['10:00', '14:00']]);
  const text = 'Mo 09:00-18:00; Sa 10:00-26:00 😀';
  const bad = parseSchedule(text);
  assert.deepEqual(bad.violations.map((v) => [v.code, v.params.reason]), [['schedule_invalid', 'time_out_of_range']]);
  assert.equal([...text].slice(bad.violations[0].params.offset).join(''), '26:00 😀');
  assert.equal(parseSchedule('Mo 09:00-18:00; 😀').violations[0].params.offset, 16);
});

test('reachable uses the host Intl time zones and agrees with the native tzdb across DST', () => {
  const account = sample();
  account.users[3].timeZone = 'America/New_York';
  account.users[3].schedule = 'Mo-Fr 09:00-17:00';
  const engine = new Engine(account);
  for (const at of ['2026-03-06T14:30:00Z', '2026-03-09T13:30:00Z', '2026-03-07T12:00:00Z', '2026-11-02T13:59:00Z', '2026-11-02T14:00:00Z']) {
    const op = { type: 'reachable', target: account.users[3].id, at };
    const native = roster(['check', '--json'], JSON.stringify({ account, op }));
    assert.equal(JSON.stringify(engine.check(op)), native.stdout, at);
  }
});

test('init resolves at once in Node', async () => {
  await init();
});

test('an empty ok answer is a fresh object each time, with the keys of the JSON Outcome', () => {
  const engine = new Engine(sample());
  const a = engine.checkField('name', 'Gita Nair');
  assert.equal(JSON.stringify(a), '{"ok":true,"violations":[],"effects":[],"user":null,"changes":[]}');
  a.violations.push('mutated by the caller');
  a.ok = false;
  const b = engine.checkField('email', 'gita@acme.in');
  assert.notEqual(a, b);
  assert.deepEqual(b, { ok: true, violations: [], effects: [], user: null, changes: [] });
  // check() answers the same way when there is nothing to say.
  assert.deepEqual(engine.check({ type: 'seatRequest', count: 1 }), b);
});

test('upsertUser and removeUser follow rows written elsewhere, without a rule check', () => {
  const engine = new Engine(sample());
  const before = engine.account().users.length;
  const row = { id: 'u90', name: 'Gita Nair', email: 'gita@acme.in', mobile: '+919800000090', extension: '60' };
  engine.upsertUser(row);
  assert.equal(engine.account().users.length, before + 1);
  assert.deepEqual(codes(engine.checkField('extension', '60')), ['extension_taken']);
  engine.upsertUser({ ...row, extension: '61' });
  assert.equal(engine.account().users.length, before + 1);
  assert.equal(engine.checkField('extension', '60').ok, true);
  assert.equal(engine.removeUser('u90'), true);
  assert.equal(engine.removeUser('u90'), false);
  assert.equal(engine.account().users.length, before);
  assert.throws(() => engine.upsertUser({ id: 'u91' }), (e) => e.name === 'RosterError' && e.outcome.violations[0].code === 'bad_request');
});
