// The add and edit forms: which fields, in what order, with what control (layout), and
// *when* the engine's answers are shown (timing). Every verdict, message and hint is the
// engine's; the page decides only where and when it appears:
//
// - nothing is shown on an untouched form;
// - a field's format is shown when the field is left (blur; a select or checkbox when it
//   changes), and live from then on once it has shown an error, until it is left valid;
// - a clash with another user (taken extension, email, mobile, login ID) is shown live as
//   typed, because the typist cannot know it and it does not depend on finishing the value;
// - on submit everything is shown, and focus goes to the first field at fault.
//
// Each change checks the whole draft (`addUser`) or patch (`editUser`): some rules span two
// fields (a manager's role needs Pro). A check that ends on a permission code (RULES §5:
// nothing else was checked) leaves the other fields to `checkField`, the as-you-type API.
import { h, byId, domId, rewrite, errorsOf } from './dom.js';
import { t, tn } from './i18n.js';
import { roleLabel, roleDescription, userName } from './labels.js';
import { renderSchedule } from './schedule.js';
import { markRendered } from './latency.js';

// kind: how the control reads and shows a value; `state`: the editableFields entry that
// governs it (the webLogin.* fields share one).
export const FIELDS = {
  name: { kind: 'text', autocomplete: 'off' },
  email: { kind: 'text', type: 'email', autocomplete: 'off' },
  mobile: { kind: 'text', type: 'tel', inputmode: 'tel' },
  altMobile: { kind: 'optional', type: 'tel', inputmode: 'tel' },
  extension: { kind: 'text', inputmode: 'numeric' },
  role: { kind: 'role' },
  pro: { kind: 'bool' },
  schedule: { kind: 'text', wide: true, help: 'help.schedule', placeholder: '24/7' },
  timeZone: { kind: 'optional', list: 'tz-list', help: 'help.timeZone' },
  departments: { kind: 'checks', wide: true },
  'webLogin.loginId': { kind: 'text', state: 'webLogin', autocomplete: 'off' },
  'webLogin.password': { kind: 'password', help: 'help.webLogin.password' },
  'webLogin.allowedIps': { kind: 'list', state: 'webLogin', wide: true, help: 'help.webLogin.allowedIps' },
  allowedCallerIds: { kind: 'checks', wide: true },
  reportUsers: { kind: 'people', wide: true },
};

export const ADD_GROUPS = [
  { legend: 'group.contact', fields: ['name', 'email', 'mobile', 'altMobile', 'extension'] },
  { legend: 'group.access', fields: ['role', 'pro'] },
  { legend: 'group.calls', fields: ['schedule', 'departments'] },
];
export const EDIT_GROUPS = [
  { legend: 'group.contact', fields: ['name', 'email', 'mobile', 'altMobile', 'extension'] },
  { legend: 'group.access', fields: ['role', 'pro'] },
  { legend: 'group.calls', fields: ['schedule', 'timeZone', 'departments'] },
  { legend: 'group.login', details: true, fields: ['webLogin.loginId', 'webLogin.password', 'webLogin.allowedIps', 'allowedCallerIds', 'reportUsers'] },
];

// A clash depends on other users, not on the value being finished: shown as typed.
const CLASHES = new Set(['email_taken', 'email_taken_elsewhere', 'extension_taken', 'mobile_taken', 'login_id_taken']);

/** The form field a violation's path belongs to: `webLogin.allowedIps[1]` → `webLogin.allowedIps`. */
export function formKey(path) {
  const p = path.replace(/\[\d+\]$/, '');
  return p === 'webLogin' ? 'webLogin.loginId' : p;
}

/** A stored user's value of `key`, in the shape the control reads (see readValue). */
export function storedValue(u, key) {
  const kind = FIELDS[key].kind;
  if (key === 'webLogin.loginId') return u.webLogin?.loginId ?? '';
  if (key === 'webLogin.allowedIps') return u.webLogin?.allowedIps ?? [];
  if (key === 'webLogin.password') return '';
  if (kind === 'optional') return u[key] ?? null;
  if (kind === 'checks' || kind === 'list' || kind === 'people') return u[key] ?? [];
  return u[key];
}

