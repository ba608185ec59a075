// RULES §4 and §8: the schedule language against the reference implementation, the npm
// package opening_hours (opening_hours.js). Seeded generators write schedules of the
// canonical subset, friendly spellings of them, overlapping spans, rules without days
// after rules with days, out-of-subset constructs and random one-character mutations.
// For every schedule the engine accepts, the weekly table it answers (parseSchedule)
// must equal what opening_hours.js says of the same text, or of the engine's canonical
// text for friendly input (opening_hours syntax has no `9am` or `Mon to Fri`): the open
// intervals of one week to the minute, and getState() at every half hour of the week.
// A sample goes the full path through Engine.check({type: 'reachable'}), nextOpen
// included. Deliberate differences are asserted as such, with the SPEC line that
// decides them; docs/DIFFERENTIAL.md has the table.
import './differential/utc.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpeningHours from 'opening_hours';
import { Engine, parseSchedule } from '../js/node.mjs';
import { rng, Tally } from './differential/common.mjs';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
/** The week compared: Monday 30 December 2024, 00:00 UTC, running into 2025. */
const WEEK_START = Date.UTC(2024, 11, 30);
const MINUTE = 60_000;
const DAY = 1440;
const WEEK = 7 * DAY;

// ------------------------------------------------------------------ the two oracles

/** Sorted, merged [start, end) minute intervals of the week (touching ones joined). */
function merge(intervals) {
  const out = [];
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The engine's weekly table (ScheduleView.weekly) as week intervals. */
function engineWeek(view) {
  assert.equal(view.weekly.length, 7);
  return merge(view.weekly.flatMap((spans, d) => spans.map(([a, b]) => [d * DAY + minutes(a), d * DAY + minutes(b)])));
}

/** opening_hours.js, or the message it throws. */
function ohParse(text) {
  try {
    return { oh: new OpeningHours(text, null, { mode: 0 }) };
  } catch (e) {
    return { error: String(e) };
  }
}

/** What opening_hours.js says is open in the week, as week intervals. */
function ohWeek(oh) {
  const from = new Date(WEEK_START);
  const to = new Date(WEEK_START + WEEK * MINUTE);
  return merge(oh.getOpenIntervals(from, to).map(([a, b]) => [(a - WEEK_START) / MINUTE, (b - WEEK_START) / MINUTE]));
}

const isOpenIn = (week, t) => week.some(([a, b]) => a <= t && t < b);
const show = (week) => week.map(([a, b]) => `${DAYS[Math.floor(a / DAY)]}+${a % DAY}..${b}`).join(' ');

const counts = { strings: 0, ohParses: 0, intervalTables: 0, instants: 0, reachable: 0, nextOpen: 0 };

/**
 * Compares the engine's answer for `view` with opening_hours.js on `text`: the open
 * intervals to the minute, then getState() at every half hour (offset by a quarter for
 * odd `salt`). Returns null when they agree, else a description.
 */
function compare(text, view, salt) {
  const { oh, error } = ohParse(text);
  counts.ohParses++;
  if (!oh) return `opening_hours.js rejects ${JSON.stringify(text)}: ${error}`;
  const mine = engineWeek(view);
  const theirs = ohWeek(oh);
  counts.intervalTables++;
  if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
    return `${JSON.stringify(text)}: engine ${show(mine)} | opening_hours.js ${show(theirs)}`;
  }
  for (let t = salt % 2 ? 15 : 0; t < WEEK; t += 30) {
    counts.instants++;
    const state = oh.getState(new Date(WEEK_START + t * MINUTE));
    if (state !== isOpenIn(mine, t)) return `${JSON.stringify(text)} at week minute ${t}: engine ${!state}, opening_hours.js ${state}`;
  }
  return null;
}

// ------------------------------------------------------------------ the reachable op

const account = (schedule) => ({
  plan: 'enterprise',
  proSeats: 1,
  departments: [{ id: 'd', name: 'Desk', routing: 'round_robin' }],
  users: [{
    id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', extension: '10',
    role: 'owner', pro: true, status: 'active', schedule, timeZone: 'UTC', departments: ['d'],
  }],
});

/**
 * Asks Engine.check({type: 'reachable'}) of a user whose schedule is `text` at some
 * instants of the week (interval edges included) and compares `ok` with getState() and
 * `nextOpen` with getNextChange() of opening_hours.js on `ohText` (the same text, or
 * the engine's canonical text of friendly input).
 */
