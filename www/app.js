// The Users screen: UI glue around the roster-rules web build. Every verdict (errors,
// permissions, schedules, plans) comes from the engine; this file only renders them.
import init, { Engine, parseSchedule, capabilityNames } from '../pkg/js/browser.js';

const $ = (sel, el = document) => el.querySelector(sel);
const h = (tag, attrs = {}, ...kids) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) if (kid != null) el.append(kid);
  return el;
};

const ADD_FIELDS = ['name', 'email', 'mobile', 'extension', 'role', 'pro', 'schedule', 'departments'];
const EDIT_FIELDS = ['name', 'email', 'mobile', 'extension', 'role', 'pro', 'schedule', 'departments'];
const MAX_ROWS = 200;
const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

// ---------------------------------------------------------------- latency probe
// keydown → the field's message rendered (sync: after the DOM write; frame: next paint).
window.latency = [];
let keyAt = null;
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement) keyAt = performance.now();
}, true);
function markRendered() {
  if (keyAt == null) return;
  const t0 = keyAt;
  keyAt = null;
  const sync = performance.now() - t0;
  requestAnimationFrame(() => window.latency.push({ sync, frame: performance.now() - t0 }));
}

// ---------------------------------------------------------------- account
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

let engine;
let account;
let actor;
let selected = null;
let usersById = new Map();

function refreshAccount() {
  account = engine.account();
  usersById = new Map(account.users.map((u) => [u.id, u]));
}

function status(text, kind = 'info') {
  const el = $('#status');
  el.textContent = text;
  el.dataset.kind = kind;
}

// ---------------------------------------------------------------- field messages
/** Shows the first violation of `outcome` for `field` next to the input; returns it. */
function showField(prefix, field, outcome, { onSuggestion } = {}) {
  const input = document.getElementById(`${prefix}-${field}`);
  const msg = document.getElementById(`${prefix}-${field}-msg`);
  const v = outcome.violations.find((x) => x.severity === 'error') ?? outcome.violations[0];
  msg.replaceChildren();
  if (input) {
    if (v && v.severity === 'error') input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  msg.dataset.code = v?.code ?? '';
  msg.className = `msg ${v ? v.severity : ''}`;
  if (v) {
    msg.append(h('span', { class: 'm', text: v.message }));
    if (v.hint) msg.append(' ', h('span', { class: 'hint', text: v.hint }));
    if (v.params?.suggestion != null && onSuggestion) {
      msg.append(' ', h('button', {
        type: 'button', class: 'suggest', 'data-testid': `${prefix}-${field}-suggest`,
        onclick: () => onSuggestion(String(v.params.suggestion)),
        text: `Use ${v.params.suggestion}`,
      }));
    }
  }
  return v;
}

function readValue(prefix, field) {
  if (field === 'pro') return document.getElementById(`${prefix}-pro`).checked;
  if (field === 'departments') {
    return [...document.querySelectorAll(`#${prefix}-departments input:checked`)].map((i) => i.value);
  }
  return document.getElementById(`${prefix}-${field}`).value;
}

function deptBoxes(prefix, chosen = [], disabled = false) {
  return (account.departments ?? []).map((d) => h('label', {},
    h('input', { type: 'checkbox', value: d.id, checked: chosen.includes(d.id), disabled, 'data-field': 'departments' }),
    ` ${d.name}`));
}

// ---------------------------------------------------------------- schedule view
function toMin(hm) { const [a, b] = hm.split(':').map(Number); return a * 60 + b; }

function weekSvg(weekly) {
  const NS = 'http://www.w3.org/2000/svg';
  const lw = 28; const hw = 12; const rh = 16; const W = lw + 24 * hw; const H = 7 * rh + 14;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'week');
  svg.setAttribute('role', 'img');
  svg.setAttribute('data-testid', 'week');
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    svg.append(e);
    return e;
  };
  const labels = [];
  weekly.forEach((spans, d) => {
    const y = d * rh;
    el('rect', { x: lw, y: y + 2, width: 24 * hw, height: rh - 4, class: 'closed' });
    el('text', { x: 2, y: y + rh - 4, class: 'day' }, DAYS[d]);
    for (const [a, b] of spans) {
      const x0 = lw + (toMin(a) / 60) * hw; const x1 = lw + (toMin(b) / 60) * hw;
      el('rect', { x: x0, y: y + 2, width: Math.max(1, x1 - x0), height: rh - 4, class: 'open', 'data-day': d, 'data-span': `${a}-${b}` })
        .append(Object.assign(document.createElementNS(NS, 'title'), { textContent: `${DAYS[d]} ${a}–${b}` }));
    }
    labels.push(`${DAYS[d]}: ${spans.length ? spans.map(([a, b]) => `${a}–${b}`).join(', ') : 'closed'}`);
  });
  for (const hr of [0, 6, 12, 18, 24]) {
    el('line', { x1: lw + hr * hw, x2: lw + hr * hw, y1: 0, y2: 7 * rh, class: 'tick' });
    el('text', { x: lw + hr * hw, y: H - 2, class: 'hour', 'text-anchor': hr === 24 ? 'end' : hr ? 'middle' : 'start' }, `${hr}h`);
  }
  svg.setAttribute('aria-label', labels.join('; '));
  return svg;
}

