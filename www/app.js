// The Users screen: UI glue around the roster-rules web build. Every verdict, message and
// hint (field errors, permissions, read-only reasons, schedules, plans, capability rows)
// comes from the engine; this file lays out the fields and renders the engine's answers.
import init, { Engine, parseSchedule, capabilityNames, roleNames, permissionCodes } from '../pkg/js/browser.js';

// ---------------------------------------------------------------- DOM helpers
const $ = (sel, el = document) => el.querySelector(sel);
const byId = (id) => document.getElementById(id);

/** `h('input', { id, value, onclick }, ...children)`; null/false attributes are left out. */
function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) if (kid != null && kid !== false) el.append(kid);
  return el;
}

const words = (code) => code.replace(/_/g, ' ');
const fullText = (v) => (v.message ?? '') + (v.hint ? ` ${v.hint}` : '');
const errorsOf = (out) => out.violations.filter((v) => v.severity === 'error');

/** Replaces `el`'s children with `build()` unless `sig` says they are the same already: no
 * DOM work, and a live region does not announce an unchanged message again per keystroke. */
function rewrite(el, sig, build) {
  if (el.dataset.sig === sig) return false;
  el.dataset.sig = sig;
  el.replaceChildren(...build());
  return true;
}
const sigOf = (violations) => JSON.stringify(violations.map((v) => [v.code, v.field, v.message, v.hint, v.params?.suggestion]));

// ---------------------------------------------------------------- layout (no rules here)
// Which fields each form shows, in what order, with what control. The JSON shape a
// control reads is the one engine.checkField and the ops take (see readValue).
// The engine's lists, read once `init()` has loaded it (see main).
let ROLES = [];
const FIELDS = {
  name: { label: 'Name', kind: 'text' },
  email: { label: 'Email', kind: 'text', type: 'email' },
  mobile: { label: 'Mobile', kind: 'text', inputmode: 'tel' },
  altMobile: { label: 'Alternative mobile', kind: 'optional', inputmode: 'tel' },
  extension: { label: 'Extension', kind: 'text', inputmode: 'numeric' },
  role: { label: 'Role', kind: 'role' },
  pro: { label: 'Pro licence', kind: 'bool' },
  schedule: { label: 'Call-receiving schedule', kind: 'text', wide: true, placeholder: '24/7, or Mon-Fri 9:30 am to 6 pm' },
  timeZone: { label: 'Time zone', kind: 'optional', list: 'tz-list' },
  departments: { label: 'Departments', kind: 'checks', wide: true },
  // `state`: the editableFields entry that governs the field (webLogin.* share one).
  'webLogin.loginId': { label: 'Login id', kind: 'text', state: 'webLogin' },
  'webLogin.password': { label: 'New password', kind: 'password' },
  'webLogin.allowedIps': { label: 'Allowed IP addresses', kind: 'list', state: 'webLogin', wide: true,
    help: 'Addresses or CIDR blocks, one per line or separated by commas; empty allows every address.' },
  allowedCallerIds: { label: 'Caller ids for outgoing calls', kind: 'checks', wide: true },
  reportUsers: { label: 'Sees the call records of', kind: 'list', wide: true, help: 'User ids, separated by commas.' },
};
const ADD_FIELDS = ['name', 'email', 'mobile', 'extension', 'role', 'pro', 'schedule', 'departments'];
const EDIT_GROUPS = [
  { fields: ['name', 'email', 'mobile', 'altMobile'] },
  { legend: 'Calls', fields: ['extension', 'timeZone', 'role', 'pro', 'schedule', 'departments'] },
  { legend: 'Panel login and call permissions', details: true,
    fields: ['webLogin.loginId', 'webLogin.password', 'webLogin.allowedIps', 'allowedCallerIds', 'reportUsers'] },
];
const EDIT_FIELDS = EDIT_GROUPS.flatMap((g) => g.fields);
const MAX_ROWS = 200;
const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
// SPEC §5: these codes end a check ("a user who may not act learns nothing about the
// data"), so the other fields' messages are left as they are. From the engine (main).
let ENDS_CHECK = new Set();
const SSO_FIELDS = ['name', 'email'];

// ---------------------------------------------------------------- latency probe
// Keystroke in a text field → its message and the form's verdict rendered. `sync`: after
// the DOM writes; `frame`: at the next animation frame. Read by the e2e measurement.
window.latency = [];
let keyAt = null;
document.addEventListener('keydown', (e) => {
  if (e.target.matches?.('input, textarea')) keyAt = performance.now();
}, true);
// A keystroke that rendered nothing (a field without a probe) must not time a later click.
document.addEventListener('keyup', () => { keyAt = null; }, true);
function markRendered() {
  if (keyAt == null) return;
  const t0 = keyAt;
  keyAt = null;
  const sync = performance.now() - t0;
  requestAnimationFrame(() => window.latency.push({ sync, frame: performance.now() - t0 }));
}

// ---------------------------------------------------------------- engine and account
let engine;
let account;
let usersById = new Map();
let actor;
let selected = null;

