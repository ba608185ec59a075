// The Hindi message table (pkg/messages/hi.js) held to the English one the engine exports:
// the same keys (the words of machine values, `@role.manager` …, included), the same
// alternatives, exactly the same {param} holes, no English left; and real Outcomes in Hindi,
// roles, actions, fields and days written with the table's own words, once a client calls
// engine.setMessages(hi).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, englishMessages } from '../js/node.mjs';
// By the package's own export, as a client imports it (the header of hi.js).
import hi from 'roster-rules/messages/hi.js';
import { sample, cases } from './helpers.mjs';

const en = englishMessages();

/** A template as its list of alternatives (`null`: no hint of its own). */
const alternatives = (t) => (t === null || t === undefined ? null : Array.isArray(t) ? t : [t]);

/** The `{param}` holes of a template, as the engine reads them. */
const holes = (t) => new Set([...t.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]));

/**
 * The params the engine writes with a word of the table (`@role.manager`) instead of their
 * machine value, by the namespace of the word (`word_namespace` in src/messages.rs).
 */
const WORD_NAMESPACE = { role: 'role', targetRole: 'role', actorRole: 'role', action: 'action', field: 'field', nextOpenDay: 'day' };

/**
 * What the admin types, kept as written inside Hindi text: removed before looking for
 * English words. Per key where the words would be plain English anywhere else (role values
 * in a CSV file, CSV column names).
 */
const EXAMPLES = [
  'name,email,mobile,extension,role,pro,schedule,departments',
  'name+team@company.in',
  'name+old@company.in',
  'name@company.in',
  'company.in',
  'Asia/Kolkata',
  'Monday',
];
const EXAMPLES_BY_KEY = {
  role_unknown: ['owner', 'admin', 'manager', 'agent'],
  'csv_invalid.missing_column': ['name', 'email', 'mobile', 'extension'],
};

/** Every (key, part, index, Hindi, English) template pair. */
function* pairs() {
  for (const [key, entry] of Object.entries(en)) {
    for (const part of ['message', 'hint']) {
      const e = alternatives(entry[part]) ?? [];
      const h = alternatives(hi[key]?.[part]) ?? [];
      for (let i = 0; i < Math.min(e.length, h.length); i++) yield [key, part, i, h[i], e[i]];
    }
  }
}

test('the Hindi table has every key of the English table and no other', () => {
  const missing = Object.keys(en).filter((k) => !(k in hi));
  const extra = Object.keys(hi).filter((k) => !(k in en));
  assert.deepEqual(missing, [], 'keys without Hindi');
  assert.deepEqual(extra, [], 'Hindi keys English does not have');
  assert.ok(Object.keys(en).length > 100, `the English table has ${Object.keys(en).length} keys`);
});

test('every entry has as many message and hint alternatives as English, and null where English has no hint', () => {
  for (const [key, entry] of Object.entries(en)) {
    const h = hi[key];
    assert.deepEqual(Object.keys(h).sort(), ['hint', 'message'], `${key}: an entry is {message, hint}`);
    assert.equal(alternatives(h.message).length, alternatives(entry.message).length, `${key}.message`);
    const eh = alternatives(entry.hint);
    if (eh === null) assert.equal(h.hint, null, `${key}.hint: English has none, so Hindi neither`);
    else assert.equal(alternatives(h.hint)?.length, eh.length, `${key}.hint`);
    for (const t of [...alternatives(h.message), ...(alternatives(h.hint) ?? [])]) {
      assert.equal(typeof t, 'string', key);
      assert.ok(t.trim().length > 0, `${key}: an empty template`);
    }
  }
});

test('each alternative has exactly the {param} holes of the English one', () => {
  for (const [key, part, i, h, e] of pairs()) {
    assert.deepEqual([...holes(h)].sort(), [...holes(e)].sort(), `${key}.${part}[${i}]: "${h}" against the English "${e}"`);
  }
});

test('the words of machine values are one plain Hindi word or phrase each, without a hint', () => {
  const words = Object.keys(en).filter((k) => k.startsWith('@'));
  // Every namespace the engine fills, with every value English names.
  assert.deepEqual([...new Set(words.map((k) => k.split('.')[0]))].sort(), ['@action', '@day', '@field', '@role']);
  for (const key of words) {
    const { message, hint } = hi[key];
    assert.equal(typeof message, 'string', `${key}: the engine reads only the first alternative, so one is given`);
    assert.equal(hint, null, `${key}: a word has no hint`);
    assert.doesNotMatch(message, /[{}]/, `${key}: a word has no holes`);
    assert.doesNotMatch(message, /[.।]$/, `${key}: a word sits inside a sentence`);
  }
});

