// The Hindi message table (pkg/messages/hi.js) held to the English one the engine exports:
// the same keys, the same alternatives, the same {param} holes, no English left; and real
// Outcomes in Hindi once a client calls engine.setMessages(hi).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, englishMessages } from '../js/node.mjs';
import hi from '../messages/hi.js';
import { sample, cases } from './helpers.mjs';

const en = englishMessages();

/** A template as its list of alternatives (`null`: no hint of its own). */
const alternatives = (t) => (t === null || t === undefined ? null : Array.isArray(t) ? t : [t]);

/** The `{param}` holes of a template, as the engine reads them. */
const holes = (t) => new Set([...t.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]));

/**
 * Params the engine hands a client table raw, as machine words (`delete_users`,
 * `webLogin.loginId`, `no_capability`), which English alone renders as words. The Hindi
 * leaves them out ("यह", "यह फ़ील्ड"); the engine always sets them for the codes that name
 * them, so leaving them out never changes which alternative is picked.
 */
const MACHINE_WORDS = new Set(['action', 'field', 'reason']);

/**
 * What the admin types, kept as written inside Hindi text: removed before looking for
 * English words. Per key where the words would be plain English anywhere else (role values
 * in a CSV file, CSV column names).
 */
const EXAMPLES = [
  'name,email,mobile,extension,role,pro,schedule,departments',
  'name+team@company.in',
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

test('each alternative has the same {param} holes as English, machine words left out', () => {
  for (const [key, part, i, h, e] of pairs()) {
    const at = `${key}.${part}[${i}]: ${h}`;
    const hh = holes(h);
    const eh = holes(e);
    for (const name of hh) {
      assert.ok(!MACHINE_WORDS.has(name), `${at}: {${name}} would show a machine word`);
      assert.ok(eh.has(name), `${at}: {${name}} is not a hole of the English "${e}"`);
    }
    for (const name of eh) {
      assert.ok(hh.has(name) || MACHINE_WORDS.has(name), `${at}: lacks {${name}} of the English "${e}"`);
    }
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
  assert.equal(full.message, 'सभी 3 प्रो लाइसेंस इस्तेमाल में हैं।');
  assert.equal(full.hint, hi.pro_seat_limit.hint[1]);

  // A fourth seat held by Farah Ali, who never signed in (pending).
  const account = sample();
  account.proSeats = 4;
  account.users.find((u) => u.id === 'u6').pro = true;
  const idle = seatViolation(account);
  assert.equal(idle.params.inactiveProName, 'Farah Ali');
  assert.equal(idle.message, 'सभी 4 प्रो लाइसेंस इस्तेमाल में हैं।');
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

test('refusals read in Hindi without machine words: the role limit, and whom to ask by name', () => {
  const engine = new Engine(sample());
  engine.setMessages(hi);
  // Chitra Sen (manager, Sales) deletes, and adds an admin.
  const del = engine.check({ type: 'deleteUser', actor: 'u3', target: 'u4' }).violations[0];
  assert.equal(del.code, 'not_permitted');
  assert.equal(del.params.action, 'delete_users');
  assert.equal(del.message, 'manager रोल वाला यूज़र यह नहीं कर सकता।');
  assert.equal(del.hint, 'Asha Rao से कहें, वे यह कर सकते हैं।');

  const add = engine.check({
    type: 'addUser', actor: 'u3',
    user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000077', extension: '40', role: 'admin', pro: true, departments: ['sales'] },
  }).violations[0];
  assert.equal(add.code, 'role_escalation');
  assert.equal(add.message, 'मैनेजर सिर्फ़ एजेंट जोड़ और बदल सकते हैं, अपने डिपार्टमेंट में: Sales।');
  assert.equal(add.hint, 'Asha Rao से कहें, वे यह कर सकते हैं।');
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

test('every violation of the conformance cases reads in Hindi, every hole filled', () => {
  let seen = 0;
  const codesSeen = new Set();
  for (const [name, { request }] of cases()) {
    let engine;
    try {
      engine = new Engine(request.account, request.policy);
    } catch (e) {
      if (e?.name === 'RosterError') continue; // the account itself is refused: no Outcome to word
      throw e;
    }
    try {
      engine.setMessages(hi);
      if (request.externalEmails) engine.setExternalEmails(request.externalEmails);
      for (const v of engine.check(request.op).violations) {
        seen++;
        codesSeen.add(v.code);
        for (const text of [v.message, v.hint]) {
          if (text === undefined || text === null) continue;
          assert.match(text, /[\u0900-\u097F]/, `${name} ${v.code}: ${text}`);
          assert.doesNotMatch(text, /\{[A-Za-z]+\}/, `${name} ${v.code}: an unfilled hole in ${text}`);
          if (v.code !== 'bad_request') {
            // bad_request quotes the engine's own detail; elsewhere no snake_case token.
            assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b/, `${name} ${v.code}: a machine word in ${text}`);
          }
        }
      }
    } finally {
      engine.free();
    }
  }
  console.log(`# ${seen} violations of ${codesSeen.size} codes from the conformance cases, all in Hindi`);
  assert.ok(seen > 0);
});