/** `?users=N`: a generated account of N users (the 10k measurement), departments from the sample. */
function generatedAccount(base, n) {
  const roles = ['owner', 'admin', 'manager'];
  const depts = (base.departments ?? []).map((d) => d.id);
  return {
    ...base,
    plan: 'enterprise',
    proSeats: 10,
    extensionRange: { from: 1000, to: 99999 },
    users: Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      return {
        id: `u${i}`, name: `User ${i}`, email: `user${i}@big.in`,
        mobile: `+9198${String(i).padStart(8, '0')}`, extension: String(1000 + i),
        role: roles[k] ?? 'agent', pro: k < 3, status: 'active',
        schedule: k % 2 ? 'Mo-Fr 09:00-18:00' : '24/7',
        departments: depts.length ? [depts[k % depts.length]] : [],
      };
    }),
  };
}

/** (Re)builds the engine over `acc`; the old one's wasm memory is freed. */
function buildEngine(acc) {
  const t0 = performance.now();
  const next = new Engine(acc);
  window.engineBuildMs = performance.now() - t0;
  engine?.free();
  engine = next;
  refreshAccount();
}

function refreshAccount() {
  account = engine.account();
  usersById = new Map(account.users.map((u) => [u.id, u]));
}

/** The line under the header (sticky, so a phone sees the result of what it just did).
 * Empty, it collapses but stays in the accessibility tree, so the live region is heard. */
function status(text, kind = 'info') {
  byId('status').textContent = text;
  byId('status-bar').dataset.kind = kind;
  byId('status-bar').classList.toggle('empty', !text);
  byId('status-dismiss').hidden = !text;
}

/** Applies `op`; on success re-renders everything. `done(out)` words the success. */
function runOp(op, label, done = null) {
  const out = engine.apply(op);
  if (out.ok) {
    refreshAccount();
    renderAll();
    const effects = out.effects.length ? ` (${out.effects.map(words).join(', ')})` : '';
    status(`${label}: ${done ? done(out) : 'done.'}${effects}`, 'ok');
  } else {
    status(`${label}: ${errorsOf(out).map(fullText).join(' ')}`, 'error');
  }
  return out;
}

// ---------------------------------------------------------------- fields: build and read
const domId = (prefix, key) => `${prefix}-${key.replace('.', '-')}`;

/** The options of a checkbox group: account data, plus any stored value not among them. */
function choices(key, chosen) {
  const opts = key === 'departments'
    ? (account.departments ?? []).map((d) => [d.id, d.name])
    : (account.callerIds ?? []).map((n) => [n, n]);
  for (const v of chosen) if (!opts.some(([id]) => id === v)) opts.push([v, v]);
  return opts;
}

/** The control of `key` showing `value` (in readValue's shape). */
function control(prefix, key, value, readOnly, describedBy) {
  const spec = FIELDS[key];
  const id = domId(prefix, key);
  // A checkbox group is described on its fieldset (see fieldBox).
  const common = { id, 'data-field': key, 'aria-describedby': spec.kind === 'checks' ? null : describedBy };
  switch (spec.kind) {
    case 'bool':
      return h('label', { class: 'check-line' },
        h('input', { ...common, type: 'checkbox', checked: value, disabled: readOnly }), ` ${spec.label}`);
    case 'role':
      return h('select', { ...common, disabled: readOnly },
        ROLES.map((r) => h('option', { value: r, selected: r === value, text: r })));
    case 'checks': {
      const opts = choices(key, value);
      return h('div', { ...common, class: 'checks' }, opts.length
        ? opts.map(([v, text]) => h('label', {}, h('input', { type: 'checkbox', value: v, checked: value.includes(v), disabled: readOnly }), ` ${text}`))
        : h('span', { class: 'muted', text: 'None in this account.' }));
    }
    case 'list':
      return h('textarea', { ...common, rows: 2, readonly: readOnly, autocomplete: 'off', spellcheck: 'false', text: value.join(', ') });
    case 'password':
      return h('input', { ...common, type: 'password', autocomplete: 'new-password', readonly: readOnly, value });
    default:
      return h('input', {
        ...common, type: spec.type ?? 'text', value: value ?? '', readonly: readOnly, autocomplete: 'off',
        spellcheck: 'false', inputmode: spec.inputmode, list: spec.list,
        placeholder: key === 'timeZone' ? account.timeZone : spec.placeholder,
      });
  }
}

/** A field: label, control, help, and either the read-only reason or the message box. */
function fieldBox(prefix, key, value, { readOnly = null, sharedNote = null } = {}) {
  const spec = FIELDS[key];
  const id = domId(prefix, key);
  const help = spec.help ? h('div', { class: 'help', id: `${id}-help`, text: spec.help }) : null;
  const ownReason = readOnly && !sharedNote;
  const describedBy = [help && `${id}-help`, readOnly ? (sharedNote ?? `${id}-reason`) : `${id}-msg`].filter(Boolean).join(' ');
  const ctl = control(prefix, key, value, !!readOnly, describedBy);
  const group = spec.kind === 'checks';
  const label = spec.kind === 'bool' ? null
    : group ? h('legend', { text: spec.label }) : h('label', { for: id, text: spec.label });
  return h(group ? 'fieldset' : 'div', {
    class: `field${spec.wide ? ' wide' : ''}${readOnly ? ' ro' : ''}${spec.kind === 'bool' ? ' bool' : ''}`,
    'data-key': key, 'aria-describedby': group ? describedBy : null,
  },
  label, ctl, help,
  ownReason ? reasonNote(`${id}-reason`, readOnly, `${id}-reason`) : null,
  readOnly ? null : h('div', { class: 'msg', id: `${id}-msg`, 'aria-live': 'polite' }));
}