function renderSchedule(container, text) {
  container.replaceChildren();
  const out = parseSchedule(text.trim() === '' ? '24/7' : text);
  if (!out.ok || !out.schedule) return;
  container.append(
    h('div', { class: 'canonical' }, 'Canonical: ', h('code', { 'data-testid': 'canonical', text: out.schedule.canonical })),
    weekSvg(out.schedule.weekly));
}

// ---------------------------------------------------------------- users list
function renderUsers() {
  const body = $('#users-body');
  const rows = account.users.slice(0, MAX_ROWS).map((u) => {
    const act = (label, op, cap) => {
      const allowed = engine.can(actor, cap, u.id);
      return h('button', {
        type: 'button', class: 'small', disabled: !allowed, title: allowed ? null : `Not permitted (${cap})`,
        'data-testid': `${label.toLowerCase()}-${u.id}`,
        onclick: (e) => { e.stopPropagation(); runOp({ ...op, actor, target: u.id }, `${label}: ${u.name}`); },
        text: label,
      });
    };
    const deact = (u.status ?? 'pending') === 'deactivated'
      ? act('Reactivate', { type: 'reactivateUser' }, 'deactivate_users')
      : act('Deactivate', { type: 'deactivateUser' }, 'deactivate_users');
    return h('tr', {
      'data-id': u.id, 'data-testid': `user-row-${u.id}`, tabindex: 0, class: u.id === selected ? 'sel' : null,
      'aria-selected': u.id === selected ? 'true' : null,
      onclick: () => selectUser(u.id),
      onkeydown: (e) => { if (e.key === 'Enter') selectUser(u.id); },
    },
    h('td', { 'data-label': 'Name' }, h('strong', { text: u.name }), h('div', { class: 'muted small-text', text: u.email })),
    h('td', { 'data-label': 'Role', text: u.role ?? 'agent' }),
    h('td', { 'data-label': 'Pro', text: u.pro ? 'Pro' : '—' }),
    h('td', { 'data-label': 'Status' }, h('span', { class: `pill ${u.status ?? 'pending'}`, text: u.status ?? 'pending' })),
    h('td', { 'data-label': 'Ext.', text: u.extension }),
    h('td', { 'data-label': 'Departments', text: (u.departments ?? []).join(', ') || '—' }),
    h('td', { class: 'actions' }, deact, act('Delete', { type: 'deleteUser' }, 'delete_users')));
  });
  body.replaceChildren(...rows);
  $('#users-more').textContent = account.users.length > MAX_ROWS
    ? `Showing the first ${MAX_ROWS} of ${account.users.length} users.` : '';
  $('#account-summary').textContent =
    `Plan ${account.plan} · ${account.users.length} users · ${account.proSeats ?? 0} Pro seats · extensions ${account.extensionRange?.from ?? '?'}–${account.extensionRange?.to ?? '?'}`;
}

function violationsText(out) {
  return out.violations.filter((v) => v.severity === 'error').map((v) => v.message + (v.hint ? ` ${v.hint}` : '')).join(' ');
}

function runOp(op, label) {
  const out = engine.apply(op);
  if (out.ok) {
    refreshAccount();
    status(`${label} — done.${out.effects.length ? ` (${out.effects.join(', ')})` : ''}`, 'ok');
    renderAll();
  } else {
    status(`${label} — ${violationsText(out)}`, 'error');
  }
  return out;
}