const sameValue = (key, a, b) => (['checks', 'people'].includes(FIELDS[key].kind)
  ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())
  : JSON.stringify(a) === JSON.stringify(b));

export class UserForm {
  /**
   * `mode`: 'add' or 'edit'. `user`: the edited user. `fields`: editableFields' answer
   * (edit). `permissionCodes`: the codes that end a check.
   */
  constructor({ mode, store, user = null, fields = null, permissionCodes, roles }) {
    this.mode = mode;
    this.prefix = mode;
    this.store = store;
    this.user = user;
    this.fieldStates = fields;
    this.endsCheck = new Set(permissionCodes);
    this.roles = roles;
    this.groups = mode === 'add' ? ADD_GROUPS : EDIT_GROUPS;
    this.keys = this.groups.flatMap((g) => g.fields);
    this.editable = new Set(this.keys.filter((k) => this.state(k).editable));
    this.visited = new Set();
    this.erred = new Set();
    this.submitted = false;
    this.typing = null;
    this.lastOut = null;
  }

  get actor() { return this.store.actor; }
  get engine() { return this.store.engine; }

  state(key) {
    if (this.mode === 'add') return { editable: true };
    return this.fieldStates[FIELDS[key].state ?? key] ?? { editable: false };
  }

  // ------------------------------------------------------------ building
  /** The form element; `extra(key)` may add nodes after a field (the replace plan, the schedule view). */
  build({ sharedNoteId = null, sharedText = null, extra = () => null } = {}) {
    const boxes = this.groups.map((g) => {
      const grid = h('div', { class: 'form-grid' }, g.fields.map((key) => {
        const st = this.state(key);
        const ro = st.editable ? null : st;
        const shared = ro && sharedText != null && fullText(ro) === sharedText ? sharedNoteId : null;
        const value = this.mode === 'add' ? this.initialValue(key) : storedValue(this.user, key);
        const box = this.fieldBox(key, value, ro, shared);
        const more = extra(key);
        if (more) box.append(more);
        return box;
      }));
      if (g.details) {
        const u = this.user;
        const open = !!(u?.webLogin || u?.allowedCallerIds?.length || u?.reportUsers?.length);
        return h('details', { class: 'group', open }, h('summary', { text: t(g.legend) }), grid);
      }
      return h('fieldset', { class: 'group' }, h('legend', { text: t(g.legend) }), grid);
    });
    const form = h('form', { id: `${this.prefix}-form`, novalidate: true, 'data-testid': `${this.prefix}-form` },
      h('div', { class: 'msg form-msg', id: `${this.prefix}-form-msg`, 'data-testid': `${this.prefix}-form-msg`, 'aria-live': 'polite' }),
      ...boxes);
    form.addEventListener('input', (e) => {
      if (e.target.dataset.skip != null) return;
      const key = e.target.closest('[data-field]')?.dataset.field;
      if (!key || this.committedOnChange(key)) return;
      this.onType(key);
    });
    form.addEventListener('change', (e) => {
      if (e.target.dataset.skip != null) return;
      const key = e.target.closest('[data-field]')?.dataset.field;
      if (key && this.committedOnChange(key)) this.onCommit(key);
    });
    form.addEventListener('focusout', (e) => {
      if (e.target.dataset.skip != null) return;
      // Heading for Submit or Cancel: submit shows everything anyway, and a message that
      // appeared now would move the button away from under the pointer.
      if (e.relatedTarget?.closest?.('.buttons, .dlg-head')) return;
      const key = e.target.closest('[data-field]')?.dataset.field;
      if (key && !this.committedOnChange(key) && this.editable.has(key)) this.onCommit(key);
    });
    this.form = form;
    return form;
  }

  /** Selects, checkboxes and the people picker commit a value when it changes. */
  committedOnChange(key) {
    return ['role', 'bool', 'checks', 'people'].includes(FIELDS[key].kind);
  }