function compareReachable(text, ohText, r) {
  const { oh } = ohParse(ohText);
  const week = ohWeek(oh);
  const instants = [r.int(0, WEEK - 1), r.int(0, WEEK - 1)];
  for (const [a, b] of week.slice(0, 3)) instants.push(a, b - 1, b % WEEK, (a + WEEK - 1) % WEEK);
  const engine = new Engine(account(text));
  try {
    for (const t of instants) {
      const at = new Date(WEEK_START + t * MINUTE);
      const out = engine.check({ type: 'reachable', target: 'u1', at: at.toISOString() });
      counts.reachable++;
      const open = oh.getState(at);
      assert.equal(out.ok, open, `${JSON.stringify(text)} reachable at ${at.toISOString()}: ${JSON.stringify(out.violations)}`);
      if (!open) {
        assert.deepEqual(out.violations.map((v) => v.code), ['outside_schedule']);
        const next = oh.getNextChange(at);
        const nextOpen = out.violations[0].params.nextOpen;
        counts.nextOpen++;
        assert.equal(nextOpen === null ? null : Date.parse(nextOpen), next === undefined ? null : next.getTime(),
          `${JSON.stringify(text)} nextOpen after ${at.toISOString()}: engine ${nextOpen}, opening_hours.js ${next?.toISOString()}`);
      }
    }
  } finally {
    engine.free();
  }
}

// ------------------------------------------------------------------ generators

/** A time of day in minutes: mostly on the half hour or quarter, sometimes any minute. */
function time(r, lo, hi) {
  const t = r.int(lo, hi);
  return r.weighted([[5, t - (t % 30)], [3, t - (t % 15)], [2, t]]);
}

/**
 * 1–3 spans of one rule, pairwise disjoint as intervals from the day's start (an
 * overnight span reaching past 1440), by construction: each starts at or after the end
 * of the one before. [start, end) with start < 1440 and start < end <= start + 1440.
 */
function spans(r) {
  const n = r.weighted([[6, 1], [3, 2], [1, 3]]);
  const out = [];
  let cur = 0;
  for (let i = 0; i < n; i++) {
    const start = i === 0 ? time(r, 0, DAY - 1) : cur + r.weighted([[2, 0], [5, time(r, 0, 600)]]);
    if (start >= DAY) break;
    const length = Math.max(1, r.weighted([[6, time(r, 30, 600)], [2, time(r, 600, DAY)], [1, DAY], [1, r.int(1, DAY)]]));
    out.push([start, start + length]);
    cur = start + length;
  }
  return out;
}

/** Adds a span that overlaps one of `list` (it starts inside it). */
function withOverlap(r, list) {
  const [a, b] = r.pick(list);
  const start = r.int(a, Math.min(b, DAY) - 1);
  const span = [start, start + r.int(1, DAY)];
  const out = [...list];
  out.splice(r.int(0, out.length), 0, span);
  return out;
}

function days(r) {
  const n = r.weighted([[6, 1], [3, 2], [1, 3]]);
  return Array.from({ length: n }, () => {
    const first = r.int(0, 6);
    return r.chance(0.45) ? [first, first] : [first, r.int(0, 6)];
  });
}

/** A rule: { days: [[first, last]...] | null (every day), body }. */
function rule(r, { dayless = false } = {}) {
  if (dayless) return { days: null, body: { spans: spans(r) } };
  const body = r.weighted([[13, 'spans'], [3, 'allday'], [4, 'off']]);
  return { days: days(r), body: body === 'spans' ? { spans: spans(r) } : body };
}

/** A schedule of the canonical subset, as a structure the renderers write out. */
function schedule(r) {
  const whole = r.weighted([[3, '24/7'], [3, 'off'], [94, null]]);
  if (whole) return whole;
  const n = r.weighted([[4, 1], [3, 2], [2, 3], [1, 4]]);
  // Rules without days anywhere: RULES §4 (since 2026-12-04) reads them as
  // opening_hours.js does, after rules with days and after each other.
  return Array.from({ length: n }, () => rule(r, { dayless: r.chance(0.2) }));
}

// ------------------------------------------------------------------ renderers