/** A read-only field's reason: the FieldState's own message and hint. */
function reasonNote(id, st, testId) {
  return h('div', { class: 'reason', id, 'data-reason': st.reason ?? '', 'data-testid': testId },
    h('strong', { text: 'Read-only: ' }), st.message ?? '', st.hint ? h('span', { class: 'hint', text: ` ${st.hint}` }) : null);
}

/** The value of a control, in the JSON shape engine.checkField and the ops take. */
function readValue(prefix, key) {
  const el = byId(domId(prefix, key));
  switch (FIELDS[key].kind) {
    case 'bool': return el.checked;
    case 'checks': return [...el.querySelectorAll('input:checked')].map((i) => i.value);
    case 'list': return el.value.split(/[\s,;]+/).filter(Boolean);
    case 'optional': return el.value.trim() === '' ? null : el.value;
    default: return el.value;
  }
}

/** A stored user's value of `key`, in readValue's shape. */
function storedValue(u, key) {
  const kind = FIELDS[key].kind;
  if (key === 'webLogin.loginId') return u.webLogin?.loginId ?? '';
  if (key === 'webLogin.allowedIps') return u.webLogin?.allowedIps ?? [];
  if (key === 'webLogin.password') return '';
  if (kind === 'optional') return u[key] ?? null;
  if (kind === 'checks' || kind === 'list') return u[key] ?? [];
  return u[key];
}

const sameValue = (key, a, b) => FIELDS[key].kind === 'checks'
  ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
  : JSON.stringify(a) === JSON.stringify(b);

/** The form field a violation's path belongs to: `webLogin.allowedIps[1]` → `webLogin.allowedIps`. */
function formKey(path) {
  const p = path.replace(/\[\d+\]$/, '');
  return p === 'webLogin' ? 'webLogin.loginId' : p;
}

// ---------------------------------------------------------------- messages
/** One violation: message, hint, the suggested value as a button, the schedule error's place. */
function violationLine(v, { suggest, testId, source } = {}) {
  const line = h('div', { class: `v ${v.severity}`, 'data-code': v.code },
    h('span', { class: 'm', text: v.message }),
    v.hint ? [' ', h('span', { class: 'hint', text: v.hint })] : null);
  if (v.params?.suggestion != null && suggest) {
    const s = String(v.params.suggestion);
    line.append(' ', h('button', { type: 'button', class: 'suggest', 'data-testid': testId, onclick: () => suggest(s), text: `Use ${s}` }));
  }
  if (source != null && typeof v.params?.offset === 'number') line.append(offsetMark(source, v.params.offset));
  return line;
}

/** The text with the character at `offset` (in code points, as the engine counts) marked. */
function offsetMark(text, offset) {
  const cs = [...text];
  return h('code', { class: 'at', 'aria-hidden': 'true' },
    cs.slice(0, offset).join(''), h('mark', { text: cs[offset] ?? ' ' }), cs.slice(offset + 1).join(''));
}