  initialValue(key) {
    const kind = FIELDS[key].kind;
    if (key === 'role') return 'agent';
    if (kind === 'bool') return false;
    if (kind === 'checks' || kind === 'list' || kind === 'people') return [];
    if (kind === 'optional') return null;
    return '';
  }

  label(key) { return t(`field.${key}`); }

  /** A field: label, control, help, and either the read-only reason or the message box. */
  fieldBox(key, value, readOnly, sharedNoteId) {
    const spec = FIELDS[key];
    const id = domId(this.prefix, key);
    const helpText = this.helpText(key, value);
    const help = helpText != null ? h('div', { class: 'help', id: `${id}-help`, text: helpText }) : null;
    const describedBy = [help && `${id}-help`, readOnly ? (sharedNoteId ?? `${id}-reason`) : `${id}-msg`].filter(Boolean).join(' ');
    const group = spec.kind === 'checks' || spec.kind === 'people';
    const ctl = this.control(key, value, !!readOnly, group ? null : describedBy);
    const label = spec.kind === 'bool' ? null
      : group ? h('legend', { text: this.label(key) }) : h('label', { for: id, text: this.label(key) });
    return h(group ? 'fieldset' : 'div', {
      class: `field${spec.wide ? ' wide' : ''}${readOnly ? ' ro' : ''}${spec.kind === 'bool' ? ' bool' : ''}`,
      'data-key': key, 'aria-describedby': group ? describedBy : null,
    },
    label, ctl, help,
    readOnly && !sharedNoteId ? reasonNote(`${id}-reason`, readOnly) : null,
    readOnly ? null : h('div', { class: 'msg', id: `${id}-msg`, 'data-testid': `${id}-msg`, 'aria-live': 'polite' }));
  }

  helpText(key, value) {
    if (key === 'role') return roleDescription(value);
    if (key === 'pro') return t(value ? 'pro.on' : 'pro.off');
    if (key === 'timeZone') return t('help.timeZone', { zone: this.store.account.timeZone ?? 'Asia/Kolkata' });
    return FIELDS[key].help ? t(FIELDS[key].help) : null;
  }

  control(key, value, readOnly, describedBy) {
    const spec = FIELDS[key];
    const id = domId(this.prefix, key);
    const common = { id, 'data-field': key, 'aria-describedby': describedBy };
    switch (spec.kind) {
      case 'bool':
        return h('label', { class: 'check-line switch' },
          h('input', { ...common, type: 'checkbox', role: 'switch', checked: value, disabled: readOnly }), ` ${this.label(key)}`);
      case 'role':
        return h('select', { ...common, disabled: readOnly },
          this.roles.map((r) => h('option', { value: r, selected: r === value, text: roleLabel(r) })));
      case 'checks': {
        const opts = this.choices(key, value);
        return h('div', { id, 'data-field': key, class: 'checks' }, opts.length
          ? opts.map(([v, text]) => h('label', {}, h('input', { type: 'checkbox', value: v, checked: value.includes(v), disabled: readOnly }), ` ${text}`))
          : h('span', { class: 'muted', text: t('field.noneInAccount') }));
      }
      case 'people':
        return this.peoplePicker(key, value, readOnly);
      case 'list':
        return h('textarea', { ...common, rows: 2, readonly: readOnly, autocomplete: 'off', spellcheck: 'false', value: value.join('\n') });
      case 'password':
        return h('input', { ...common, type: 'password', autocomplete: 'new-password', readonly: readOnly, value });
      default:
        return h('input', {
          ...common, type: spec.type ?? 'text', value: value ?? '', readonly: readOnly,
          autocomplete: spec.autocomplete ?? 'off', spellcheck: 'false', inputmode: spec.inputmode, list: spec.list,
          placeholder: key === 'timeZone' ? this.store.account.timeZone ?? null : spec.placeholder,
        });
    }
  }

