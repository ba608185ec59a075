// The Add user and Edit user dialogs: a UserForm in a modal dialog, the op sent through
// the store on submit, a human status line after it. The edit dialog also answers "Can
// this user take a call now?" and offers the mobile-number replacement.
import { h, byId } from './dom.js';
import { t } from './i18n.js';
import { openDialog } from './dialog.js';
import { UserForm, fullText, reasonNote, violationLine } from './userform.js';
import { reachability } from './reach.js';
import { replaceSection } from './replace.js';
import { say, describeAdd, describeEdit, refusal } from './status.js';

/** The control to focus when `opener` has been re-rendered away: the same control of the new row. */
const sameControl = (opener) => {
  const id = opener?.dataset?.testid;
  return () => (id && document.querySelector(`[data-testid="${CSS.escape(id)}"]`)) || byId('users-h');
};

/** Sends `op` with the busy state; the Outcome, or null when nothing could be sent. */
export async function send(ctx, op) {
  say(t('status.busy'), 'info');
  let out;
  try {
    out = await ctx.store.run(op);
  } catch (e) {
    if (e.name === 'SignedOut') { say(t('status.signedOut'), 'error'); ctx.signIn(); return null; }
    throw e;
  }
  if (!out) { say(t('status.offline'), 'error'); return null; }
  say('', 'info');
  return out;
}

export function openAdd(ctx, opener) {
  const form = new UserForm({ mode: 'add', store: ctx.store, permissionCodes: ctx.permissionCodes, roles: ctx.roles });
  return openDialog({
    title: t('add.title'), testId: 'add-dialog', opener, returnTo: () => byId('add-open'), wide: true,
    build: ({ close }) => {
      const el = form.build({ extra: (key) => (key === 'schedule' ? h('div', { class: 'sched', id: 'add-schedule-view', 'data-testid': 'add-schedule-view' }) : null) });
      el.append(h('div', { class: 'buttons sticky-end' },
        h('button', { type: 'submit', id: 'add-submit', 'data-testid': 'add-submit', text: t('add.submit') }),
        h('button', { type: 'button', class: 'secondary', onclick: close, text: t('dialog.cancel') })));
      el.addEventListener('submit', async (e) => {
        e.preventDefault();
        const op = form.submit();
        if (!op) return;
        const out = await send(ctx, op);
        if (!out) return;
        if (out.ok) {
          close();
          ctx.list.reveal(out.user.id);
          ctx.render();
          say(describeAdd(out), 'ok');
        } else {
          form.showRefused(out);
        }
      });
      queueMicrotask(() => form.refresh());
      return [el];
    },
  });
}

export function openEdit(ctx, id, opener) {
  const { store } = ctx;
  const user = store.user(id);
  if (!user) return null;
  const ef = store.engine.check({ type: 'editableFields', actor: store.actor, target: id });
  if (!ef.fields) {
    return openDialog({
      title: t('edit.viewTitle', { name: user.name }), testId: 'edit-dialog', opener, returnTo: sameControl(opener),
      build: () => [h('div', { class: 'msg form-msg error' }, ef.violations.map((v) => violationLine(v)))],
    });
  }
  const form = new UserForm({ mode: 'edit', store, user, fields: ef.fields, permissionCodes: ctx.permissionCodes, roles: ctx.roles });
  // A reason shared by most read-only fields (a manager looking at an admin) is said once, above.
  const counts = new Map();
  for (const key of form.keys) {
    const st = form.state(key);
    if (!st.editable) counts.set(fullText(st), (counts.get(fullText(st)) ?? 0) + 1);
  }
  const [sharedText, sharedCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const shared = sharedCount >= 3 ? sharedText : null;
  const sharedState = shared && form.keys.map((k) => form.state(k)).find((st) => !st.editable && fullText(st) === shared);
  const canSave = form.editable.size > 0;

  return openDialog({
    title: t(canSave ? 'edit.title' : 'edit.viewTitle', { name: user.name }), testId: 'edit-dialog', opener,
    returnTo: sameControl(opener), wide: true,
    build: ({ close }) => {
      const replaceRun = async (op) => {
        const out = await send(ctx, op);
        if (out?.ok) {
          close();
          ctx.list.reveal(out.user?.id);
          ctx.render();
          const deactivates = (out.plan ?? []).some((p) => p.type === 'deactivateUser');
          say(t(deactivates ? 'done.replaced' : 'done.replacedKept', { name: out.user?.name ?? user.name, mobile: out.user?.mobile ?? op.mobile }), 'ok');
        }
        return out;
      };
      const el = form.build({
        sharedNoteId: 'edit-readonly-note', sharedText: shared,
        extra: (key) => {
          if (key === 'mobile' && form.state('mobile').reason === 'mobile_immutable') return replaceSection({ store, user, run: replaceRun });
          if (key === 'schedule') return h('div', { class: 'sched', id: 'edit-schedule-view', 'data-testid': 'edit-schedule-view' });
          return null;
        },
      });
      el.append(h('div', { class: 'buttons sticky-end' },
        canSave ? h('button', { type: 'submit', id: 'edit-save', 'data-testid': 'edit-save', text: t('edit.submit') }) : null,
        h('button', { type: 'button', class: 'secondary', onclick: close, text: t(canSave ? 'dialog.cancel' : 'dialog.close') })));
      el.addEventListener('submit', async (e) => {
        e.preventDefault();
        const op = form.submit();
        if (!op) return;
        const out = await send(ctx, op);
        if (!out) return;
        if (out.ok) {
          close();
          ctx.render();
          say(describeEdit(store, user, out), 'ok');
        } else {
          form.showRefused(out);
          if (!out.violations.length) say(refusal(out), 'error');
        }
      });
      queueMicrotask(() => form.show(null, null));
      return [
        reachability(store.engine, user),
        sharedState ? reasonNote('edit-readonly-note', sharedState) : null,
        el,
      ];
    },
  });
}
