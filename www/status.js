// The status line under the header, and the human sentences it says after an op:
// "Dev Patel's extension changed from 13 to 17." from the Outcome's `changes` and `effects`
// (data), in the page's words. A refusal says the engine's own message and hint.
import { byId } from './dom.js';
import { t, tn, TABLES } from './i18n.js';
import { valueText } from './labels.js';

/** Shows `text` in the sticky status line (`kind`: ok, error, info); empty hides it. The line
 * stays in the accessibility tree while empty, so the live region is heard when it speaks. */
export function say(text, kind = 'ok') {
  byId('status').textContent = text;
  const bar = byId('status-bar');
  bar.dataset.kind = kind;
  bar.classList.toggle('empty', !text);
  byId('status-dismiss').hidden = !text;
}

/** The engine's words for a refusal: each error's message and hint. */
export function refusal(out) {
  const errors = out.violations.filter((v) => v.severity === 'error');
  return t('failed', { reason: errors.map((v) => [v.message, v.hint].filter(Boolean).join(' ')).join(' ') });
}

/** The changes of one user, a panel login's parts as changes of their own: the engine gives
 * them either as `webLogin.loginId` … paths or as one `webLogin` object (older builds). */
function expand(changes, target) {
  const out = [];
  for (const c of changes) {
    if (c.userId != null && c.userId !== target) continue;
    if (c.field === 'previousStatus') continue; // bookkeeping for reactivation, not news
    if (c.field.startsWith('webLogin.')) {
      out.push({ ...c, field: c.field.slice('webLogin.'.length) });
    } else if (c.field === 'webLogin' && c.from && c.to && typeof c.from === 'object') {
      for (const k of ['loginId', 'allowedIps', 'blocked']) {
        const a = c.from[k] ?? null;
        const b = c.to[k] ?? null;
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: k, from: a, to: b });
      }
    } else if (c.field === 'webLogin') {
      const id = (v) => (v && typeof v === 'object' ? v.loginId ?? null : v ?? null);
      out.push({ field: 'webLogin', from: id(c.from), to: id(c.to) });
    } else {
      out.push(c);
    }
  }
  return out;
}

const empty = (v) => v == null || v === '' || (Array.isArray(v) && v.length === 0);

/** "Dev Patel's extension changed from 13 to 17." and what follows from it. */
export function describeEdit(store, user, out) {
  const name = out.user?.name ?? user.name;
  const items = expand(out.changes, user.id).map((c) => {
    const field = TABLES.en[`chg.${c.field}`] ? t(`chg.${c.field}`) : c.field;
    const from = valueText(store, c.field, c.from);
    const to = valueText(store, c.field, c.to);
    return { c, field, from, to, kind: empty(c.from) ? 'Set' : empty(c.to) ? 'Cleared' : '' };
  });
  const lines = [];
  if (items.length === 1) {
    const [{ field, from, to, kind }] = items;
    lines.push(t({ '': 'done.change', Set: 'done.set', Cleared: 'done.cleared' }[kind], { name, field, from, to }));
  } else if (items.length > 1) {
    // Items apart with "; ": a value may itself be a list joined with "and".
    const list = items.map(({ field, from, to, kind }) => t(`done.item${kind}`, { field, from, to })).join('; ');
    lines.push(t('done.changes', { name, list }));
  }
  for (const e of out.effects) {
    if (['email_verification_required', 'relogin_suggested', 'password_changed'].includes(e)) lines.push(t(`effect.${e}`, { name }));
  }
  return lines.length ? lines.join(' ') : t('done.nothing', { name });
}

export function describeAdd(out) {
  return t(out.effects.includes('invite_sent') ? 'done.added' : 'done.addedQuiet', { name: out.user.name });
}

export const describeImport = (added) => tn('done.imported', added);