// ---------------------------------------------------------------- actor + capabilities
function renderActorSelect() {
  const sel = $('#actor');
  const picks = [];
  for (const role of ['owner', 'admin', 'manager', 'agent']) {
    const u = account.users.find((x) => (x.role ?? 'agent') === role && (x.status ?? 'pending') === 'active')
      ?? account.users.find((x) => (x.role ?? 'agent') === role);
    if (u) picks.push(u);
  }
  sel.replaceChildren(...picks.map((u) => h('option', { value: u.id, text: `${u.name} (${u.role ?? 'agent'}, ${u.id})` })));
  actor = picks[0]?.id;
  sel.value = actor;
  sel.addEventListener('change', () => { actor = sel.value; renderAll(); });
}

function renderCaps() {
  const caps = engine.capabilities(actor) ?? {};
  $('#caps-actor').textContent = usersById.get(actor)?.name ?? actor;
  $('#caps tbody').replaceChildren(...capabilityNames().map((c) => h('tr', { 'data-cap': c, class: caps[c] ? 'yes' : 'no' },
    h('td', { text: c.replace(/_/g, ' ') }),
    h('td', { text: caps[c] ? caps[c].replace(/_/g, ' ') : '—' }))));
}

// ---------------------------------------------------------------- add form
const addTouched = new Set();

function addDraft() {
  const d = {};
  for (const f of ADD_FIELDS) {
    const v = readValue('add', f);
    if (f === 'pro') d.pro = v;
    else if (f === 'departments') d.departments = v;
    else if (v.trim() !== '') d[f] = v;
  }
  return d;
}

function checkAddField(field) {
  const value = readValue('add', field);
  const out = engine.checkField(field, value);
  showField('add', field, out, {
    onSuggestion: (s) => { const i = document.getElementById(`add-${field}`); i.value = s; i.focus(); onAddInput(field); },
  });
  if (field === 'schedule') renderSchedule($('#add-schedule-view'), value);
}

function refreshAddSubmit() {
  const out = engine.check({ type: 'addUser', actor, user: addDraft() });
  $('#add-submit').disabled = !out.ok;
  // Rule-level problems (no field: plan limit, permissions) and errors of fields the
  // user has not reached yet stay out of the way until the form is submitted.
  const formLevel = out.violations.filter((v) => !v.field && v.severity === 'error');
  $('#add-form-msg').textContent = formLevel.map((v) => v.message + (v.hint ? ` ${v.hint}` : '')).join(' ');
  return out;
}

function onAddInput(field) {
  addTouched.add(field);
  checkAddField(field);
  markRendered();
  refreshAddSubmit();
}

function renderAddForm() {
  const may = engine.can(actor, 'add_users');
  $('#add-denied').hidden = may;
  $('#add-denied').textContent = may ? '' : 'This user may not add users.';
  $('#add-form').hidden = !may;
  const chosen = readValue('add', 'departments');
  $('#add-departments').replaceChildren(...deptBoxes('add', chosen));
  for (const f of addTouched) checkAddField(f);
  refreshAddSubmit();
}

function setupAddForm() {
  for (const f of ADD_FIELDS) {
    const target = f === 'departments' ? $('#add-departments') : document.getElementById(`add-${f}`);
    target.addEventListener(f === 'role' || f === 'pro' || f === 'departments' ? 'change' : 'input', () => onAddInput(f));
  }
  renderSchedule($('#add-schedule-view'), '');
  $('#add-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const user = addDraft();
    const out = runOp({ type: 'addUser', actor, user }, `Add ${user.name ?? 'user'}`);
    if (out.ok) {
      $('#add-form').reset();
      addTouched.clear();
      for (const f of ADD_FIELDS) showField('add', f, { violations: [] });
      renderSchedule($('#add-schedule-view'), '');
      renderAddForm();
      selectUser(out.user.id);
    } else {
      for (const f of ADD_FIELDS) { addTouched.add(f); checkAddField(f); }
    }
  });
}

// ---------------------------------------------------------------- edit panel
function editValue(u, f) {
  if (f === 'pro') return !!u.pro;
  if (f === 'departments') return u.departments ?? [];
  if (f === 'role') return u.role ?? 'agent';
  if (f === 'schedule') return u.schedule ?? '24/7';
  return u[f] ?? '';
}

function editPatch(u, fields) {
  const patch = {};
  for (const f of EDIT_FIELDS) {
    if (!fields[f]?.editable) continue;
    const v = readValue('edit', f);
    const cur = editValue(u, f);
    if (JSON.stringify(v) !== JSON.stringify(cur)) patch[f] = v;
  }
  return patch;
}

function selectUser(id) {
  selected = id;
  for (const tr of document.querySelectorAll('#users-body tr')) {
    tr.classList.toggle('sel', tr.dataset.id === id);
    if (tr.dataset.id === id) tr.setAttribute('aria-selected', 'true'); else tr.removeAttribute('aria-selected');
  }
  renderEdit();
}