const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The canonical-subset text of a span: an end past midnight is written as the next day's time. */
function strictSpan(r, [start, end]) {
  if (end === DAY && start > 0) return `${hhmm(start)}-${r.pick(['24:00', '00:00'])}`;
  if (end === start + DAY) return `${hhmm(start)}-${hhmm(start)}`;
  return `${hhmm(start)}-${hhmm(end % DAY)}`;
}

function strictDays(r, list) {
  return list.map(([f, l]) => (f === l && !r.chance(0.03) ? DAYS[f] : `${DAYS[f]}-${DAYS[l]}`)).join(',');
}

function strict(r, s) {
  if (typeof s === 'string') return s;
  return s.map(({ days: d, body }) => {
    const dayText = d && strictDays(r, d);
    if (body === 'allday') return dayText;
    if (body === 'off') return `${dayText} off`;
    const spanText = body.spans.map((x) => strictSpan(r, x)).join(',');
    return dayText ? `${dayText} ${spanText}` : spanText;
  }).join('; ');
}

const DAY_NAMES = [
  ['Mo', 'Mon', 'Monday'], ['Tu', 'Tue', 'Tues', 'Tuesday'], ['We', 'Wed', 'Weds', 'Wednesday'],
  ['Th', 'Thu', 'Thur', 'Thurs', 'Thursday'], ['Fr', 'Fri', 'Friday'], ['Sa', 'Sat', 'Saturday'], ['Su', 'Sun', 'Sunday'],
];
const anyCase = (r, w) => r.weighted([[6, w], [2, w.toLowerCase()], [2, w.toUpperCase()]]);
const dash = (r) => r.weighted([[4, '-'], [2, ' - '], [2, '–'], [1, ' — '], [3, ' to '], [1, ' TO ']]);