  /** Departments by name, caller IDs as numbers; a stored value not among them stays shown. */
  choices(key, chosen) {
    const acc = this.store.account;
    const opts = key === 'departments'
      ? (acc.departments ?? []).map((d) => [d.id, d.name])
      : (acc.callerIds ?? []).map((n) => [n, n]);
    for (const v of chosen) if (!opts.some(([id]) => id === v)) opts.push([v, v]);
    return opts;
  }

  /** People by name: chips with a remove button, and a name box with suggestions. */
  peoplePicker(key, ids, readOnly) {
    const id = domId(this.prefix, key);
    const box = h('div', { id, 'data-field': key, class: 'people', 'data-ids': JSON.stringify(ids) });
    const chips = h('ul', { class: 'chips', 'data-testid': `${id}-chips` });
    const note = h('div', { class: 'help', id: `${id}-note`, 'aria-live': 'polite' });
    const listId = `${id}-options`;
    const options = h('datalist', { id: listId });
    const input = h('input', {
      id: `${id}-input`, 'data-skip': '', list: listId, autocomplete: 'off', placeholder: t('people.placeholder'),
      'aria-describedby': `${id}-note`, disabled: readOnly,
    });
    const label = h('label', { for: `${id}-input`, class: 'sr-only', text: t('people.input') });
    const changed = () => box.dispatchEvent(new Event('change', { bubbles: true }));
    const optionText = (u) => `${u.name} · ${u.extension}`;
    const draw = () => {
      const current = JSON.parse(box.dataset.ids);
      chips.replaceChildren(...(current.length ? current.map((uid) => h('li', { 'data-id': uid },
        h('span', { text: userName(this.store, uid) }),
        readOnly ? null : h('button', {
          type: 'button', class: 'icon small', 'data-skip': '', 'aria-label': t('people.remove', { name: userName(this.store, uid) }),
          onclick: () => {
            box.dataset.ids = JSON.stringify(JSON.parse(box.dataset.ids).filter((x) => x !== uid));
            draw();
            input.focus();
            changed();
          },
        }, h('span', { 'aria-hidden': 'true', text: '×' })))) : [h('li', { class: 'muted', text: t('people.none') })]));
    };
    const add = () => {
      const text = input.value.trim();
      if (!text) return;
      const lower = text.toLocaleLowerCase();
      const users = this.store.account.users;
      const hit = users.find((u) => optionText(u) === text)
        ?? (users.filter((u) => u.name.toLocaleLowerCase() === lower).length === 1 ? users.find((u) => u.name.toLocaleLowerCase() === lower) : null);
      if (!hit) { note.textContent = t('people.notFound', { text }); return; }
      note.textContent = '';
      const current = JSON.parse(box.dataset.ids);
      if (!current.includes(hit.id)) box.dataset.ids = JSON.stringify([...current, hit.id]);
      input.value = '';
      draw();
      changed();
    };
    input.addEventListener('input', () => {
      const q = input.value.trim().toLocaleLowerCase();
      const hits = q ? this.store.account.users.filter((u) => u.name.toLocaleLowerCase().includes(q)).slice(0, 20) : [];
      options.replaceChildren(...hits.map((u) => h('option', { value: optionText(u) })));
      note.textContent = '';
    });
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
    draw();
    box.append(chips, readOnly ? null : h('div', { class: 'people-add' }, label, input,
      h('button', { type: 'button', class: 'secondary small', 'data-skip': '', 'data-testid': `${id}-add`, onclick: add, text: t('people.add') })),
    options, note);
    return box;
  }

  // ------------------------------------------------------------ values
  readValue(key) {
    const el = byId(domId(this.prefix, key));
    switch (FIELDS[key].kind) {
      case 'bool': return el.checked;
      case 'checks': return [...el.querySelectorAll('input:checked')].map((i) => i.value);
      case 'people': return JSON.parse(el.dataset.ids);
      case 'list': return el.value.split(/[\s,;]+/).filter(Boolean);
      case 'optional': return el.value.trim() === '' ? null : el.value;
      default: return el.value;
    }
  }