function reachableLine(u) {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const out = engine.check({ type: 'reachable', target: u.id, at });
  const el = h('div', { id: 'reachable', 'data-testid': 'reachable', class: `reach ${out.ok ? 'ok' : 'no'}` },
    h('strong', { text: 'Can this user take a call now? ' }),
    out.ok ? 'Yes.' : 'No — ');
  if (!out.ok) {
    el.append(out.violations.map((v) => v.message).join(' '));
    const next = out.violations.find((v) => v.params?.nextOpen)?.params.nextOpen;
    if (next) el.append(' Next opening: ', h('time', { datetime: next, 'data-testid': 'next-open', text: next }), '.');
  } else if (out.violations.length) {
    el.append(' ', h('span', { class: 'muted', text: out.violations.map((v) => v.message).join(' ') }));
  }
  return el;
}

function renderEdit() {
  const panel = $('#edit-panel');
  const u = selected && usersById.get(selected);
  if (!u) { panel.replaceChildren(h('p', { class: 'muted', text: 'Select a user in the list.' })); return; }
  const ef = engine.check({ type: 'editableFields', actor, target: u.id });
  const fields = ef.fields ?? {};
  const kids = [h('h3', { text: `${u.name} · ${u.id}` }), reachableLine(u)];
  if (!ef.ok) kids.push(h('p', { class: 'msg error', text: violationsText(ef) }));

  for (const f of EDIT_FIELDS) {
    const st = fields[f] ?? { editable: false };
    const ro = !st.editable;
    const val = editValue(u, f);
    const id = `edit-${f}`;
    const desc = ro ? `${id}-reason` : `${id}-msg`;
    let control;
    if (f === 'pro') {
      control = h('label', {}, h('input', { id, type: 'checkbox', checked: val, disabled: ro, 'aria-describedby': desc }), ' Pro licence');
    } else if (f === 'role') {
      control = h('select', { id, disabled: ro, 'aria-describedby': desc },
        ['agent', 'manager', 'admin', 'owner'].map((r) => h('option', { value: r, selected: r === val, text: r })));
    } else if (f === 'departments') {
      control = h('div', { id, class: 'depts', 'aria-describedby': desc }, deptBoxes('edit', val, ro));
    } else {
      control = h('input', { id, value: val, readonly: ro, 'aria-readonly': ro ? 'true' : null, autocomplete: 'off', 'aria-describedby': desc });
    }
    const wrap = h('div', { class: `field ${ro ? 'ro' : ''}`, 'data-field': f },
      f === 'pro' ? null : h('label', { for: id, text: f === 'departments' ? 'Departments' : f[0].toUpperCase() + f.slice(1) }),
      control);
    if (ro) {
      wrap.append(h('div', { class: 'reason', id: `${id}-reason`, 'data-reason': st.reason ?? '', 'data-testid': `edit-${f}-reason` },
        h('strong', { text: 'Read-only: ' }), st.message ?? '', st.hint ? ` ${st.hint}` : null));
      if (f === 'mobile' && st.reason === 'mobile_immutable') wrap.append(replaceBox(u));
    } else {
      wrap.append(h('div', { class: 'msg', id: `${id}-msg`, 'aria-live': 'polite' }));
    }
    if (f === 'schedule') wrap.append(h('div', { class: 'sched', id: 'edit-schedule-view', 'data-testid': 'edit-schedule-view' }));
    kids.push(wrap);
  }
  kids.push(h('div', { class: 'msg form-msg', id: 'edit-form-msg' }),
    h('button', { type: 'button', id: 'edit-save', 'data-testid': 'edit-save', disabled: true, onclick: () => {
      const patch = editPatch(usersById.get(u.id), fields);
      runOp({ type: 'editUser', actor, target: u.id, patch }, `Save ${u.name}`);
    }, text: 'Save changes' }));
  panel.replaceChildren(...kids);
  renderSchedule($('#edit-schedule-view'), editValue(u, 'schedule'));

  const refreshSave = () => {
    const patch = editPatch(u, fields);
    const n = Object.keys(patch).length;
    const out = n ? engine.check({ type: 'editUser', actor, target: u.id, patch }) : null;
    $('#edit-save').disabled = !out?.ok;
    $('#edit-form-msg').textContent = out ? out.violations.filter((v) => !v.field && v.severity === 'error').map((v) => v.message).join(' ') : '';
  };
  for (const f of EDIT_FIELDS) {
    if (!fields[f]?.editable) continue;
    const el = document.getElementById(`edit-${f}`);
    const evt = f === 'role' || f === 'pro' || f === 'departments' ? 'change' : 'input';
    el.addEventListener(evt, () => {
      const value = readValue('edit', f);
      showField('edit', f, engine.checkField(f, value, u.id), {
        onSuggestion: (s) => { el.value = s; el.dispatchEvent(new Event('input')); },
      });
      if (f === 'schedule') renderSchedule($('#edit-schedule-view'), value);
      markRendered();
      refreshSave();
    });
  }
}