/** Shows `violations` (all at field `key`) in its message box and sets aria-invalid. */
function showViolations(prefix, key, violations) {
  const id = domId(prefix, key);
  const msg = byId(`${id}-msg`);
  const ctl = byId(id);
  if (!msg || !ctl) return;
  const list = [...violations.filter((v) => v.severity === 'error'), ...violations.filter((v) => v.severity !== 'error')];
  const invalid = list.some((v) => v.severity === 'error');
  for (const el of ctl.matches('input, select, textarea') ? [ctl] : ctl.querySelectorAll('input')) {
    if (invalid) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
  }
  const suggest = (s) => {
    ctl.value = s;
    ctl.focus();
    ctl.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const source = key === 'schedule' ? ctl.value : null;
  const sig = JSON.stringify([source, sigOf(list)]);
  if (!rewrite(msg, sig, () => list.map((v) => violationLine(v, { suggest, testId: `${id}-suggest`, source })))) return;
  msg.dataset.code = list.map((v) => v.code).join(' ');
  msg.className = `msg ${invalid ? 'error' : list.length ? 'warning' : ''}`;
  if (invalid) ctl.closest('details')?.setAttribute('open', '');
}

/**
 * Spreads a whole-form check over the form: each violation at its field when that field
 * is in `shown`. Returns `rest`, the others (no field, or a field not shown) for the form
 * message, and `left`, the shown fields it said nothing about: after a check that ended on
 * a permission code only that violation's field is touched, and a field the user is typing
 * in is then checked on its own (`checkField`).
 */
function showFormCheck(prefix, out, shown) {
  const ended = out.violations.some((v) => ENDS_CHECK.has(v.code));
  const at = new Map();
  const rest = [];
  for (const v of out.violations) {
    const key = v.field ? formKey(v.field) : null;
    if (key && shown.has(key) && byId(`${domId(prefix, key)}-msg`)) {
      if (!at.has(key)) at.set(key, []);
      at.get(key).push(v);
    } else rest.push(v);
  }
  for (const key of ended ? at.keys() : shown) showViolations(prefix, key, at.get(key) ?? []);
  const left = ended ? [...shown].filter((key) => !at.has(key)) : [];
  return { rest, left };
}

// ---------------------------------------------------------------- schedule: canonical form and week
const toMin = (hm) => { const [a, b] = hm.split(':').map(Number); return a * 60 + b; };

function weekSvg(weekly) {
  const NS = 'http://www.w3.org/2000/svg';
  const lw = 26; const hw = 12; const rh = 16; const W = lw + 24 * hw + 4; const H = 7 * rh + 14;
  const svg = document.createElementNS(NS, 'svg');
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${W} ${H}`, class: 'week', role: 'img', 'data-testid': 'week' })) svg.setAttribute(k, v);
  const said = [];
  weekly.forEach((spans, d) => {
    const y = d * rh;
    svg.append(el('rect', { x: lw, y: y + 2, width: 24 * hw, height: rh - 4, rx: 2, class: 'closed' }),
      el('text', { x: 2, y: y + rh - 4, class: 'day' }, DAYS[d]));
    for (const [a, b] of spans) {
      const x0 = lw + (toMin(a) / 60) * hw;
      const x1 = lw + (toMin(b) / 60) * hw;
      const r = el('rect', { x: x0, y: y + 2, width: Math.max(1, x1 - x0), height: rh - 4, class: 'open', 'data-day': d, 'data-span': `${a}-${b}` });
      r.append(el('title', {}, `${DAYS[d]} ${a}–${b}`));
      svg.append(r);
    }
    said.push(`${DAYS[d]} ${spans.length ? spans.map(([a, b]) => `${a}–${b}`).join(', ') : 'closed'}`);
  });
  for (const hr of [0, 6, 12, 18, 24]) {
    svg.append(el('line', { x1: lw + hr * hw, x2: lw + hr * hw, y1: 0, y2: 7 * rh, class: 'tick' }),
      el('text', { x: lw + hr * hw, y: H - 2, class: 'hour', 'text-anchor': hr === 24 ? 'end' : hr ? 'middle' : 'start' }, `${hr}h`));
  }
  svg.setAttribute('aria-label', `Open hours: ${said.join('; ')}`);
  return svg;
}

/** The canonical form and week of `text`; of `fallback` (the engine's normalised value) when empty. */
function renderScheduleView(prefix, text, fallback) {
  const box = byId(`${prefix}-schedule-view`);
  const empty = text.trim() === '';
  const src = empty ? fallback ?? '' : text;
  if (!box || box.dataset.src === `${empty}|${src}`) return; // drawn already
  box.dataset.src = `${empty}|${src}`;
  box.replaceChildren();
  const out = parseSchedule(src);
  if (!out.ok || !out.schedule) return; // the field's message says why
  box.append(
    h('div', { class: 'canonical' }, empty ? 'Left empty, stored as ' : 'Canonical form: ',
      h('code', { 'data-testid': 'canonical', text: out.schedule.canonical })),
    weekSvg(out.schedule.weekly));
}

// ---------------------------------------------------------------- header: summary, actor, capabilities
function renderSummary() {
  const r = account.extensionRange;
  const sso = account.sso?.managedFields?.length ? `SSO manages ${account.sso.managedFields.join(', ')}` : null;
  byId('account-summary').textContent = [`Plan ${account.plan}`, `${account.users.length} users`,
    `${account.proSeats ?? 0} Pro seats`, r ? `extensions ${r.from}–${r.to}` : null, sso].filter(Boolean).join(' · ');
}

/** One user of each role to act as (the first active one, else the first). */
function renderActorOptions() {
  const picks = [];
  for (const role of ROLES.slice().reverse()) {
    const ofRole = account.users.filter((u) => u.role === role);
    const u = ofRole.find((x) => x.status === 'active') ?? ofRole[0];
    if (u) picks.push(u);
  }
  const sel = byId('actor');
  sel.replaceChildren(...picks.map((u) => h('option', { value: u.id, text: `${u.name} (${u.role}, ${u.id})` })));
  if (!picks.some((u) => u.id === actor)) actor = picks[0]?.id;
  sel.value = actor;
}

function renderCaps() {
  const caps = engine.capabilities(actor) ?? {};
  byId('caps-actor').textContent = usersById.get(actor)?.name ?? actor;
  $('#caps tbody').replaceChildren(...capabilityNames().map((c) => h('tr', { 'data-cap': c, class: caps[c] ? 'yes' : 'no' },
    h('th', { scope: 'row', text: words(c) }),
    h('td', { text: caps[c] ? words(caps[c]) : '—' }))));
}

// ---------------------------------------------------------------- users list
/** A row action: disabled when the engine refuses the actor (its message as the title);
 * otherwise a click applies it and any other refusal shows in the status line. */
function actionButton(u, label, type) {
  const op = { type, actor, target: u.id };
  const denied = engine.check(op).violations.find((v) => ENDS_CHECK.has(v.code));
  return h('button', {
    type: 'button', class: 'small', disabled: !!denied, title: denied ? fullText(denied) : null,
    'aria-label': `${label} ${u.name}`, 'data-testid': `${label.toLowerCase()}-${u.id}`,
    onclick: (e) => { e.stopPropagation(); runOp(op, `${label} ${u.name}`); focusRow(u.id); },
    text: label,
  });
}

/** Keyboard focus after a re-render: the user's name in the list, or the list's heading. */
function focusRow(id) {
  (document.querySelector(`#users-body tr[data-id="${CSS.escape(id)}"] button.linkish`) ?? byId('users-h')).focus();
}

function renderUsers() {
  const rows = account.users.slice(0, MAX_ROWS).map((u) => {
    const sel = u.id === selected;
    return h('tr', { 'data-id': u.id, 'data-testid': `user-row-${u.id}`, class: sel ? 'sel' : null, onclick: () => selectUser(u.id, true) },
      h('td', { 'data-label': 'Name' },
        h('button', { type: 'button', class: 'linkish', 'aria-current': sel ? 'true' : null, text: u.name,
          onclick: (e) => { e.stopPropagation(); selectUser(u.id, true); } }),
        h('div', { class: 'muted small-text', text: u.email })),
      h('td', { 'data-label': 'Role', text: u.role }),
      h('td', { 'data-label': 'Pro', text: u.pro ? 'Pro' : '—' }),
      h('td', { 'data-label': 'Status' }, h('span', { class: `pill ${u.status}`, text: u.status })),
      h('td', { 'data-label': 'Ext.', text: u.extension }),
      h('td', { 'data-label': 'Departments', text: u.departments.join(', ') || '—' }),
      h('td', { class: 'actions' },
        u.status === 'deactivated' ? actionButton(u, 'Reactivate', 'reactivateUser') : actionButton(u, 'Deactivate', 'deactivateUser'),
        actionButton(u, 'Delete', 'deleteUser')));
  });
  byId('users-body').replaceChildren(...rows);
  byId('users-more').textContent = account.users.length > MAX_ROWS
    ? `Showing the first ${MAX_ROWS} of ${account.users.length} users.` : '';
}

function selectUser(id, focus = false) {
  selected = id;
  for (const tr of document.querySelectorAll('#users-body tr')) {
    const sel = tr.dataset.id === id;
    tr.classList.toggle('sel', sel);
    const b = $('button.linkish', tr);
    if (sel) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
  }
  renderEdit();
  if (focus) byId('edit-h').focus();
}

// ---------------------------------------------------------------- account settings (host data)
function setupSettings() {
  const box = byId('sso-toggle');
  box.addEventListener('change', () => {
    const acc = engine.account();
    if (box.checked) acc.sso = { managedFields: SSO_FIELDS };
    else delete acc.sso;
    buildEngine(acc);
    renderAll();
    status(box.checked
      ? `Account setting saved: the identity provider manages ${SSO_FIELDS.join(' and ')} (sso.managedFields).`
      : 'Account setting saved: no field is managed by an identity provider.', 'ok');
  });
}

function renderSettings() {
  byId('sso-toggle').checked = SSO_FIELDS.every((f) => account.sso?.managedFields?.includes(f));
}

// ---------------------------------------------------------------- add form
const addTouched = new Set();

function setupAddForm() {
  const grid = byId('add-fields');
  for (const key of ADD_FIELDS) {
    const box = fieldBox('add', key, key === 'role' ? 'agent' : FIELDS[key].kind === 'checks' ? [] : FIELDS[key].kind === 'bool' ? false : '');
    if (key === 'schedule') box.append(h('div', { class: 'sched', id: 'add-schedule-view', 'data-testid': 'add-schedule-view' }));
    grid.append(box);
  }
  const form = byId('add-form');
  form.addEventListener('input', (e) => {
    const key = e.target.closest('[data-field]')?.dataset.field;
    if (key) onAddInput(key);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const user = addDraft();
    const out = runOp({ type: 'addUser', actor, user }, `Add ${user.name ?? 'user'}`, (o) => `added as ${o.user.id}.`);
    if (out.ok) {
      form.reset();
      addTouched.clear();
      for (const key of ADD_FIELDS) showViolations('add', key, []);
      renderAdd();
      selectUser(out.user.id);
      byId('add-name').focus(); // ready for the next user
    } else {
      for (const key of ADD_FIELDS) addTouched.add(key);
      renderAdd();
    }
  });
}

function addDraft() {
  const d = {};
  for (const key of ADD_FIELDS) {
    const v = readValue('add', key);
    if (typeof v !== 'string' || v.trim() !== '') d[key] = v;
  }
  return d;
}

/** Per keystroke: the whole draft (cross-field rules); checkField for the field typed only
 * when that check ended before reaching it. */
function onAddInput(key) {
  addTouched.add(key);
  if (refreshAdd().includes(key)) showViolations('add', key, engine.checkField(key, readValue('add', key)).violations);
  markRendered();
}

/** Checks the whole draft: the submit button, messages at touched fields, the form message.
 * Returns the touched fields the check said nothing about (see showFormCheck). */
function refreshAdd() {
  const out = engine.check({ type: 'addUser', actor, user: addDraft() });
  byId('add-submit').disabled = !out.ok;
  const { rest, left } = showFormCheck('add', out, addTouched);
  const errors = rest.filter((v) => v.severity === 'error');
  const atUntouched = errors.filter((v) => v.field && ADD_FIELDS.includes(formKey(v.field)));
  const general = errors.filter((v) => !atUntouched.includes(v));
  // Untouched fields: the engine's message once, with the fields it applies to.
  const byMessage = new Map();
  for (const v of atUntouched) {
    const k = fullText(v);
    if (!byMessage.has(k)) byMessage.set(k, []);
    byMessage.get(k).push(FIELDS[formKey(v.field)].label);
  }
  rewrite(byId('add-form-msg'), JSON.stringify([sigOf(general), [...byMessage]]), () => [
    ...general.map((v) => violationLine(v)),
    ...[...byMessage].map(([text, labels]) => h('div', { class: 'todo', text: `${labels.join(', ')}: ${text}` }))]);
  renderScheduleView('add', byId('add-schedule').value, out.user?.schedule);
  return left;
}

function renderAdd() {
  const may = engine.can(actor, 'add_users');
  const note = byId('add-denied');
  note.hidden = may;
  note.replaceChildren(...(may ? [] : errorsOf(engine.check({ type: 'addUser', actor, user: {} })).map((v) => violationLine(v))));
  byId('add-form').hidden = !may;
  for (const key of refreshAdd()) showViolations('add', key, engine.checkField(key, readValue('add', key)).violations);
}

// ---------------------------------------------------------------- edit panel
let edit = null; // { user, state(key), editable (the set of editable keys) } of the panel on screen

function renderEdit() {
  const panel = byId('edit-panel');
  const u = selected && usersById.get(selected);
  edit = null;
  if (!u) {
    panel.replaceChildren(h('p', { class: 'muted', text: 'Choose a user in the team list.' }));
    return;
  }
  const ef = engine.check({ type: 'editableFields', actor, target: u.id });
  if (!ef.fields) {
    panel.replaceChildren(h('h3', { text: u.name }), ...errorsOf(ef).map((v) => violationLine(v)));
    return;
  }
  const state = (key) => ef.fields[FIELDS[key].state ?? key] ?? { editable: false };
  edit = { user: u, state, editable: new Set(EDIT_FIELDS.filter((k) => state(k).editable)) };

  // A reason shared by most read-only fields (a manager on an admin) is said once, above.
  const counts = new Map();
  for (const key of EDIT_FIELDS) {
    const st = state(key);
    if (!st.editable) counts.set(fullText(st), (counts.get(fullText(st)) ?? 0) + 1);
  }
  const [commonText, commonCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const shared = commonCount >= 3 ? commonText : null;
  const sharedState = shared && EDIT_FIELDS.map(state).find((st) => !st.editable && fullText(st) === shared);

  const box = (key) => {
    const st = state(key);
    const ro = st.editable ? null : st;
    const wrap = fieldBox('edit', key, storedValue(u, key), { readOnly: ro, sharedNote: ro && fullText(ro) === shared ? 'edit-readonly-note' : null });
    if (key === 'mobile' && st.reason === 'mobile_immutable') wrap.append(replaceBox(u));
    if (key === 'schedule') wrap.append(h('div', { class: 'sched', id: 'edit-schedule-view', 'data-testid': 'edit-schedule-view' }));
    return wrap;
  };
  const groups = EDIT_GROUPS.map((g) => {
    const grid = h('div', { class: 'form-grid' }, g.fields.map(box));
    if (g.details) {
      const open = !!(u.webLogin || u.allowedCallerIds?.length || u.reportUsers?.length);
      return h('details', { class: 'group', open }, h('summary', { text: g.legend }), grid);
    }
    return g.legend ? h('fieldset', { class: 'group' }, h('legend', { text: g.legend }), grid) : grid;
  });
  const form = h('form', { id: 'edit-form', novalidate: true },
    ...groups,
    h('div', { class: 'msg form-msg', id: 'edit-form-msg', 'aria-live': 'polite' }),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: 'edit-save', 'data-testid': 'edit-save', disabled: true, text: 'Save changes' }),
      h('button', { type: 'button', class: 'secondary', id: 'edit-undo', text: 'Undo changes',
        onclick: () => { renderEdit(); byId('edit-h').focus(); } })));
  form.addEventListener('input', (e) => {
    const key = e.target.closest('[data-field]')?.dataset.field;
    if (key) onEditInput(key);
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); saveEdit(); });

  panel.replaceChildren(...[
    h('h3', {}, u.name, h('span', { class: 'muted', text: ` · ${u.id} · ${u.role} · ${u.status}` })),
    reachableLine(u),
    sharedState ? reasonNote('edit-readonly-note', sharedState, 'edit-readonly-note') : null,
    form].filter(Boolean));
  renderScheduleView('edit', storedValue(u, 'schedule'));
}

