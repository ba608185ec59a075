// RULES §2 and §8: "every address the engine accepts is also accepted by a real
// browser's `input type=email` (headless Chromium), on generated and hand-picked
// inputs." Seeded generators write a few thousand addresses (allowed and disallowed
// local-part characters, dots, plus aliases, Unicode and IDN, long labels and parts,
// hyphens at label edges, numeric TLDs, IP literals, quotes, white space, broken
// structure); each goes through engine.checkField('email', …) and through a real
// <input type=email> in Chromium (set .value, read .validity.valid), in batches in one
// page. The engine may be stricter (it is: ASCII, a dot in the domain, RFC 5321
// lengths, no white space inside); it must never accept what the browser rejects.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { Engine } from '../js/node.mjs';
import { cases, CHROMIUM, CHROMIUM_ARGS } from './helpers.mjs';
import { rng, Tally } from './differential/common.mjs';


let browser;
let page;

before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><form><input type="email" id="e"></form>');
});

after(async () => {
  await browser?.close();
});

/** Chromium's verdict on each value: { valid, value (after the input's sanitisation) }. */
async function browserVerdicts(values) {
  const out = [];
  for (let i = 0; i < values.length; i += 500) {
    out.push(...await page.evaluate((batch) => {
      const input = document.getElementById('e');
      return batch.map((v) => {
        input.value = v;
        return { valid: input.validity.valid && input.checkValidity(), value: input.value };
      });
    }, values.slice(i, i + 500)));
  }
  return out;
}

// ------------------------------------------------------------------ inputs

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SPECIAL = ".!#$%&'*+/=?^_`{|}~-";
/** Characters a local part may not have (in HTML's rule or in the engine's). */
const LOCAL_BAD = [...' "(),:;<>[]\\@\t', 'é', 'ü', 'ß', 'ñ', 'अ', 'क्ष', '中', '😀', '\u00A0', '\u200B', '\u202E', 'ａ', '＠', '\u0000', '\u000B'];
const UNICODE_LABELS = ['exämple', 'bücher', 'उदाहरण', 'भारत', '例え', 'пример', 'ﬁ', 'EXAMPLE\u0301', 'xn--bcher-kva', 'xn--h2brj9c', 'xn--'];
const TLDS = ['in', 'com', 'co.in', 'org', 'io', 'museum', 'x', 'c0m', 'xn--h2brj9c', '123', '1', 'in1'];

function label(r, n = r.weighted([[6, r.int(1, 10)], [2, r.int(11, 40)], [1, r.int(60, 66)]])) {
  let s = r.string(ALNUM, 1);
  while (s.length < n) s += r.weighted([[8, r.string(ALNUM, 1)], [1, '-']]);
  return s.slice(0, n);
}

function domain(r) {
  const labels = Array.from({ length: r.weighted([[5, 1], [3, 2], [1, 3]]) }, () => label(r).toLowerCase());
  return `${labels.join('.')}.${r.pick(TLDS)}`;
}

function local(r) {
  const n = r.weighted([[6, r.int(1, 12)], [2, r.int(13, 40)], [1, r.int(60, 68)]]);
  return r.string(r.chance(0.7) ? ALNUM + '._-' : ALNUM + SPECIAL, n);
}

