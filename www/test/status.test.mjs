// The status line's sentences from an Outcome's changes (unit, no browser): both shapes the
// engine gives a panel login's changes, names for ids, bookkeeping fields left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEdit } from '../status.js';
import { setLang } from '../i18n.js';
import { sample } from './helpers.mjs';

const account = sample();
const store = { account, user: (id) => account.users.find((u) => u.id === id) ?? null };
const bala = store.user('u2');

test('one change, several, set and removed; departments and people by name', () => {
  setLang('en');
  const one = { changes: [{ field: 'extension', from: '11', to: '17' }], effects: [], user: bala };
  assert.equal(describeEdit(store, bala, one), 'Bala Iyer’s extension changed from 11 to 17.');
  const many = {
    changes: [
      { userId: 'u2', field: 'departments', from: ['sales'], to: ['sales', 'support'] },
      { userId: 'u2', field: 'reportUsers', from: null, to: ['u3', 'u4'] },
      { userId: 'u2', field: 'altMobile', from: '+919800000012', to: null },
      { userId: 'u3', field: 'reportUsers', from: ['u2'], to: [] }, // another user: not this line
    ],
    effects: [],
    user: bala,
  };
  assert.equal(describeEdit(store, bala, many),
    'Bala Iyer’s details changed: departments from Sales to Sales and Support; call records they see set to Chitra Sen and Dev Patel; alternative mobile removed.');
});

test('a panel login: as webLogin.* paths (typed changes) and as one webLogin object (older builds)', () => {
  setLang('en');
  const paths = { changes: [{ userId: 'u2', field: 'webLogin.loginId', from: 'bala.iyer', to: 'bala.iyer2' }], effects: ['password_changed'], user: bala };
  const object = { changes: [{ field: 'webLogin', from: { loginId: 'bala.iyer', allowedIps: [] }, to: { loginId: 'bala.iyer2', allowedIps: [] } }], effects: ['password_changed'], user: bala };
  const expected = 'Bala Iyer’s login ID changed from bala.iyer to bala.iyer2. Bala Iyer’s password was changed.';
  assert.equal(describeEdit(store, bala, paths), expected);
  assert.equal(describeEdit(store, bala, object), expected);
  const created = { changes: [{ userId: 'u4', field: 'webLogin.loginId', from: null, to: 'dev.patel' }], effects: [], user: store.user('u4') };
  assert.equal(describeEdit(store, store.user('u4'), created), 'Dev Patel’s login ID was set to dev.patel.');
  const status = { changes: [{ userId: 'u2', field: 'previousStatus', from: null, to: 'active' }], effects: [], user: bala };
  assert.equal(describeEdit(store, bala, status), 'Nothing changed for Bala Iyer.');
});

test('Hindi sentences', () => {
  setLang('hi');
  const one = { changes: [{ field: 'extension', from: '11', to: '17' }], effects: [], user: bala };
  assert.equal(describeEdit(store, bala, one), 'Bala Iyer: एक्सटेंशन 11 से बदलकर 17 किया गया।');
  setLang('en');
});