test('no English is left in the Hindi templates', () => {
  for (const [key, part, i, h, e] of pairs()) {
    const at = `${key}.${part}[${i}]: ${h}`;
    assert.notEqual(h, e, `${at}: the same as English`);
    assert.match(h, /[\u0900-\u097F]/, `${at}: no Devanagari`);
    let rest = h.replace(/\{[^{}]*\}/g, ' ');
    for (const example of [...EXAMPLES, ...(EXAMPLES_BY_KEY[key] ?? [])]) {
      if (rest.includes(example)) {
        assert.ok(e.includes(example), `${at}: the example "${example}" is not in the English "${e}"`);
        rest = rest.split(example).join(' ');
      }
    }
    const words = rest.match(/[A-Za-z]{4,}/g) ?? [];
    assert.deepEqual(words, [], `${at}: English words`);
  }
});

test('with setMessages(hi) a taken extension on the sample account reads in Hindi, with holder and suggestion', () => {
  const engine = new Engine(sample());
  engine.setMessages(hi);
  const out = engine.checkField('extension', '14');
  assert.equal(out.violations.length, 1);
  const v = out.violations[0];
  assert.equal(v.code, 'extension_taken');
  assert.equal(v.params.heldByName, 'Esha Khan');
  assert.ok(v.params.suggestion, 'the engine suggests a free extension');
  assert.equal(v.message, 'एक्सटेंशन 14 पहले से Esha Khan को दिया गया है।');
  assert.equal(v.hint, `कोई खाली एक्सटेंशन चुनें, जैसे ${v.params.suggestion}।`);
  // A form library reads the same words through the Standard Schema issues.
  const issues = engine.formIssues({ type: 'addUser', actor: 'u1' }, { name: 'Gita', email: 'gita', mobile: '9800000077', extension: '14' });
  assert.deepEqual(issues.map((i) => [i.code, i.message]), [
    ['email_invalid', 'ईमेल पते में @ होना ज़रूरी है।'],
    ['extension_taken', 'एक्सटेंशन 14 पहले से Esha Khan को दिया गया है।'],
  ]);
  // And back to English.
  engine.setMessages(null);
  assert.equal(engine.checkField('extension', '14').violations[0].message, 'Extension 14 is already used by Esha Khan.');
  engine.free();
});