/** Each generator: [category, function(r) → address]. */
const GENERATORS = [
  ['plain', (r) => `${local(r)}@${domain(r)}`],
  ['plus alias', (r) => `${r.string(ALNUM, r.int(1, 10))}+${r.string(ALNUM + '.-+', r.int(0, 8))}@${domain(r)}`],
  ['special characters', (r) => `${r.string(SPECIAL + 'ab', r.int(1, 12))}@${domain(r)}`],
  ['dots in the local part', (r) => `${r.pick(['', '.', '..'])}${r.string('ab.', r.int(1, 8))}${r.pick(['', '.', '..'])}@${domain(r)}`],
  ['a disallowed local character', (r) => {
    const l = local(r);
    const i = r.int(0, l.length);
    return `${l.slice(0, i)}${r.pick(LOCAL_BAD)}${l.slice(i)}@${domain(r)}`;
  }],
  ['Unicode / IDN domain', (r) => `${local(r)}@${r.pick(UNICODE_LABELS)}.${r.pick(['in', 'com', 'भारत', 'рф', 'xn--p1ai'])}`],
  ['Unicode local part', (r) => `${r.pick(['āsha', 'josé', 'राम', '用户', 'ǆ', 'Ａsha'])}@${domain(r)}`],
  ['hyphens at label edges', (r) => `${local(r)}@${r.pick(['-', '', ''])}${label(r, r.int(1, 8))}${r.pick(['-', '', '--'])}.${r.pick(['-in', 'in-', 'in', 'i-n'])}`],
  ['long labels', (r) => `${local(r)}@${label(r, r.pick([61, 62, 63, 64, 65, 100]))}.${r.pick(['in', label(r, 63)])}`],
  ['long local part', (r) => `${r.string(ALNUM + '.', r.pick([63, 64, 65, 66, 200]))}@${domain(r)}`],
  ['long address', (r) => {
    // Around the 254-character limit of the whole address.
    const d = `${label(r, 63)}.${label(r, 63)}.${label(r, 63)}.${label(r, r.int(40, 63))}`.toLowerCase();
    const want = r.int(250, 258);
    return `${r.string(ALNUM, Math.max(1, Math.min(64, want - 1 - d.length)))}@${d}`;
  }],
  ['numeric TLD and IP-like domain', (r) => `${local(r)}@${r.pick([
    `${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}`, `${label(r)}.${r.int(0, 999)}`, `${r.int(0, 9)}.${r.int(0, 9)}`,
  ])}`],
  ['IP literal', (r) => `${local(r)}@${r.pick(['[127.0.0.1]', '[IPv6:::1]', '[192.168.1.1]', '[IPv6:2001:db8::1]', '127.0.0.1]', '[127.0.0.1'])}`],
  ['quotes', (r) => r.pick([`"${local(r)}"@${domain(r)}`, `"${local(r)} ${local(r)}"@${domain(r)}`, `${local(r)}"x"@${domain(r)}`, `"@"@${domain(r)}`, `""@${domain(r)}`])],
  ['white space', (r) => {
    const ws = r.pick([' ', '\t', '\n', '\r', '\r\n', '\f', '\v', '\u00A0', '\u2003', '\u3000']);
    const a = `${local(r)}@${domain(r)}`;
    const i = r.int(0, a.length);
    return r.pick([`${ws}${a}`, `${a}${ws}`, `${ws}${a}${ws}`, `${a.slice(0, i)}${ws}${a.slice(i)}`]);
  }],
  ['structure', (r) => r.pick([
    local(r), `${local(r)}@`, `@${domain(r)}`, `${local(r)}@@${domain(r)}`, `${local(r)}@${local(r)}@${domain(r)}`,
    `${local(r)}@${domain(r)}.`, `${local(r)}@.${domain(r)}`, `${local(r)}@${label(r)}..${r.pick(TLDS)}`,
    `${local(r)}@${label(r)}`, `${local(r)}@${domain(r)},${local(r)}@${domain(r)}`, `Asha <${local(r)}@${domain(r)}>`,
    `mailto:${local(r)}@${domain(r)}`, `${local(r)}@${domain(r)}:25`, `${local(r)}@${label(r)}_${label(r)}.in`, '',
  ])],
  ['random characters', (r) => r.string([...ALNUM.slice(0, 6), ...'@@..-+_ "', ...SPECIAL, 'é', '\n'], r.int(0, 24))],
];