/** The patch of the changed editable fields. Emptying both the login id and the IP list
 * of a user who has a panel login asks to remove the login (`webLogin: null`). */
function editPatch() {
  const { user: u, state } = edit;
  const patch = {};
  const login = {};
  for (const key of edit.editable) {
    const v = readValue('edit', key);
    if (key === 'webLogin.password') { if (v !== '') login.password = v; continue; }
    if (sameValue(key, v, storedValue(u, key))) continue;
    if (key.startsWith('webLogin.')) login[key.slice('webLogin.'.length)] = v;
    else patch[key] = v;
  }
  const removeLogin = u.webLogin && state('webLogin.loginId').editable && !login.password
    && readValue('edit', 'webLogin.loginId').trim() === '' && readValue('edit', 'webLogin.allowedIps').length === 0;
  if (removeLogin) patch.webLogin = null;
  else if (Object.keys(login).length) patch.webLogin = login;
  return patch;
}

function onEditInput(key) {
  if (!edit) return;
  if (refreshEdit().includes(key)) {
    showViolations('edit', key, engine.checkField(key, readValue('edit', key), edit.user.id).violations);
  }
  markRendered();
}

/** Checks the patch: Save, the messages at the fields' paths, the form message. Returns
 * the editable fields the check said nothing about (see showFormCheck). */