function friendlyTime(r, m, isEnd) {
  if (r.chance(0.5)) {
    // 12-hour clock: 12am is midnight (an end of 12am is the end of the day), 12pm noon.
    const h = Math.floor(m / 60) % 24;
    const mm = m % 60;
    const clock = `${h % 12 || 12}${mm || r.chance(0.3) ? `:${String(mm).padStart(2, '0')}` : ''}`;
    return `${clock}${r.pick(['', ' '])}${anyCase(r, r.pick(h < 12 ? ['am', 'a.m.'] : ['pm', 'p.m.']))}`;
  }
  if (isEnd && m === DAY) return '24:00';
  const h = Math.floor(m / 60) % 24;
  return `${r.chance(0.5) ? h : String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function friendlySpan(r, [start, end]) {
  const endText = end === start + DAY ? friendlyTime(r, start, true) : friendlyTime(r, end > DAY ? end - DAY : end, true);
  return `${friendlyTime(r, start, false)}${dash(r)}${endText}`;
}

/** The same schedule as a person might type it: day names, 12-hour times, `to`, dashes. */
function friendly(r, s) {
  if (s === '24/7') return r.pick(['24/7', 'all day', 'All Day', 'all-day', '12 am to 12 am', '12am-12am', '00:00-24:00']);
  if (s === 'off') return r.pick(['off', 'OFF', 'closed', 'Closed']);
  const sep = () => r.pick([';', '; ', ' ; ', ';  ']);
  const rules = s.map(({ days: d, body }, i) => {
    const everyDay = d && d.length === 1 && (d[0][1] + 1) % 7 === d[0][0];
    let dayText = d && d.map(([f, l]) => {
      const name = (i) => anyCase(r, r.pick(DAY_NAMES[i]));
      return f === l ? name(f) : `${name(f)}${dash(r)}${name(l)}`;
    }).join(r.pick([',', ', ', ' , ']));
    // Days naming the whole week may be left out of the first rule: a rule without days
    // covers every day. Later, a rule without days adds to what came before, where days
    // naming the whole week replace it (RULES §4): the two are not the same there.
    // (Nor before a rule without days, which would then replace it.)
    const nextDayless = i + 1 < s.length && s[i + 1].days === null;
    if (everyDay && i === 0 && !nextDayless && r.chance(0.5)) dayText = null;
    if (body === 'allday') return dayText ? `${dayText}${r.pick(['', ' all day', ' all-day', ' 24/7'])}` : r.pick(['24/7', 'all day']);
    if (body === 'off') return dayText ? `${dayText} ${r.pick(['off', 'closed', 'Off'])}` : r.pick(['off', 'closed']);
    const spanText = body.spans.map((x) => friendlySpan(r, x)).join(r.pick([',', ', ']));
    return dayText ? `${dayText}${r.pick([' ', '  '])}${spanText}` : spanText;
  });
  return `${r.pick(['', ' '])}${rules.join(sep())}${r.pick(['', '', ';', ' '])}`;
}

// ------------------------------------------------------------------ near misses

/** Constructs RULES §4 puts outside the subset: schedule_invalid with this reason. */
const OUT_OF_SUBSET = [
  ['public holidays', 'holiday', (t) => `${t}; PH off`],
  ['school holidays', 'holiday', (t) => `SH off; ${t}`],
  ['holidays in a day list', 'holiday', (t, r) => `Mo-Fr,PH ${hhmm(time(r, 0, 600))}-${hhmm(time(r, 660, 1380))}`],
  ['months', 'month', (t, r) => `${r.pick(['Jan', 'Feb', 'Dec', 'Sep'])} ${t}`],
  ['dates', 'month', (t, r) => `${r.pick(['Dec 25', 'Jan 01'])} off; ${t}`],
  ['week numbers', 'week', (t, r) => `week ${r.pick(['01-10', '1-53/2', '05'])} ${t}`],
  ['sunrise and sunset', 'solar_time', (t, r) => `${r.pick(DAYS)} ${r.pick(['sunrise', 'dawn'])}-${r.pick(['sunset', 'dusk', '18:00'])}`],
  ['sunset as an end', 'solar_time', (t, r) => `${r.pick(DAYS)} ${hhmm(time(r, 300, 900))}-sunset`],
  ['an end past 24:00', 'time_out_of_range', (t, r) => `${r.pick(DAYS)} ${hhmm(time(r, 600, 1380))}-${r.pick(['24:30', '25:00', '26:00', '30:00', '47:59'])}`],
  ['fallback rules (||)', 'fallback', (t) => `${t} || Tu off`],
  ['comments', 'comment', (t) => `${t} "by appointment"`],
  ['rules joined by a comma', 'rule_comma', (t, r) => `Mo-Fr 09:00-18:00, ${r.pick(['Sa', 'Su'])} 10:00-14:00`],
  ['time-specific off', 'time_specific_off', (t, r) => `Mo-Fr 09:00-18:00; ${r.pick(DAYS)} ${hhmm(time(r, 0, 600))}-${hhmm(time(r, 660, 1380))} off`],
  ['open ends (+)', 'unsupported', (t, r) => `${r.pick(DAYS)} ${hhmm(time(r, 0, 1380))}+`],
  ['years', 'unsupported', (t) => `2025 ${t}`],
  ['nth weekday ([1])', 'unsupported', (t, r) => `${r.pick(DAYS)}[${r.pick(['1', '-1', '2'])}] 10:00-12:00`],
  ['open / unknown keywords', 'unsupported', (t, r) => r.pick(['open', 'unknown', `Mo 10:00-12:00 open`, `Mo-Fr unknown`])],
];

/** Syntax errors of the subset (the engine must reject them). */
const SYNTAX_ERRORS = [
  ['start hour 24 or more', (r) => `${r.pick(DAYS)} ${r.pick(['24', '25', '29', '99'])}:${r.pick(['00', '30'])}-${hhmm(time(r, 0, 1380))}`],
  ['minutes 60 or more', (r) => `${r.pick(DAYS)} 10:${r.pick(['60', '75', '99'])}-12:00`],
  ['a start without an end', (r) => `${r.pick(DAYS)} ${hhmm(time(r, 0, 1380))}`],
  ['an end without a start', (r) => `${r.pick(DAYS)} -${hhmm(time(r, 0, 1380))}`],
  ['a dangling dash', (r) => `${r.pick(DAYS)} ${hhmm(time(r, 0, 1380))}-`],
  ['a dangling day dash', (r) => `${r.pick(DAYS)}- 10:00-12:00`],
  ['a dangling day comma', (r) => `${r.pick(DAYS)}, 10:00-12:00`],
  ['an unknown day', (r) => `${r.pick(['Mx', 'Xy', 'Sn', 'Mn'])} 10:00-12:00`],
  ['two times without a dash', (r) => `${r.pick(DAYS)} 10:00 12:00`],
  ['the empty text', (r) => r.pick(['', ' ', ';'])],
];

/** Not in the subset's grammar nor in its friendly forms, though opening_hours.js reads them. */
const TOLERATED_ELSEWHERE = [
  ['hours without minutes (9-17)', (r) => `${r.pick(DAYS)} ${r.int(0, 11)}-${r.int(13, 23)}`],
  ['one-digit minutes (9:5)', (r) => `${r.pick(DAYS)} 9:${r.int(0, 9)}-17:00`],
  ['no space after the days', (r) => `${r.pick(DAYS)}${hhmm(time(r, 0, 600))}-${hhmm(time(r, 660, 1380))}`],
  ['an empty rule (;;)', (r) => `Mo-Fr 10:00-12:00;; ${r.pick(DAYS)} off`],
  ['days after the times', (r) => `Mo 10:00-12:00 ${r.pick(['Tu', 'We-Fr'])}`],
];

/** One or two random character edits of a canonical text. */
function mutate(r, text) {
  const alphabet = [...'0123456789:-,; MoTuWeThFrSaSu+/|"PHoff'];
  let s = [...text];
  for (let k = r.int(1, 2); k > 0; k--) {
    const i = r.int(0, s.length);
    const op = r.int(0, 3);
    if (op === 0 && s.length) s.splice(Math.min(i, s.length - 1), 1);
    else if (op === 1) s.splice(i, 0, r.pick(alphabet));
    else if (op === 2 && s.length) s[Math.min(i, s.length - 1)] = r.pick(alphabet);
    else if (s.length > 1) {
      const j = Math.min(i, s.length - 2);
      [s[j], s[j + 1]] = [s[j + 1], s[j]];
    }
  }
  return s.join('');
}

// ------------------------------------------------------------------ the tests

const SEED = 20250105;
const SUMMARY = [];

test('canonical-subset schedules: the same accept and the same open hours as opening_hours.js', () => {
  const r = rng(SEED);
  const tally = new Tally('canonical subset');
  const failures = [];
  let reachableSample = 0;
  for (let i = 0; i < 2400; i++) {
    const structure = schedule(r);
    const text = strict(r, structure);
    const out = parseSchedule(text);
    counts.strings++;
    if (!out.ok) {
      failures.push(`engine rejects ${JSON.stringify(text)}: ${JSON.stringify(out.violations)}`);
      continue;
    }
    const diff = compare(text, out.schedule, i);
    if (diff) failures.push(diff);
    // The canonical text means the same, to the engine and to opening_hours.js.
    if (out.schedule.canonical !== text) {
      const again = parseSchedule(out.schedule.canonical);
      assert.equal(again.schedule?.canonical, out.schedule.canonical, `canonical of ${JSON.stringify(text)} is stable`);
      const d2 = compare(out.schedule.canonical, out.schedule, i + 1);
      if (d2) failures.push(`canonical of ${JSON.stringify(text)}: ${d2}`);
    }
    tally.add(typeof structure === 'string' ? structure : `${structure.length} rule(s)`, text);
    if (i % 12 === 0 && !diff) {
      compareReachable(text, text, r);
      reachableSample++;
    }
  }
  SUMMARY.push(tally.report(), `  (${reachableSample} of them also through Engine.check reachable)`);
  assert.deepEqual(failures.slice(0, 20), []);
});

test('friendly input: the engine canonical text means what the strict text means', () => {
  const r = rng(SEED + 1);
  const tally = new Tally('friendly spellings');
  const failures = [];
  for (let i = 0; i < 900; i++) {
    const structure = schedule(r);
    const text = strict(r, structure);
    const typed = friendly(r, structure);
    const want = parseSchedule(text);
    const got = parseSchedule(typed);
    counts.strings++;
    if (!got.ok) {
      failures.push(`engine rejects friendly ${JSON.stringify(typed)} (for ${JSON.stringify(text)}): ${JSON.stringify(got.violations)}`);
      continue;
    }
    // opening_hours.js reads the engine's canonical text of the typed input ...
    const diff = compare(got.schedule.canonical, got.schedule, i);
    if (diff) failures.push(`friendly ${JSON.stringify(typed)}: ${diff}`);
    // ... and the strict text of the same structure (compared with opening_hours.js in
    // the test above) gives the same weekly table.
    assert.deepEqual(got.schedule.weekly, want.schedule.weekly, `${JSON.stringify(typed)} vs ${JSON.stringify(text)}`);
    // Not compared, only counted: opening_hours.js on the typed text itself.
    const raw = ohParse(typed).oh;
    const same = raw && JSON.stringify(ohWeek(raw)) === JSON.stringify(engineWeek(got.schedule));
    tally.add(!raw ? 'typed text rejected by opening_hours.js' : `typed text read by opening_hours.js, ${same ? 'same' : 'other'} hours`, typed);
    if (i % 10 === 0 && !diff) compareReachable(typed, got.schedule.canonical, r);
  }
  SUMMARY.push(tally.report());
  assert.deepEqual(failures.slice(0, 20), []);
});

test('known difference (b): overlapping spans of one rule', () => {
  // RULES §4: "Two spans of one rule that overlap are an error (`schedule_overlap`); the
  // panel rejects overlapping slots." opening_hours.js accepts them and joins them.
  const r = rng(SEED + 2);
  let n = 0;
  for (let i = 0; i < 300; i++) {
    const d = days(r);
    const list = withOverlap(r, spans(r));
    const text = `${strictDays(r, d)} ${r.shuffle(list).map((x) => strictSpan(r, x)).join(',')}`;
    const prefix = r.chance(0.3) ? 'Sa 10:00-14:00; ' : '';
    const out = parseSchedule(prefix + text);
    counts.strings++;
    assert.deepEqual(out.violations.map((v) => v.code), ['schedule_overlap'], prefix + text);
    assert.ok(ohParse(prefix + text).oh, `opening_hours.js accepts ${prefix + text}`);
    n++;
  }
  SUMMARY.push(`known difference (b), overlapping spans: ${n} strings, schedule_overlap from the engine, accepted by opening_hours.js`);
});

test('rules without days after rules with days: read as opening_hours.js reads them', () => {
  // RULES §4 (changed 2026-12-04): a rule without days adds its spans to what the rules
  // before it say; after another rule without days it replaces everything before it.
  // Until then this was known difference (a); now the two must agree.
  const r = rng(SEED + 3);
  const total = 300;
  for (let i = 0; i < total; i++) {
    const before = Array.from({ length: r.int(1, 2) }, () => ({ ...rule(r), body: { spans: spans(r) } }));
    const rest = [rule(r, { dayless: true }), ...Array.from({ length: r.int(0, 2) }, () => rule(r, { dayless: r.chance(0.5) }))];
    const text = `${strict(r, before)}; ${strict(r, rest)}`;
    const out = parseSchedule(text);
    counts.strings++;
    if (!out.ok) {
      assert.deepEqual(out.violations.map((v) => v.code), ['schedule_overlap'], text);
      continue;
    }
    assert.equal(compare(text, out.schedule, i), null, text);
  }
  // The SPEC's own examples.
  const out = parseSchedule('Mo-Fr 09:00-12:00; 14:00-16:00');
  assert.deepEqual(out.schedule.weekly[0], [['09:00', '12:00'], ['14:00', '16:00']]);
  assert.deepEqual(out.schedule.weekly[5], [['14:00', '16:00']]);
  assert.equal(compare('Mo 10:00-12:00; 09:00-10:00', parseSchedule('Mo 10:00-12:00; 09:00-10:00').schedule, 0), null);
  SUMMARY.push(`rules without days after rules with days: ${total} strings, opening_hours.js agrees on each`);
});

test('known difference (c): the panel default "12 am to 12 am" is all day', () => {
  // RULES §4: "Friendly input is accepted and normalised to the canonical form: `12 am to
  // 12 am` and `all day` → `24/7`" (the seed's default schedule, "all day and from 12 am
  // to 12 am"). opening_hours.js reads `12am-12am` as `0-0`, never open. Friendly text
  // is not opening_hours syntax; the canonical `24/7` is, and both read it the same.
  for (const text of ['12 am to 12 am', '12am-12am', '12 AM - 12 AM']) {
    const out = parseSchedule(text);
    assert.equal(out.schedule.canonical, '24/7', text);
    assert.equal(compare('24/7', out.schedule, 0), null);
    const oh = ohParse(text).oh;
    assert.ok(oh, text);
    assert.deepEqual(ohWeek(oh), [], `opening_hours.js on ${text}`);
    counts.strings++;
  }
});

