// The row menu's actions. Each is enabled or refused by the engine when the menu opens
// (only then: a 10,000-user list does not check 50,000 ops per render), and a refusal
// shows the engine's message and hint inside the item.
//
// - Edit: `editableFields`; refused when no field is editable, with the reason most fields share.
// - Deactivate / Reactivate / Delete: the op's own check.
// - Resend invite (pending users): the engine has no op for it; whether the actor may
//   touch this user at all is `editUser` with an empty patch (the engine answers
//   `not_permitted` for a stranger even then, README "Opening a record").
// - Reset password: `passwordReset` from the actor's own registered email.
import { h } from './dom.js';
import { t } from './i18n.js';
import { openMenu } from './menu.js';
import { openDialog } from './dialog.js';
import { openEdit, send } from './userdialogs.js';
import { say } from './status.js';
import { fullText } from './userform.js';
import { statusLabel, formatNamesOf } from './labels.js';

const reasonOf = (out) => {
  const v = out.violations.find((x) => x.severity === 'error');
  return v ? { code: v.code, nodes: [v.message, v.hint ? ` ${v.hint}` : ''] } : null;
};

/** The menu items for user `u`, with the engine's verdicts. */
export function menuItems(ctx, u, opener) {
  const { store } = ctx;
  const engine = store.engine;
  const actor = store.actor;
  const me = store.user(actor);
  const items = [];

  // Edit
  const ef = engine.check({ type: 'editableFields', actor, target: u.id });
  let editReason = ef.fields ? null : reasonOf(ef);
  if (ef.fields && !Object.values(ef.fields).some((s) => s.editable)) {
    const counts = new Map();
    for (const s of Object.values(ef.fields)) counts.set(fullText(s), [s, (counts.get(fullText(s))?.[1] ?? 0) + 1]);
    const [s] = [...counts.values()].sort((a, b) => b[1] - a[1])[0];
    editReason = { code: s.reason, nodes: [s.message, s.hint ? ` ${s.hint}` : ''] };
  }
  items.push({ id: 'edit', label: t('action.edit'), reason: editReason, run: () => openEdit(ctx, u.id, opener) });

  // Deactivate or Reactivate, by the user's status
  const lifecycle = u.status === 'deactivated'
    ? { id: 'reactivate', type: 'reactivateUser', done: 'done.reactivated' }
    : { id: 'deactivate', type: 'deactivateUser', done: 'done.deactivated' };
  const lcOp = { type: lifecycle.type, actor, target: u.id };
  items.push({
    id: lifecycle.id, label: t(`action.${lifecycle.id}`), reason: reasonOf(engine.check(lcOp)),
    run: async () => {
      const out = await send(ctx, lcOp);
      if (!out) return;
      if (out.ok) say(t(lifecycle.done, { name: u.name, status: statusLabel(out.user?.status ?? '') }), 'ok');
      else say(fullRefusal(out), 'error');
      ctx.render();
      ctx.focusRow(u.id);
    },
  });

  // Resend invite: pending users only
  if (u.status === 'pending') {
    const may = engine.check({ type: 'editUser', actor, target: u.id, patch: {} });
    items.push({
      id: 'resendInvite', label: t('action.resendInvite'), reason: reasonOf(may),
      run: () => { say(t('done.inviteResent', { email: u.email }), 'ok'); ctx.focusRow(u.id); },
    });
  }

  // Reset password
  const resetOp = { type: 'passwordReset', fromEmail: me?.email ?? '', target: u.id };
  items.push({
    id: 'resetPassword', label: t('action.resetPassword'), reason: reasonOf(engine.check(resetOp)),
    run: async () => {
      const out = await send(ctx, resetOp);
      if (!out) return;
      say(out.ok ? t('done.resetSent', { email: u.email }) : fullRefusal(out), out.ok ? 'ok' : 'error');
      ctx.focusRow(u.id);
    },
  });

  // Delete, after a confirmation saying what will happen
  const delOp = { type: 'deleteUser', actor, target: u.id };
  const delCheck = engine.check(delOp);
  items.push({
    id: 'delete', label: t('action.delete'), danger: true, reason: reasonOf(delCheck),
    run: () => confirmDelete(ctx, u, delCheck, opener),
  });

  return items.map((it) => ({ ...it, code: it.reason?.code, reason: it.reason?.nodes ?? null }));
}

const fullRefusal = (out) => out.violations.filter((v) => v.severity === 'error').map(fullText).join(' ');

export function showRowMenu(ctx, id, button, start) {
  const u = ctx.store.user(id);
  if (!u) return;
  openMenu(button, menuItems(ctx, u, button), { start, label: t('menu.open', { name: u.name }) });
}

/** "Delete Esha Khan?": what happens, from the user's record and the check's `changes`. */
function confirmDelete(ctx, u, check, opener) {
  const { store } = ctx;
  // Other users whose call-record lists lose this user (the changes of other users).
  const others = [...new Set(check.changes.filter((c) => c.userId && c.userId !== u.id).map((c) => c.userId))];
  openDialog({
    title: t('delete.title', { name: u.name }), testId: 'delete-dialog', opener,
    returnTo: () => document.querySelector(`[data-testid="menu-${CSS.escape(u.id)}"]`) ?? document.getElementById('users-h'),
    initial: (d) => d.querySelector('[data-cancel]'),
    build: ({ close }) => [
      h('p', { 'data-testid': 'delete-what', text: t('delete.what', { name: u.name, email: u.email, extension: u.extension }) }),
      others.length ? h('p', { text: t('delete.reports', { name: u.name, names: formatNamesOf(store, others) }) }) : null,
      h('p', { class: 'muted', text: t('delete.undo') }),
      h('div', { class: 'buttons' },
        h('button', {
          type: 'button', class: 'danger', 'data-testid': 'delete-confirm', text: t('delete.confirm'),
          onclick: async () => {
            const out = await send(ctx, { type: 'deleteUser', actor: store.actor, target: u.id });
            close();
            if (!out) return;
            if (out.ok) say(t('done.deleted', { name: u.name }), 'ok');
            else say(fullRefusal(out), 'error');
            ctx.render();
          },
        }),
        h('button', { type: 'button', class: 'secondary', 'data-cancel': '', 'data-testid': 'delete-cancel', onclick: close, text: t('dialog.cancel') })),
    ],
  });
}