function replaceBox(u) {
  const list = h('ol', { id: 'replace-plan', 'data-testid': 'replace-plan', class: 'plan' });
  const msg = h('div', { class: 'msg', id: 'replace-msg' });
  const run = h('button', { type: 'button', id: 'replace-run', disabled: true, text: 'Run the plan' });
  const input = h('input', { id: 'replace-mobile', placeholder: 'New mobile number', inputmode: 'tel', 'aria-describedby': 'replace-msg' });
  let plan = null;
  const show = () => {
    list.replaceChildren(); plan = null; run.disabled = true; msg.textContent = '';
    if (!input.value.trim()) return;
    const out = engine.check({ type: 'replaceUser', actor, target: u.id, mobile: input.value });
    if (!out.ok) { msg.textContent = violationsText(out); msg.className = 'msg error'; return; }
    msg.className = 'msg';
    plan = out.plan ?? [];
    list.append(...plan.map((op) => h('li', { text: describeOp(op) })));
    run.disabled = !plan.length;
  };
  input.addEventListener('input', show);
  run.addEventListener('click', () => {
    for (const [i, op] of plan.entries()) {
      const out = runOp(op, `Replace step ${i + 1}`);
      if (!out.ok) return;
    }
    status(`${u.name} replaced: ${plan.length} steps applied.`, 'ok');
  });
  return h('details', { class: 'replace', open: true },
    h('summary', { text: 'Replace this user with a new mobile number' }), input, msg, list, run);
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

// ---------------------------------------------------------------- CSV import
let importCsv = null;

function checkImport(csv, fileName) {
  importCsv = csv;
  const out = engine.check({ type: 'importUsers', actor, csv });
  const table = $('#import-errors');
  const errs = out.violations;
  table.hidden = errs.length === 0;
  table.tBodies[0].replaceChildren(...errs.map((v) => h('tr', { class: v.severity, 'data-row': v.row ?? '' },
    h('td', { text: v.row != null ? String(v.row) : '—' }),
    h('td', { text: v.field ?? '—' }),
    h('td', { text: v.message + (v.hint ? ` ${v.hint}` : '') }))));
  const rows = csv.split(/\r?\n/).filter((l) => l.trim()).length - 1;
  $('#import-summary').textContent = out.ok
    ? `${fileName}: ${rows} row(s) ready to add${errs.length ? ` (${errs.length} warning(s))` : ''}.`
    : `${fileName}: ${errs.filter((v) => v.severity === 'error').length} problem(s); nothing will be added until every row passes.`;
  $('#import-apply').disabled = !out.ok;
}

function setupImport() {
  const readFile = async (file) => checkImport(await file.text(), file.name);
  $('#import-file').addEventListener('change', (e) => { if (e.target.files[0]) readFile(e.target.files[0]); });
  const drop = $('#import-drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault(); drop.classList.remove('over');
    if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
  });
  $('#import-apply').addEventListener('click', () => {
    if (importCsv == null) return;
    const out = runOp({ type: 'importUsers', actor, csv: importCsv }, 'Import');
    if (out.ok) { importCsv = null; $('#import-apply').disabled = true; $('#import-summary').textContent = 'Imported.'; $('#import-file').value = ''; }
  });
}

// ---------------------------------------------------------------- boot
function renderAll() {
  renderUsers();
  renderCaps();
  renderAddForm();
  renderEdit();
  if (importCsv != null) checkImport(importCsv, 'CSV');
}

async function main() {
  try {
    await init();
    const base = await (await fetch('./sample-account.json')).json();
    const n = Number(new URLSearchParams(location.search).get('users'));
    const t0 = performance.now();
    engine = new Engine(n > 0 ? generatedAccount(base, n) : base);
    window.engineBuildMs = performance.now() - t0;
    refreshAccount();
    renderActorSelect();
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