/** Hand-picked: the seeds' and the cases' addresses, and well-known edge cases. */
function handPicked() {
  const fromCases = new Set();
  for (const [, c] of cases()) {
    for (const m of JSON.stringify(c).matchAll(/"([^"\s]+@[^"\s]+)"/g)) fromCases.add(m[1]);
  }
  return [
    ...fromCases,
    // The seed articles: the support address and the typo in it.
    'support@myoperator.com', 'support@myopeartor.com', 'support@myopeartor.com.',
    // The +old alias workaround of the seeds.
    'asha+old@acme.in', 'a+old@x.in',
    // Valid by the HTML rule, rejected by the engine (stricter).
    'a@localhost', 'user@intranet', 'a@b', '1@2', 'a@123',
    // RFC 5322 allows these; HTML does not.
    '"john doe"@example.com', '"very.(),:;<>[]\\".VERY.\\"very@\\\\ \\"very\\".unusual"@strange.example.com',
    'admin@[192.168.1.1]', 'user@[IPv6:2001:db8::1]', 'john.doe(comment)@example.com',
    // HTML allows dots anywhere in the local part; RFC 5322 does not.
    '.asha@acme.in', 'asha.@acme.in', 'as..ha@acme.in', '.@acme.in',
    // Labels and hyphens.
    'a@xn--bcher-kva.ch', 'a@b-c.in', 'a@-bc.in', 'a@bc-.in', 'a@b--c.in', 'a@b.c-', `a@${'b'.repeat(63)}.in`, `a@${'b'.repeat(64)}.in`,
    // Unicode.
    'josé@acme.in', 'asha@exämple.in', 'asha@उदाहरण.भारत', 'ａsha@acme.in', 'asha＠acme.in', 'asha@acme\u3002in',
    // White space and control characters.
    ' asha@acme.in', 'asha@acme.in ', '\tasha@acme.in\n', 'asha@acme.in\r\n', 'as\nha@acme.in', 'asha@ac\rme.in',
    'asha @acme.in', 'asha@ acme.in', '\u00A0asha@acme.in', 'asha@acme.in\u200B', '\u000Basha@acme.in', 'asha@acme.in\u0000',
    // Lists and display names.
    'asha@acme.in,bala@acme.in', 'asha@acme.in, bala@acme.in', 'Asha Rao <asha@acme.in>', 'mailto:asha@acme.in',
    // Lengths at and past the limits.
    `${'a'.repeat(64)}@acme.in`, `${'a'.repeat(65)}@acme.in`,
    `${'a'.repeat(64)}@${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(57)}.in`,
    `${'a'.repeat(64)}@${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(58)}.in`,
    '', ' ', '@', 'a@', '@a.in', 'a@@b.in', 'a@b@c.in',
  ];
}

// ------------------------------------------------------------------ the test

const account = {
  plan: 'enterprise', proSeats: 1,
  users: [{ id: 'u1', name: 'Owner', email: 'owner@roster-rules.example', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active' }],
};
/** Codes of the email field rule that say "not a valid address". */
const INVALID = new Set(['email_invalid', 'required']);

test('every address the engine accepts, Chromium\'s <input type=email> accepts too', async () => {
  const r = rng(0x5eed_e3a1);
  const inputs = handPicked().map((v) => ['hand-picked', v]);
  for (let i = 0; i < 4000; i++) {
    const [category, make] = GENERATORS[i % GENERATORS.length];
    inputs.push([category, make(r)]);
  }
  const engine = new Engine(account);
  const verdicts = await browserVerdicts(inputs.map(([, v]) => v));
  assert.equal(verdicts.length, inputs.length);
  // Chromium really validates: a sanity check on both sides of its rule.
  const sanity = await browserVerdicts(['a@b.in', 'a', 'a b@c.in', '"a"@b.in']);
  assert.deepEqual(sanity.map((v) => v.valid), [true, false, false, false]);

  const outcome = new Tally('outcome (engine / Chromium)');
  const stricter = new Tally('engine rejects, Chromium accepts, by the engine\'s reason');
  const byCategory = new Tally('inputs by generator');
  const bad = [];
  inputs.forEach(([category, value], i) => {
    const out = engine.checkField('email', value);
    const codes = out.violations.map((v) => v.code);
    assert.ok(codes.every((c) => INVALID.has(c) || c === 'email_taken'), `${JSON.stringify(value)}: ${codes}`);
    const engineOk = !codes.some((c) => INVALID.has(c));
    const browserOk = verdicts[i].valid;
    byCategory.add(category);
    if (engineOk && browserOk) outcome.add('accepted by both', value);
    else if (!engineOk && !browserOk) outcome.add('rejected by both', value);
    else if (engineOk) {
      outcome.add('ENGINE ACCEPTS, CHROMIUM REJECTS', value);
      bad.push(value);
    } else {
      outcome.add('engine rejects, Chromium accepts', value);
      const v = out.violations.find((x) => INVALID.has(x.code));
      stricter.add(v.code === 'required' ? 'required (empty or blank)' : v.params.reason, value);
    }
  });
  engine.free();
  console.log([`${inputs.length} addresses compared`, byCategory.report(), outcome.report(), stricter.report()].join('\n'));
  assert.deepEqual(bad, [], 'the engine accepts addresses a browser rejects');
  // The generators reach every quadrant but the forbidden one.
  assert.ok(outcome.get('accepted by both') > 1000);
  assert.ok(outcome.get('rejected by both') > 500);
  assert.ok(outcome.get('engine rejects, Chromium accepts') > 100);
});