test('pro_seat_limit picks the Hindi hint that fits the account: an idle Pro user by name, else buy seats', () => {
  const addPro = { type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000077', extension: '40', pro: true } };
  const seatViolation = (account) => {
    const engine = new Engine(account);
    engine.setMessages(hi);
    const v = engine.check(addPro).violations.find((x) => x.code === 'pro_seat_limit');
    engine.free();
    assert.ok(v, 'pro_seat_limit reported');
    return v;
  };

  // The sample account: all 3 seats on active users, none idle.
  const full = seatViolation(sample());
  assert.equal(full.params.inactiveProName, null);
  assert.equal(full.message, 'सभी प्रो लाइसेंस इस्तेमाल में हैं (3 में से 3)।');
  assert.equal(full.hint, hi.pro_seat_limit.hint[1]);

  // A fourth seat held by Farah Ali, who never signed in (pending).
  const account = sample();
  account.proSeats = 4;
  account.users.find((u) => u.id === 'u6').pro = true;
  const idle = seatViolation(account);
  assert.equal(idle.params.inactiveProName, 'Farah Ali');
  assert.equal(idle.message, 'सभी प्रो लाइसेंस इस्तेमाल में हैं (4 में से 4)।');
  assert.equal(idle.hint, 'Farah Ali का प्रो बंद करें, जो इसे इस्तेमाल नहीं कर रहे, या और प्रो लाइसेंस ख़रीदें।');
});

test('a variant key is used, and a variant without a hint takes its code\'s Hindi hint', () => {
  const engine = new Engine(sample());
  engine.setMessages(hi);
  const time = engine.checkField('schedule', 'Mon-Fri 9-6').violations[0];
  assert.equal(time.code, 'schedule_invalid');
  assert.equal(time.params.reason, 'expected_time');
  assert.equal(time.message, `“${time.params.near}” पर 9am या 09:00 जैसा समय होना चाहिए।`);
  assert.equal(time.hint, hi['schedule_invalid.expected_time'].hint);

  const month = engine.checkField('schedule', 'Jan Mo-Fr 09:00-18:00').violations[0];
  assert.equal(month.code, 'schedule_invalid');
  assert.equal(month.params.reason, 'month');
  assert.equal(month.message, hi['schedule_invalid.month'].message);
  assert.equal(month.hint, hi.schedule_invalid.hint);
  engine.free();
});

test('refusals read in Hindi with the table\'s words for the role, the action and whom to ask', () => {
  const engine = new Engine(sample());
  engine.setMessages(hi);
  // Chitra Sen (manager, Sales) deletes, and adds an admin.
  const del = engine.check({ type: 'deleteUser', actor: 'u3', target: 'u4' }).violations[0];
  assert.equal(del.code, 'not_permitted');
  assert.deepEqual([del.params.reason, del.params.role, del.params.action], ['no_capability', 'manager', 'delete_users']);
  assert.equal(del.message, 'मैनेजर रोल में यूज़र को डिलीट करने की अनुमति नहीं है।');
  assert.equal(del.hint, 'Asha Rao से कहें, वे यह कर सकते हैं।');

  const add = engine.check({
    type: 'addUser', actor: 'u3',
    user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000077', extension: '40', role: 'admin', pro: true, departments: ['sales'] },
  }).violations[0];
  assert.equal(add.code, 'role_escalation');
  assert.equal(add.message, 'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में: Sales।');
  assert.equal(add.hint, 'Asha Rao से कहें, वे यह कर सकते हैं।');

  // Bala Iyer (admin) edits the owner, and makes someone an owner.
  const rank = engine.check({ type: 'editUser', actor: 'u2', target: 'u1', patch: { name: 'X' } }).violations[0];
  assert.equal(rank.params.reason, 'higher_rank');
  assert.equal(rank.message, 'Asha Rao का रोल ओनर है, जो आपके रोल से ऊपर है, इसलिए आपको इस यूज़र को एडिट करने की अनुमति नहीं है।');
  const owner = engine.check({ type: 'addUser', actor: 'u2', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000077', extension: '40', role: 'owner', pro: true } })
    .violations.find((v) => v.code === 'role_escalation');
  assert.equal(owner.message, 'आपका रोल (एडमिन) किसी को ओनर रोल नहीं दे सकता, क्योंकि वह रोल उससे ऊपर है।');
  engine.free();
});

test('a field and a day read with the table\'s words; the params keep the machine values', () => {
  const engine = new Engine(sample());
  engine.setMessages(hi);
  const id = engine.check({ type: 'editUser', actor: 'u1', target: 'u4', patch: { id: 'u9' } }).violations[0];
  assert.equal(id.code, 'immutable_field');
  assert.equal(id.params.field, 'id');
  assert.equal(id.message, 'यूज़र आईडी में बदलाव नहीं किया जा सकता।');

  // Dev Patel takes calls Mo-Fr 09:00-18:00 (Asia/Kolkata); asked on Sunday 6 December 2026.
  const off = engine.check({ type: 'reachable', target: 'u4', at: '2026-12-06T10:00:00+05:30' }).violations[0];
  assert.equal(off.code, 'outside_schedule');
  assert.deepEqual([off.params.nextOpen, off.params.nextOpenDay, off.params.nextOpenTime], ['2026-12-07T09:00:00+05:30', 'Mo', '09:00']);
  assert.equal(off.hint, 'यूज़र सोमवार को 09:00 बजे से फिर कॉल लेंगे (यूज़र के समय के अनुसार)।');
  engine.free();
});

test('a word the table lacks is English\'s, the rest of the sentence stays Hindi', () => {
  const { '@role.manager': _, ...partial } = hi;
  const engine = new Engine(sample());
  engine.setMessages(partial);
  const del = engine.check({ type: 'deleteUser', actor: 'u3', target: 'u4' }).violations[0];
  assert.equal(del.message, 'manager रोल में यूज़र को डिलीट करने की अनुमति नहीं है।');
  engine.free();
});

test('a code the table lacks falls back to English, whole', () => {
  const { extension_taken: _, ...partial } = hi;
  const engine = new Engine(sample());
  engine.setMessages(partial);
  const v = engine.checkField('extension', '14').violations[0];
  assert.equal(v.message, 'Extension 14 is already used by Esha Khan.');
  assert.equal(v.hint, `Choose a free extension, for example ${v.params.suggestion}.`);
  // The other codes stay Hindi.
  assert.equal(engine.checkField('email', 'asha').violations[0].message, hi['email_invalid.missing_at'].message);
  engine.free();
});

// --- real Outcomes, word for word ------------------------------------------------------

/** Whether a param has a value, as the engine reads it (null and '' have none). */
const has = (params, name) => params[name] !== undefined && params[name] !== null && params[name] !== '';

/** The first alternative whose holes all have a value; for a message, else the last. */
const pick = (alts, params, last) =>
  alts.find((t) => [...holes(t)].every((n) => has(params, n))) ?? (last ? alts[alts.length - 1] : null);

/**
 * Holes filled from the params: a role, an action, a field path or a day with the Hindi
 * table's word, other params (and values no table names, such as a mistyped role) as they are.
 * Never an English word: a value English names but Hindi does not would show up here.
 */
const fill = (t, params, used = new Set()) =>
  t.replace(/\{([^{}]*)\}/g, (hole, n) => {
    if (!(n in params)) return hole;
    const value = String(params[n] ?? '');
    const key = WORD_NAMESPACE[n] && `@${WORD_NAMESPACE[n]}.${value}`;
    if (!key || !(key in hi)) return value;
    used.add(key);
    return hi[key].message;
  });

/** The key whose words a violation takes: `code.variant` where the table has it, else `code`. */
function keyOf(v) {
  const narrow = `${v.code}.${v.params.reason ?? v.params.action ?? v.params.actorRole}`;
  return narrow in hi ? narrow : v.code;
}

/**
 * What a violation must read with the Hindi table, from the table alone: its `code.variant`
 * entry (the variant is the `reason`, `action` or `actorRole` param, as the engine picks
 * it) or its code's; a variant without a hint takes its code's.
 */
function hindiOf(v, used) {
  const entry = hi[keyOf(v)];
  const hint = pick(alternatives(entry.hint ?? hi[v.code].hint) ?? [], v.params, false);
  return {
    message: fill(pick(alternatives(entry.message), v.params, true), v.params, used),
    hint: hint === null ? undefined : fill(hint, v.params, used),
  };
}

/**
 * Asserts a violation reads exactly as the Hindi table says, in Hindi, every hole filled;
 * adds the keys it read (its entry, and the words of its params) to `keys`.
 */
function assertHindi(v, where, keys) {
  keys.add(keyOf(v));
  const at = `${where}: ${v.code} ${JSON.stringify(v.params)}`;
  assert.deepEqual({ message: v.message, hint: v.hint }, hindiOf(v, keys), at);
  for (const text of [v.message, v.hint]) {
    if (text === undefined) continue;
    assert.match(text, /[\u0900-\u097F]/, `${at}: ${text}`);
    assert.doesNotMatch(text, /\{[A-Za-z]+\}/, `${at}: an unfilled hole in ${text}`);
    // bad_request quotes the engine's own English detail; elsewhere no machine token.
    if (v.code !== 'bad_request') assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b/, `${at}: a machine word in ${text}`);
  }
}

const gita = (more = {}) => ({ name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000077', extension: '40', ...more });

/** Fields as a form types them, on the sample account (gita@other.in is used in another workspace): most codes of a form and their variants. */
const FIELDS = [
  ['name', ''], ['name', 'A'.repeat(101)], ['name', 'Asha\u0007'], ['name', 'Asha\u200e'], ['name', 'Asha 😀'], ['name', '\u200dAsha'],
  ['email', 'asha'], ['email', 'आशा@acme.in'], ['email', `${'a'.repeat(250)}@acme.in`], ['email', '@acme.in'],
  ['email', `${'a'.repeat(65)}@acme.in`], ['email', 'a@-acme'], ['email', 'a@acme'], ['email', 'ASHA@acme.in'],
  ['mobile', '98abc'], ['mobile', '+'], ['mobile', '12'], ['mobile', '+0123'], ['mobile', '+919800000002'],
  ['extension', '014'], ['extension', '9'], ['extension', '14'], ['role', 'boss'],
  ['schedule', 'x'.repeat(1030)], ['schedule', 'Mo,'], ['schedule', 'Mon-Fri 9-6'], ['schedule', 'Mo-Fr 09:00-18:00,'],
  ['schedule', 'Mo 09:00'], ['schedule', 'Mo 25:00-26:00'], ['schedule', 'Mo 09:00-10:00, Tu 10:00-11:00'],
  ['schedule', 'Mo 09:00-12:00 off'], ['schedule', 'PH off'], ['schedule', 'Jan Mo'], ['schedule', 'week 1-53 Mo'],
  ['schedule', 'sunrise-sunset'], ['schedule', 'Mo 09:00-10:00 || Tu'], ['schedule', 'Mo 09:00-10:00 "x"'],
  ['schedule', 'Mo 09:00-12:00,11:00-13:00'], ['schedule', 'off'], ['timeZone', 'Mars/Base'], ['departments', ['nope']],
  ['webLogin.loginId', 'ab'], ['webLogin.loginId', 'bala.iyer'], ['webLogin.allowedIps', ['nope']],
  ['webLogin.password', 'abc'], ['webLogin.password', `${'a'.repeat(200)}1`], ['webLogin.password', '12345678901'],
  ['webLogin.password', 'abcdefghijk'], ['allowedCallerIds', ['+910000']], ['pro', true], ['nosuch', 'x'],
  ['schedule', 'Mo 09:00-10:00 x'], ['schedule', 'easter'], ['email', 'gita@other.in'],
  // On the edit form of a user (the third element: its id).
  ['webLogin.password', 'bala.iyer1x', 'u2'], ['altMobile', '+919800000004', 'u4'],
];

/** Ops on the sample account: refusals of each kind, the rules of deletes, resets, imports. */
const OPS = [
  { type: 'deleteUser', actor: 'u3', target: 'u4' }, // manager: no capability
  { type: 'deleteUser', actor: 'u4', target: 'u6' }, // agent without Pro: no panel access
  { type: 'editUser', actor: 'u2', target: 'u1', patch: { name: 'X' } }, // admin on the owner
  { type: 'editUser', actor: 'u3', target: 'u4', patch: { name: 'X' } }, // manager outside Sales
  { type: 'editUser', actor: 'u3', target: 'u6', patch: { role: 'manager' } },
  { type: 'addUser', actor: 'u3', user: gita({ departments: ['support'] }) },
  { type: 'addUser', actor: 'u3', user: gita({ departments: [] }) },
  { type: 'addUser', actor: 'u2', user: gita({ role: 'owner', pro: true }) },
  { type: 'addUser', actor: 'u3', user: gita({ role: 'admin', pro: true, departments: ['sales'] }) },
  { type: 'addUser', actor: 'u1', user: gita({ role: 'manager' }) },
  { type: 'addUser', actor: 'u1', user: gita({ pro: true }) },
  { type: 'editUser', actor: 'u1', target: 'u1', patch: { role: 'admin' } },
  { type: 'deactivateUser', actor: 'u1', target: 'u1' },
  { type: 'deactivateUser', actor: 'u2', target: 'u2' },
  { type: 'deleteUser', actor: 'u1', target: 'u1' },
  { type: 'replaceUser', actor: 'u1', target: 'u1', mobile: '9800000088' },
  { type: 'reactivateUser', actor: 'u1', target: 'u1' },
  { type: 'editUser', actor: 'u1', target: 'u4', patch: { mobile: '9800000099' } },
  { type: 'editUser', actor: 'u1', target: 'u4', patch: { id: 'u9' } },
  { type: 'deleteUser', actor: 'u1', target: 'u4' },
  { type: 'deleteUser', actor: 'u1', target: 'u9' },
  { type: 'passwordReset', fromEmail: 'x@y.in', target: 'u4' },
  { type: 'seatRequest', count: 0 },
  { type: 'reachable', target: 'u5', at: '2026-12-07T10:00:00+05:30' },
  { type: 'reachable', target: 'u4', at: '2026-12-06T10:00:00+05:30' },
  { type: 'importUsers', actor: 'u1', csv: '' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email\nA,a@b.in' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension\nA,a@b.in\n' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension\n"A,a@b.in,9800000078,41\n' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension\nA"b,a@b.in,9800000078,41\n' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension,foo\nA,a@b.in,9800000078,41,x\n' },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension\nA,a@b.in,9800000078,41\nB,a@b.in,9800000078,41\n' },
  // Each action a manager lacks, or holds only within Sales (the words of {action}).
  { type: 'deactivateUser', actor: 'u3', target: 'u6' },
  { type: 'reactivateUser', actor: 'u3', target: 'u5' },
  { type: 'replaceUser', actor: 'u3', target: 'u6', mobile: '9800000088' },
  { type: 'addUser', actor: 'u3', user: gita({ departments: ['sales'], webLogin: { loginId: 'gita.nair' }, reportUsers: ['u4'] }) },
  { type: 'editUser', actor: 'u3', target: 'u6', patch: { webLogin: { password: 'farah12345x' } } },
  { type: 'addUser', actor: 'u6', user: gita() }, // a pending agent
  { type: 'replaceUser', actor: 'u4', target: 'u6', mobile: '9800000088' }, // an agent without Pro
];

/** Accounts changed from the sample, with the ops that read the rest of the words. */
const WORD_CASES = [
  // Dev Patel as an agent with Pro: the agent role lacks the capability.
  [(a) => { a.proSeats = 4; a.users[3].pro = true; }, [{ type: 'deleteUser', actor: 'u4', target: 'u6' }]],
  // Dev Patel open on one day a week, asked on Monday 7 December 2026 at noon: every day word.
  ...['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((day) => [
    (a) => { a.users[3].schedule = `${day} 09:00-10:00`; },
    [{ type: 'reachable', target: 'u4', at: '2026-12-07T12:00:00+05:30' }],
  ]),
];

/**
 * The field states of the edit form (`editableFields`) when the identity provider manages
 * every field: one `sso_managed` per field, each naming its field with the table's word.
 */
const SSO_FIELDS = ['name', 'email', 'mobile', 'altMobile', 'extension', 'role', 'pro', 'schedule', 'timeZone',
  'departments', 'webLogin', 'allowedCallerIds', 'reportUsers'];

test('every violation of the conformance cases, of typed fields and of refused ops reads as the Hindi table says', () => {
  const keys = new Set();
  let seen = 0;
  for (const [name, { request }] of cases()) {
    let engine;
    try {
      engine = new Engine(request.account, request.policy);
    } catch (e) {
      if (e?.name === 'RosterError') continue; // the account itself is refused: no table set yet
      throw e;
    }
    try {
      engine.setMessages(hi);
      if (request.externalEmails) engine.setExternalEmails(request.externalEmails);
      for (const v of engine.check(request.op).violations) assertHindi(v, name, keys), seen++;
    } finally {
      engine.free();
    }
  }
  const engine = new Engine(sample());
  engine.setMessages(hi);
  engine.setExternalEmails(['gita@other.in']);
  for (const [field, value, target] of FIELDS) {
    const out = engine.checkField(field, value, target);
    assert.ok(out.violations.length > 0, `${field} ${JSON.stringify(value)} draws a violation`);
    for (const v of out.violations) assertHindi(v, `checkField ${field}`, keys), seen++;
  }
  for (const op of OPS) {
    const out = engine.check(op);
    assert.equal(out.ok, false, `${JSON.stringify(op)} is refused`);
    for (const v of out.violations) assertHindi(v, op.type, keys), seen++;
  }
  engine.free();
  for (const [change, ops] of WORD_CASES) {
    const account = sample();
    change(account);
    const changed = new Engine(account);
    changed.setMessages(hi);
    for (const op of ops) {
      const out = changed.check(op);
      assert.equal(out.ok, false, `${JSON.stringify(op)} is refused`);
      for (const v of out.violations) assertHindi(v, op.type, keys), seen++;
    }
    changed.free();
  }
  const sso = sample();
  sso.sso = { managedFields: SSO_FIELDS };
  const managed = new Engine(sso);
  managed.setMessages(hi);
  for (const [actor, target] of [['u1', 'u2'], ['u3', 'u6']]) {
    const { fields } = managed.check({ type: 'editableFields', actor, target });
    for (const [field, state] of Object.entries(fields)) {
      if (state.editable) continue;
      assertHindi({ code: state.reason, ...state }, `editableFields ${field}`, keys), seen++;
    }
  }
  managed.free();
  const total = Object.keys(en).length;
  const words = [...keys].filter((k) => k.startsWith('@'));
  console.log(`# keys not reached here: ${Object.keys(en).filter((k) => !keys.has(k)).join(' ')}`);
  console.log(`# ${seen} violations read in Hindi, ${keys.size} of the ${total} keys of the table used (${words.length} of them words)`);
  assert.ok(keys.size > total / 2, `only ${keys.size} keys reached`);
  // Words of each namespace were read from the Hindi table, not English.
  for (const ns of ['@role.', '@action.', '@field.', '@day.']) assert.ok(words.some((k) => k.startsWith(ns)), `no ${ns} word reached`);
});
