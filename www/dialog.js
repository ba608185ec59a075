// Modal dialogs on the native <dialog> (showModal makes the rest of the page inert), with
// what the element leaves to us: Tab and Shift+Tab wrap inside the dialog instead of
// leaving for the browser's own controls, Escape closes, and focus goes back to the
// control that opened it (or `returnTo` when that control was re-rendered away).
import { h, focusables } from './dom.js';
import { t } from './i18n.js';

let seq = 0;

/**
 * Opens a dialog. `build(dialog)` returns its body nodes; `opener` gets focus back.
 * Returns { dialog, close }. `initial`: the element to focus first (default: the first field).
 */
export function openDialog({ title, testId, opener, returnTo, build, initial, wide = false, onClose }) {
  const titleId = `dlg-title-${++seq}`;
  const dialog = h('dialog', { class: `dlg${wide ? ' wide' : ''}`, 'aria-labelledby': titleId, 'data-testid': testId });
  const close = () => { if (dialog.open) dialog.close(); };
  const head = h('div', { class: 'dlg-head' },
    h('h2', { id: titleId, tabindex: '-1', text: title }),
    h('button', { type: 'button', class: 'icon', 'aria-label': t('dialog.close'), 'data-testid': 'dialog-close', onclick: close },
      h('span', { 'aria-hidden': 'true', text: '×' })));
  const body = h('div', { class: 'dlg-body' });
  dialog.append(head, body);
  document.body.append(dialog);
  body.append(...build({ dialog, close, titleId }).filter(Boolean));

  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const els = focusables(dialog);
    if (!els.length) return;
    const first = els[0];
    const last = els.at(-1);
    if (e.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
    const back = opener?.isConnected ? opener : returnTo?.();
    back?.focus();
  });
  dialog.showModal();
  const target = initial?.(dialog) ?? focusables(body)[0] ?? head.querySelector('h2');
  target?.focus();
  return { dialog, close };
}