test('outside the subset: the engine rejects, with the reason RULES §4 names', () => {
  // RULES §4: "Not in the subset (rejected with `schedule_invalid`): public holidays,
  // months, weeks, sunrise, ends past 24:00, `||`, comments, additional rules joined by
  // `, `, time-specific `off`." All are opening_hours syntax that opening_hours.js reads.
  const r = rng(SEED + 4);
  const tally = new Tally('outside the subset (engine schedule_invalid / opening_hours.js)');
  for (let i = 0; i < 340; i++) {
    const [name, reason, make] = OUT_OF_SUBSET[i % OUT_OF_SUBSET.length];
    const base = strict(r, Array.from({ length: r.int(1, 2) }, () => rule(r)));
    const text = make(base, r);
    const out = parseSchedule(text);
    counts.strings++;
    assert.deepEqual(out.violations.map((v) => [v.code, v.params.reason]), [['schedule_invalid', reason]], `${name}: ${text}`);
    const oh = ohParse(text);
    counts.ohParses++;
    tally.add(`${name}: opening_hours.js ${oh.oh ? 'accepts' : 'rejects'}`, text);
    assert.ok(oh.oh, `opening_hours.js reads ${JSON.stringify(text)}: ${oh.error}`);
  }
  SUMMARY.push(tally.report());
});