function refreshEdit() {
  const patch = editPatch();
  const out = Object.keys(patch).length ? engine.check({ type: 'editUser', actor, target: edit.user.id, patch }) : null;
  byId('edit-save').disabled = !out?.ok;
  const left = showEditCheck(out);
  renderScheduleView('edit', byId('edit-schedule').value, out?.user?.schedule ?? edit.user.schedule);
  return left;
}

function saveEdit() {
  const patch = editPatch();
  if (!Object.keys(patch).length) return;
  const { user: u } = edit;
  const out = runOp({ type: 'editUser', actor, target: u.id, patch }, `Save ${u.name}`, (o) => o.changes.length
    ? `${o.changes.map((c) => `${c.field} ${JSON.stringify(c.from ?? null)} → ${JSON.stringify(c.to ?? null)}`).join('; ')}.`
    : 'saved.');
  if (out.ok) {
    byId('edit-h').focus(); // the Save button was re-rendered away
  } else {
    showEditCheck(out);
  }
}

/** An edit check's messages at the editable fields' paths, and the rest above the form
 * (`out` null: nothing changed, nothing to say). Returns the fields it left alone. */
function showEditCheck(out) {
  let placed = { rest: [], left: [] };
  if (out) placed = showFormCheck('edit', out, edit.editable);
  else for (const key of edit.editable) showViolations('edit', key, []);
  const general = errorsOf({ violations: placed.rest });
  rewrite(byId('edit-form-msg'), sigOf(general), () => general.map((v) => violationLine(v)));
  return placed.left;
}