  /** The add form's user: fields left empty are left out (the engine fills defaults). */
  draft() {
    const d = {};
    for (const key of this.keys) {
      const v = this.readValue(key);
      if (v == null || (typeof v === 'string' && v.trim() === '')) continue;
      d[key] = v;
    }
    return d;
  }

  /** The edit form's patch of changed editable fields. Emptying both the login ID and the IP
   * list of a user who has a panel login asks to remove the login (`webLogin: null`). */
  patch() {
    const u = this.user;
    const patch = {};
    const login = {};
    for (const key of this.editable) {
      const v = this.readValue(key);
      if (key === 'webLogin.password') { if (v !== '') login.password = v; continue; }
      if (sameValue(key, v, storedValue(u, key))) continue;
      if (key.startsWith('webLogin.')) login[key.slice('webLogin.'.length)] = v;
      else patch[key] = v;
    }
    const removeLogin = u.webLogin && this.editable.has('webLogin.loginId') && !login.password
      && this.readValue('webLogin.loginId').trim() === '' && this.readValue('webLogin.allowedIps').length === 0;
    if (removeLogin) patch.webLogin = null;
    else if (Object.keys(login).length) patch.webLogin = login;
    return patch;
  }

  /** The op this form would run now, or null (an edit with nothing changed). */
  op() {
    if (this.mode === 'add') return { type: 'addUser', actor: this.actor, user: this.draft() };
    const patch = this.patch();
    return Object.keys(patch).length ? { type: 'editUser', actor: this.actor, target: this.user.id, patch } : null;
  }

  // ------------------------------------------------------------ timing
  onType(key) {
    this.typing = key;
    this.refresh();
    markRendered();
  }

  onCommit(key) {
    this.typing = null;
    this.visited.add(key);
    this.refresh(key);
    markRendered();
  }

  /** Checks the op and shows what the timing allows. `left`: the field just left. */
  refresh(left = null) {
    const op = this.op();
    const out = op ? this.engine.check(op) : null;
    this.lastOut = out;
    this.show(out, left);
    return out;
  }

  /** Submit: the op when the engine accepts it; otherwise every problem shown, focus on the first. */
  submit() {
    const op = this.op();
    if (!op) {
      this.say([h('p', { class: 'todo', text: t('form.noChanges') })], 'info');
      return null;
    }
    const out = this.engine.check(op);
    if (out.ok) return op;
    this.showRefused(out);
    return null;
  }

  /** Shows a refused Outcome (from submit, or from the server) as if submitted. */
  showRefused(out) {
    this.submitted = true;
    this.typing = null;
    const { rest } = this.show(out, null);
    const shownErrors = [...this.form.querySelectorAll('.msg[data-invalid=true]')];
    const n = shownErrors.length + errorsOf(rest).length;
    const summary = h('p', { class: 'todo', 'data-testid': `${this.prefix}-form-summary`, text: tn('form.fix', n) });
    this.say([summary, ...errorsOf(rest).map((v) => violationLine(v))], 'error');
    const first = shownErrors[0]?.closest('.field');
    const target = first?.querySelector('input:not([data-skip]):not([disabled]), select, textarea');
    if (target) {
      target.closest('details')?.setAttribute('open', '');
      target.focus();
    } else {
      const msg = byId(`${this.prefix}-form-msg`);
      msg.tabIndex = -1;
      msg.focus();
    }
  }

  say(nodes, kind) {
    const msg = byId(`${this.prefix}-form-msg`);
    msg.replaceChildren(...nodes);
    msg.dataset.sig = '';
    msg.className = `msg form-msg ${kind}`;
  }

