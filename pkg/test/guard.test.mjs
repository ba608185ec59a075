// The engine as the guard, through the package (issue 15): every hole found by trying
// 0.1.0 as an attacker would, as a backend that authorizes with the package meets it.
// The same cases run natively in tests/guard.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../js/node.mjs';
import { codes } from './helpers.mjs';

// u1 owner, u2 admin, u3 manager of Sales, u4 Pro agent in Sales with a login (sees
// u5's calls), u5 agent in Support, u6 invited admin.
const account = () => ({
  plan: 'swift', proSeats: 5,
  departments: [{ id: 'sales', name: 'Sales Team', routing: 'round_robin' }, { id: 'support', name: 'Support', routing: 'sequential' }],
  users: [
    { id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active' },
    { id: 'u2', name: 'Bala Iyer', email: 'bala@acme.in', mobile: '+919800000002', extension: '11', role: 'admin', pro: true, status: 'active' },
    { id: 'u3', name: 'Chitra Sen', email: 'chitra@acme.in', mobile: '+919800000003', extension: '12', role: 'manager', pro: true, status: 'active', departments: ['sales'] },
    { id: 'u4', name: 'Dev Patel', email: 'dev@acme.in', mobile: '+919800000004', extension: '13', role: 'agent', pro: true, status: 'active', departments: ['sales'], webLogin: { loginId: 'dev.patel' }, reportUsers: ['u5'] },
    { id: 'u5', name: 'Esha Khan', email: 'esha@acme.in', mobile: '+919800000005', extension: '14', role: 'agent', status: 'active', departments: ['support'] },
    { id: 'u6', name: 'Farah Ali', email: 'farah@acme.in', mobile: '+919800000006', extension: '15', role: 'admin', pro: true, status: 'pending' },
  ],
});
const edit = (actor, target, patch) => ({ type: 'editUser', actor, target, patch });

test('a manager sets no other user\'s password, whatever else the patch holds', () => {
  const engine = new Engine(account());
  for (const extra of [{}, { blocked: false }, { loginId: 'dev.p' }, { allowedIps: [] }]) {
    const out = engine.check(edit('u3', 'u4', { webLogin: { ...extra, password: 'Takeover2024x' } }));
    assert.deepEqual(codes(out), ['not_permitted'], JSON.stringify(extra));
    assert.equal(out.violations[0].params.action, 'reset_passwords');
    assert.ok(!JSON.stringify(out).includes('Takeover2024x'));
  }
  const fields = engine.check({ type: 'editableFields', actor: 'u3', target: 'u4' }).fields;
  assert.equal(fields['webLogin.password'].reason, 'not_permitted');
  assert.equal(engine.can('u3', 'reset_passwords', 'u4'), false);
});

test('SSO-managed sub-fields are managed wherever they appear', () => {
  const a = account();
  a.sso = { managedFields: ['webLogin.password'] };
  let out = new Engine(a).check(edit('u2', 'u4', { webLogin: { loginId: 'dev.patel', password: 'Secret2024x' } }));
  assert.deepEqual(out.violations.map((v) => [v.code, v.field]), [['sso_managed', 'webLogin.password']]);
  a.sso = { managedFields: ['webLogin.loginId'] };
  out = new Engine(a).check(edit('u2', 'u4', { webLogin: { loginId: 'dev.p2' } }));
  assert.deepEqual(codes(out), ['sso_managed']);
});

test('can() refuses what the ops refuse', () => {
  const engine = new Engine(account());
  assert.equal(engine.can('u2', 'edit_users', 'u1'), false);
  assert.equal(engine.can('u2', 'delete_users', 'u1'), false);
  assert.equal(engine.can('u1', 'deactivate_users', 'u1'), false);
  assert.deepEqual(codes(engine.check({ type: 'deleteUser', actor: 'u2', target: 'u1' })), ['not_permitted']);
  assert.deepEqual(codes(engine.check({ type: 'deactivateUser', actor: 'u1', target: 'u1' })), ['self_action']);
});

test('deleted ids are never given again, and a delete takes its id out of reportUsers', () => {
  const engine = new Engine(account());
  assert.ok(engine.apply(edit('u1', 'u5', { departments: [] })).ok);
  const out = engine.apply({ type: 'deleteUser', actor: 'u1', target: 'u5' });
  assert.ok(out.ok, JSON.stringify(out.violations));
  assert.ok(out.changes.some((c) => c.userId === 'u4' && c.field === 'reportUsers'));
  const u4 = engine.account().users.find((u) => u.id === 'u4');
  assert.deepEqual(u4.reportUsers, []);
  const added = engine.apply({ type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000007', extension: '16', departments: ['sales'] } });
  assert.equal(added.user.id, 'u7');
  assert.equal(engine.account().nextUserNumber, 8);
});

test('deactivate then reactivate keeps an invitation an invitation', () => {
  const engine = new Engine(account());
  assert.ok(engine.apply({ type: 'deactivateUser', actor: 'u1', target: 'u6' }).ok);
  assert.ok(engine.apply({ type: 'reactivateUser', actor: 'u1', target: 'u6' }).ok);
  assert.equal(engine.account().users.find((u) => u.id === 'u6').status, 'pending');
});

test('reportUsers names only users whose calls the actor may see', () => {
  const engine = new Engine(account());
  const out = engine.check(edit('u3', 'u4', { reportUsers: ['u5', 'u1'] }));
  assert.deepEqual(codes(out), ['not_permitted']);
  assert.equal(out.violations[0].params.action, 'view_reports');
});

test('permission first, for the whole op', () => {
  const engine = new Engine(account());
  assert.deepEqual(codes(engine.check({ type: 'replaceUser', actor: 'u2', target: 'u2', mobile: '9800000099' })), ['self_action']);
  const csv = 'name,email,mobile,extension,departments\nGita Nair,not-an-email,9800000007,16,sales\nHari Das,hari@acme.in,9800000008,17,support\n';
  const out = engine.check({ type: 'importUsers', actor: 'u3', csv });
  assert.deepEqual(out.violations.map((v) => [v.code, v.row]), [['not_permitted', 3]]);
});

test('a replace is applied as one op: all of it, or nothing', () => {
  const engine = new Engine(account());
  const before = JSON.stringify(engine.account());
  const failed = engine.apply({ type: 'replaceUser', actor: 'u2', target: 'u4', mobile: '+919800000005' });
  assert.deepEqual(codes(failed), ['mobile_taken']);
  assert.equal(failed.plan, undefined);
  assert.equal(JSON.stringify(engine.account()), before);
  const out = engine.apply({ type: 'replaceUser', actor: 'u2', target: 'u4', mobile: '98000 00099' });
  assert.ok(out.ok, JSON.stringify(out.violations));
  assert.equal(out.user.mobile, '+919800000099');
  assert.deepEqual(out.user.webLogin, { loginId: 'dev.patel', blocked: false });
  assert.equal(engine.account().users.find((u) => u.id === 'u4').status, 'deactivated');
});

test('a 16 MB row of unknown departments is a bounded answer, not a crash', () => {
  const engine = new Engine(account());
  const csv = `name,email,mobile,extension,departments\nGita Nair,gita@acme.in,9800000007,16,${'x;'.repeat(8_000_000)}\n`;
  const out = engine.check({ type: 'importUsers', actor: 'u1', csv });
  assert.equal(out.violations.length, 1001);
  assert.equal(out.violations.at(-1).code, 'too_many_violations');
  assert.ok(JSON.stringify(out).length < 1_000_000);
  // The engine still answers afterwards.
  assert.ok(engine.check({ type: 'audit' }));
});

test('rows with a host\'s own columns: refused by default, dropped with ignoreUnknownKeys', () => {
  const a = account();
  a.users[0].createdAt = '2026-01-01T00:00:00Z';
  assert.throws(() => new Engine(a), (e) => e.outcome.violations[0].field === 'account.users[0].createdAt'
    && e.outcome.violations[0].params.detail.startsWith('createdAt is not a key of a user; the keys are id, name'));
  const engine = new Engine(a, null, { ignoreUnknownKeys: true });
  assert.equal(engine.account().users[0].createdAt, undefined);
  // Requests stay strict.
  const out = engine.check({ type: 'addUser', actor: 'u1', user: { name: 'X', createdAt: 1 } });
  assert.deepEqual(out.violations.map((v) => [v.code, v.field]), [['bad_request', 'op.user.createdAt']]);
});

// The second attacker's pass (tests/attack.rs natively).

test('only the host chooses an id, and a deleted user\'s id is never taken again', () => {
  const engine = new Engine(account());
  const gita = { name: 'Gita', email: 'gita@acme.in', mobile: '9800000077', extension: '40', departments: ['sales'] };
  const chosen = engine.check({ type: 'addUser', actor: 'u3', user: { ...gita, id: 'u5' } });
  assert.deepEqual(codes(chosen), ['not_permitted']);
  assert.equal(chosen.violations[0].params.reason, 'ids_given_by_host');
  assert.equal(chosen.violations[0].field, 'id');
  engine.removeUser('u5');
  const retired = engine.check({ type: 'addUser', actor: '$system', user: { ...gita, id: 'u5' } });
  assert.deepEqual(codes(retired), ['id_taken']);
  assert.equal(retired.violations[0].params.reason, 'retired');
});

test('checkAs refuses an op in another actor\'s name, in the engine\'s words', () => {
  const engine = new Engine(account());
  const op = edit('u1', 'u4', { name: 'Dev P' });
  const out = engine.checkAs('u3', op);
  assert.deepEqual(codes(out), ['not_permitted']);
  assert.equal(out.violations[0].field, 'actor');
  assert.equal(out.violations[0].params.reason, 'actor_not_signed_in');
  assert.equal(engine.checkAs('u1', op).ok, true);
  assert.equal(engine.applyAs('u3', op).ok, false);
  assert.equal(engine.user('u4').name, 'Dev Patel');
});

test('moving a Pro user\'s sign-in is a password reset; a list past 1,000 is refused, not cut', () => {
  const engine = new Engine(account());
  const moved = engine.check(edit('u3', 'u4', { email: 'chitra.private@gmail.com' }));
  assert.deepEqual(codes(moved), ['not_permitted']);
  assert.equal(moved.violations[0].params.action, 'reset_passwords');
  const ips = Array.from({ length: 1500 }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
  const long = engine.check(edit('u1', 'u4', { webLogin: { allowedIps: ips } }));
  assert.deepEqual(codes(long), ['too_many_items']);
  assert.equal(long.violations[0].field, 'webLogin.allowedIps');
});

test('upsertUser reads a row leniently when the engine does; sso stays strict', () => {
  const engine = new Engine(account(), null, { ignoreUnknownKeys: true });
  engine.upsertUser({ ...account().users[4], createdAt: '2026-12-04' });
  assert.equal(engine.user('u5').name, 'Esha Khan');
  const misspelt = { ...account(), sso: { managed_fields: ['email'] } };
  assert.throws(() => new Engine(misspelt, null, { ignoreUnknownKeys: true }), (e) =>
    e.name === 'RosterError' && e.outcome.violations[0].field === 'account.sso.managed_fields');
});