// ---------------------------------------------------------------- "can this user take a call now?"
/** `2025-11-24T09:00:00+05:30` → "Mon 24 Nov, 09:00 (UTC+05:30)": the user's wall clock, as given. */
function wallClock(rfc3339) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)(?::\d\d)?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return rfc3339;
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return `${day}, ${m[4]} (UTC${m[5] === 'Z' ? '' : m[5]})`;
}

function reachableLine(u) {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const out = engine.check({ type: 'reachable', target: u.id, at });
  const el = h('div', { id: 'reachable', 'data-testid': 'reachable', class: `reach ${out.ok ? 'ok' : 'no'}` },
    h('strong', { text: 'Can this user take a call now? ' }), out.ok ? 'Yes.' : 'No.');
  const list = h('ul', {});
  for (const v of out.violations) {
    // The engine's hint, its `nextOpen` param (an RFC 3339 instant) shown as a local time.
    const next = v.params?.nextOpen;
    const at = next && v.hint ? v.hint.indexOf(next) : -1;
    const hint = at < 0 ? v.hint
      : [v.hint.slice(0, at), h('time', { datetime: next, 'data-testid': 'next-open', text: wallClock(next) }),
        v.hint.slice(at + next.length)];
    list.append(h('li', { class: v.severity, 'data-code': v.code }, v.message, hint ? [' ', hint] : null));
  }
  if (out.violations.length) el.append(list);
  return el;
}