  /** Spreads an Outcome over the fields by the timing rules; returns the violations of no shown field. */
  show(out, left) {
    const violations = out?.violations ?? [];
    const ended = violations.some((v) => this.endsCheck.has(v.code));
    const at = new Map();
    const rest = [];
    for (const v of violations) {
      const key = v.field ? formKey(v.field) : null;
      if (key && this.editable.has(key)) {
        if (!at.has(key)) at.set(key, []);
        at.get(key).push(v);
      } else rest.push(v);
    }
    for (const key of this.editable) {
      const full = this.submitted || this.erred.has(key) || (this.visited.has(key) && key !== this.typing);
      let list = at.get(key) ?? [];
      // After a permission code nothing else was checked: ask about this field alone.
      if (ended && !at.has(key) && (full || key === this.typing)) {
        list = this.engine.checkField(key, this.readValue(key), this.mode === 'edit' ? this.user.id : null).violations;
      }
      if (!out && this.mode === 'edit') list = [];
      const shown = full ? list : list.filter((v) => CLASHES.has(v.code));
      const hasError = shown.some((v) => v.severity === 'error');
      if (hasError) this.erred.add(key);
      else if (key === left) this.erred.delete(key);
      this.showAt(key, shown);
    }
    // The form message: problems without a shown field, once the user has tried to submit.
    const general = this.submitted ? errorsOf(rest) : [];
    const msg = byId(`${this.prefix}-form-msg`);
    if (rewrite(msg, sigOf(general), () => general.map((v) => violationLine(v)))) {
      msg.className = `msg form-msg${general.length ? ' error' : ''}`;
    }
    this.updateHelp();
    const sched = byId(`${this.prefix}-schedule-view`);
    if (sched && this.editable.has('schedule')) {
      renderSchedule(sched, byId(domId(this.prefix, 'schedule')).value, out?.user?.schedule ?? this.user?.schedule ?? parseDefault(this));
    }
    return { rest };
  }

  /** The role description and the Pro switch's meaning follow the chosen value. */
  updateHelp() {
    for (const key of ['role', 'pro']) {
      const help = byId(`${domId(this.prefix, key)}-help`);
      if (help && this.keys.includes(key)) help.textContent = this.helpText(key, this.readValue(key));
    }
  }

  /** `violations` at field `key`: the message box, aria-invalid, a suggestion button. */
  showAt(key, violations) {
    const id = domId(this.prefix, key);
    const msg = byId(`${id}-msg`);
    const ctl = byId(id);
    if (!msg || !ctl) return;
    const list = [...errorsOf(violations), ...violations.filter((v) => v.severity !== 'error')];
    const invalid = list.some((v) => v.severity === 'error');
    const controls = ctl.matches('input, select, textarea') ? [ctl] : ctl.querySelectorAll('input:not([data-skip])');
    for (const el of controls) {
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
    msg.dataset.invalid = String(invalid);
    msg.className = `msg ${invalid ? 'error' : list.length ? 'warning' : ''}`;
    if (invalid) ctl.closest('details')?.setAttribute('open', '');
  }
}

// The schedule an empty add form would store: the engine's normalised user of the draft.
function parseDefault(form) {
  return form.lastOut?.user?.schedule ?? null;
}

export const fullText = (v) => [v.message, v.hint].filter(Boolean).join(' ');
const sigOf = (violations) => JSON.stringify(violations.map((v) => [v.code, v.field, v.message, v.hint, v.params?.suggestion]));

/** A read-only field's reason: the FieldState's own message and hint. */
export function reasonNote(id, st) {
  return h('div', { class: 'reason', id, 'data-reason': st.reason ?? '', 'data-testid': id },
    h('strong', { text: `${t('field.readOnly')} ` }), st.message ?? '', st.hint ? h('span', { class: 'hint', text: ` ${st.hint}` }) : null);
}

/** One violation: message, hint, the suggested value as a button, the schedule error's place. */
export function violationLine(v, { suggest, testId, source } = {}) {
  const line = h('div', { class: `v ${v.severity}`, 'data-code': v.code },
    h('span', { class: 'm', text: v.message }),
    v.hint ? [' ', h('span', { class: 'hint', text: v.hint })] : null);
  if (v.params?.suggestion != null && suggest) {
    const s = String(v.params.suggestion);
    line.append(' ', h('button', { type: 'button', class: 'suggest small', 'data-testid': testId, 'data-value': s, onclick: () => suggest(s), text: t('field.suggest', { value: s }) }));
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
