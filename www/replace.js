// Changing a mobile number: the number of an existing user cannot change (the engine says
// so, `mobile_immutable`), so the user is replaced. The engine plans it (`replaceUser`: free
// the email and extension, add the new user with every setting, move the departments,
// deactivate the old one); the page shows the plan in words and applies it as the one
// atomic op, never step by step.
import { h } from './dom.js';
import { t } from './i18n.js';
import { violationLine } from './userform.js';
import { markRendered } from './latency.js';

/** One sentence per step of the engine's plan. */
export function describePlan(plan, user, out) {
  const lines = [];
  for (const op of plan) {
    if (op.type === 'editUser') {
      for (const [k, v] of Object.entries(op.patch)) {
        if (k === 'email') lines.push(t('plan.email', { email: v }));
        else if (k === 'extension') lines.push(t('plan.extension', { extension: v, old: user.extension }));
        else if (k === 'departments' && Array.isArray(v) && v.length === 0) lines.push(t('plan.departments'));
        else lines.push(t('plan.other', { type: `${k}: ${JSON.stringify(v)}` }));
      }
    } else if (op.type === 'addUser') {
      lines.push(t('plan.add', { name: op.user.name, mobile: out.user?.mobile ?? op.user.mobile, extension: op.user.extension }));
    } else if (op.type === 'deactivateUser') {
      lines.push(t('plan.deactivate'));
    } else {
      lines.push(t('plan.other', { type: op.type }));
    }
  }
  return lines;
}

/**
 * The "change the mobile number" section of the edit dialog. `run(op)` applies the op and
 * returns its Outcome (closing the dialog on success).
 */
export function replaceSection({ store, user, run }) {
  const input = h('input', {
    id: 'replace-mobile', type: 'tel', inputmode: 'tel', autocomplete: 'off', 'data-skip': '',
    'aria-describedby': 'replace-msg',
  });
  const msg = h('div', { class: 'msg', id: 'replace-msg', 'data-testid': 'replace-msg', 'aria-live': 'polite' });
  const steps = h('ol', { id: 'replace-plan', 'data-testid': 'replace-plan', class: 'plan' });
  const stepsHead = h('p', { class: 'small-text', hidden: true, text: t('replace.steps') });
  const button = h('button', { type: 'button', id: 'replace-run', 'data-skip': '', 'data-testid': 'replace-run', class: 'secondary', text: t('replace.run', { name: user.name }) });
  let erred = false; // once an error has shown, the field is checked live

  const op = () => ({ type: 'replaceUser', actor: store.actor, target: user.id, mobile: input.value });
  const show = (out, all) => {
    const errors = out ? out.violations.filter((v) => v.severity === 'error') : [];
    const shown = all ? errors : errors.filter((v) => v.code === 'mobile_taken');
    if (shown.length) erred = true;
    msg.replaceChildren(...shown.map((v) => violationLine(v)));
    msg.dataset.code = shown.map((v) => v.code).join(' ');
    msg.className = `msg${shown.length ? ' error' : ''}`;
    if (shown.length) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    const plan = out?.ok ? out.plan ?? [] : [];
    steps.replaceChildren(...describePlan(plan, user, out ?? {}).map((s) => h('li', { text: s })));
    stepsHead.hidden = plan.length === 0;
  };
  const check = (all) => {
    const text = input.value.trim();
    const out = text ? store.engine.check(op()) : null;
    show(out, all);
    return out;
  };
  // Enter here must not submit the edit form around it (that would save other changes).
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); button.click(); } });
  input.addEventListener('input', (e) => {
    e.stopPropagation();
    check(erred);
    markRendered();
  });
  input.addEventListener('focusout', () => {
    if (!input.value.trim()) return;
    erred = !check(true)?.ok;
  });
  button.addEventListener('click', async () => {
    const out = check(true);
    if (!out?.ok) {
      erred = true;
      input.focus();
      return;
    }
    const done = await run(op());
    if (done && !done.ok) show(done, true);
  });
  return h('details', { class: 'replace', 'data-testid': 'replace' },
    h('summary', { text: t('replace.open') }),
    h('div', { class: 'replace-body' },
      h('label', { for: 'replace-mobile', text: t('replace.label') }), input, msg, stepsHead, steps, button));
}