test('syntax errors: both reject; forms only opening_hours.js tolerates: the engine rejects', () => {
  const r = rng(SEED + 5);
  const tally = new Tally('near misses (engine / opening_hours.js)');
  const groups = [
    [SYNTAX_ERRORS, 300, 'syntax error'],
    [TOLERATED_ELSEWHERE, 150, 'not in the grammar'],
  ];
  for (const [kinds, n, label] of groups) {
    for (let i = 0; i < n; i++) {
      const [name, make] = kinds[i % kinds.length];
      const text = make(r);
      const out = parseSchedule(text);
      counts.strings++;
      assert.deepEqual(out.violations.map((v) => v.code), ['schedule_invalid'], `${name}: ${text}`);
      const oh = ohParse(text);
      counts.ohParses++;
      tally.add(`${label}, ${name}: opening_hours.js ${oh.oh ? 'accepts' : 'rejects'}`, text);
    }
  }
  SUMMARY.push(tally.report());
});

test('random edits of canonical text: whatever the engine accepts, opening_hours.js reads the same', () => {
  const r = rng(SEED + 6);
  const tally = new Tally('random one- or two-character edits (engine / opening_hours.js on the text)');
  const failures = [];
  for (let i = 0; i < 900; i++) {
    const text = mutate(r, strict(r, schedule(r)));
    const out = parseSchedule(text);
    const oh = ohParse(text);
    counts.strings++;
    counts.ohParses++;
    let key = `engine ${out.ok ? 'accepts' : out.violations[0].code}, opening_hours.js ${oh.oh ? 'accepts' : 'rejects'}`;
    if (out.ok) {
      const diff = compare(out.schedule.canonical, out.schedule, i);
      if (diff) failures.push(`canonical of ${JSON.stringify(text)}: ${diff}`);
      if (oh.oh) {
        const same = JSON.stringify(ohWeek(oh.oh)) === JSON.stringify(engineWeek(out.schedule));
        if (!same) key += ', different hours';
      }
    } else if (oh.oh) {
      key += ` (${out.violations[0].params.reason ?? 'overlap'})`;
    }
    tally.add(key, text);
  }
  SUMMARY.push(tally.report());
  assert.deepEqual(failures.slice(0, 20), []);
  // Where both read an edited text, they read the same hours.
  assert.deepEqual([...tally.counts.keys()].filter((k) => k.endsWith('different hours')), []);
});

test('summary', () => {
  SUMMARY.push(`compared: ${counts.strings} schedule strings; ${counts.ohParses} opening_hours.js parses; ` +
    `${counts.intervalTables} weekly tables to the minute; ${counts.instants} instants (getState); ` +
    `${counts.reachable} reachable checks through Engine.check, ${counts.nextOpen} with nextOpen vs getNextChange`);
  console.log(SUMMARY.join('\n'));
  assert.ok(counts.instants > 500_000);
});