// ---------------------------------------------------------------- replacing a user (new mobile)
function replaceBox(u) {
  const list = h('ol', { id: 'replace-plan', 'data-testid': 'replace-plan', class: 'plan' });
  const msg = h('div', { class: 'msg', id: 'replace-msg', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', id: 'replace-run', disabled: true, text: 'Run the plan' });
  const input = h('input', { id: 'replace-mobile', inputmode: 'tel', autocomplete: 'off', 'aria-describedby': 'replace-msg' });
  let plan = [];
  // Enter here must not submit the edit form around it (that would save other changes).
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') e.preventDefault(); });
  input.addEventListener('input', (e) => {
    e.stopPropagation(); // not a field of the edit form
    list.replaceChildren();
    msg.replaceChildren();
    plan = [];
    run.disabled = true;
    if (!input.value.trim()) return;
    const out = engine.check({ type: 'replaceUser', actor, target: u.id, mobile: input.value });
    if (!out.ok) { msg.replaceChildren(...errorsOf(out).map((v) => violationLine(v))); msg.className = 'msg error'; return; }
    msg.className = 'msg';
    plan = out.plan ?? [];
    list.append(...plan.map((op) => h('li', { text: describeOp(op) })));
    run.disabled = !plan.length;
  });
  run.addEventListener('click', () => {
    let added = null;
    for (const [i, op] of plan.entries()) {
      const out = runOp(op, `Replace ${u.name}, step ${i + 1} of ${plan.length}`);
      if (!out.ok) return;
      if (op.type === 'addUser') added = out.user?.id;
    }
    status(`${u.name} replaced: ${plan.length} steps applied.`, 'ok');
    if (added) selectUser(added, true);
  });
  return h('details', { class: 'replace', 'data-testid': 'replace' },
    h('summary', { text: 'Change the number: replace this user' }),
    h('label', { for: 'replace-mobile', text: 'New mobile number' }), input, msg, list, run);
}

function describeOp(op) {
  const name = (id) => usersById.get(id)?.name ?? id;
  switch (op.type) {
    case 'editUser': return `Edit ${name(op.target)}: ${Object.entries(op.patch).map(([k, v]) => `${k} → ${JSON.stringify(v)}`).join(', ')}`;
    case 'addUser': return `Add ${op.user.name} (${op.user.id ?? 'new'}) with mobile ${op.user.mobile}, extension ${op.user.extension}`;
    case 'deactivateUser': return `Deactivate ${name(op.target)}`;
    default: return `${op.type} ${op.target ? name(op.target) : ''}`;
  }
}

// ---------------------------------------------------------------- CSV import (all or nothing)
const EXAMPLE_CSV = 'name,email,mobile,extension,role,pro,schedule,departments\n'
  + 'Hari Das,hari@acme.in,98000 00021,20,agent,false,Mon-Fri 9am-6pm,sales\n'
  + 'Indu Roy,indu@acme,98000 00022,21,agent,false,24/7,support;sales\n'
  + 'Jai Menon,jai@acme.in,98000 00023,14,agent,false,Mon-Fri 9-6,support\n';
let importCsv = null;
let importName = '';

function renderImport() {
  const table = byId('import-errors');
  const summary = byId('import-summary');
  byId('import-apply').disabled = true;
  if (importCsv == null) { table.hidden = true; summary.textContent = ''; return; }
  const out = engine.check({ type: 'importUsers', actor, csv: importCsv });
  table.hidden = out.violations.length === 0;
  table.tBodies[0].replaceChildren(...out.violations.map((v) => h('tr', { class: v.severity, 'data-row': v.row ?? '' },
    h('td', { text: v.row != null ? String(v.row) : '—' }),
    h('td', {}, v.field ? h('code', { text: v.field }) : '—'),
    h('td', { text: fullText(v) }))));
  const errors = errorsOf(out).length;
  summary.dataset.kind = out.ok ? 'ok' : 'error';
  summary.textContent = out.ok
    ? `${importName}: every row passes${out.violations.length ? ` (${out.violations.length} warning(s))` : ''}.`
    : `${importName}: ${errors} problem(s). Nothing is added until every row passes.`;
  byId('import-apply').disabled = !out.ok;
}

function loadCsv(csv, name) {
  importCsv = csv;
  importName = name;
  renderImport();
}

function setupImport() {
  const readFile = async (file) => loadCsv(await file.text(), file.name);
  byId('import-file').addEventListener('change', (e) => { if (e.target.files[0]) readFile(e.target.files[0]); });
  const drop = byId('import-drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
  });
  byId('import-example').addEventListener('click', () => loadCsv(EXAMPLE_CSV, 'example.csv'));
  byId('import-apply').addEventListener('click', () => {
    if (importCsv == null) return;
    const before = account.users.length;
    const name = importName;
    const csv = importCsv;
    importCsv = null; // rendered as "nothing loaded" by the re-render of a successful apply
    const out = runOp({ type: 'importUsers', actor, csv }, `Import ${name}`, () => `${account.users.length - before} user(s) added.`);
    if (out.ok) byId('import-file').value = '';
    else loadCsv(csv, name);
  });
}

// ---------------------------------------------------------------- boot
function renderAll() {
  renderSummary();
  renderActorOptions();
  renderSettings();
  renderUsers();
  renderCaps();
  renderAdd();
  renderEdit();
  renderImport();
}

async function main() {
  try {
    await init();
    ROLES = roleNames();
    ENDS_CHECK = new Set(permissionCodes());
    const base = await (await fetch('./sample-account.json')).json();
    const n = Number(new URLSearchParams(location.search).get('users'));
    buildEngine(n > 0 ? generatedAccount(base, n) : base);
    byId('tz-list').replaceChildren(...(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => h('option', { value: z })));
    byId('actor').addEventListener('change', (e) => { actor = e.target.value; renderAll(); });
    byId('status-dismiss').addEventListener('click', () => status(''));
    setupSettings();
    setupAddForm();
    setupImport();
    renderAll();
    status('');
    document.body.dataset.ready = 'true';
  } catch (e) {
    status(`The engine failed to load: ${e.message ?? e}`, 'error');
    console.error(e);
    throw e;
  }
}
main();
