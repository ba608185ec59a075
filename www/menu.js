// The row menu (⋮) as the WAI-ARIA menu button pattern: Enter, Space or ArrowDown on the
// button opens it on the first item (ArrowUp: the last), arrow keys, Home and End move,
// Escape or Tab closes it and gives focus back to the button, a click outside closes it.
//
// An action the engine refuses stays in the menu, focusable, with `aria-disabled` and the
// engine's reason written under its label, inside the item, so a screen reader reads the
// reason with the name ("Delete, dimmed, The user is a member of Support…"): a disabled
// button could not take focus, and a phone has no hover for a tooltip.
import { h } from './dom.js';

let current = null; // { menu, button, close }

export function closeMenu({ focus = true } = {}) {
  if (!current) return;
  const { menu, button, cleanup } = current;
  current = null;
  cleanup();
  menu.remove();
  button.setAttribute('aria-expanded', 'false');
  if (focus && button.isConnected) button.focus();
}

export const menuOpen = () => current != null;

/**
 * Opens a menu under `button`. `items`: [{ id, label, danger?, reason?: Node[] | null, run }];
 * an item with a `reason` is aria-disabled and shows it. `start`: 'first' or 'last'.
 */
export function openMenu(button, items, { start = 'first', label } = {}) {
  closeMenu({ focus: false });
  const menuId = `menu-${Math.random().toString(36).slice(2, 8)}`;
  const entries = items.map((it) => {
    const el = h('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: `item${it.danger ? ' danger' : ''}`,
      'aria-disabled': it.reason ? 'true' : null, 'data-action': it.id,
    },
    h('span', { class: 'label', text: it.label }),
    it.reason ? h('span', { class: 'reason', 'data-code': it.code ?? '' }, ...it.reason) : null);
    el.addEventListener('click', () => {
      if (it.reason) return; // the reason is already on screen
      closeMenu({ focus: false });
      it.run(button);
    });
    return el;
  });
  const menu = h('div', { role: 'menu', id: menuId, class: 'menu', 'aria-label': label, 'data-testid': 'row-menu' }, entries);
  document.body.append(menu);
  place(menu, button);

  const move = (to) => {
    const i = (to + entries.length) % entries.length;
    entries[i].focus();
  };
  menu.addEventListener('keydown', (e) => {
    const i = entries.indexOf(document.activeElement);
    switch (e.key) {
      case 'ArrowDown': e.preventDefault(); move(i + 1); break;
      case 'ArrowUp': e.preventDefault(); move(i - 1); break;
      case 'Home': e.preventDefault(); move(0); break;
      case 'End': e.preventDefault(); move(entries.length - 1); break;
      case 'Escape': e.preventDefault(); e.stopPropagation(); closeMenu(); break;
      case 'Tab': e.preventDefault(); closeMenu(); break;
      default: {
        // Typing a letter moves to the next item starting with it (the pattern's type-ahead).
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLocaleLowerCase();
          const order = [...entries.slice(i + 1), ...entries.slice(0, i + 1)];
          order.find((el) => el.textContent.trim().toLocaleLowerCase().startsWith(k))?.focus();
        }
      }
    }
  });
  const outside = (e) => {
    if (!menu.contains(e.target) && e.target !== button && !button.contains(e.target)) closeMenu({ focus: false });
  };
  const reposition = () => place(menu, button);
  document.addEventListener('pointerdown', outside, true);
  window.addEventListener('resize', reposition);
  window.addEventListener('scroll', reposition, true);
  current = {
    menu, button,
    cleanup: () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    },
  };
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', menuId);
  move(start === 'last' ? entries.length - 1 : 0);
  return menu;
}

/** Under the button, right-aligned with it; above it when there is no room below. */
function place(menu, button) {
  const r = button.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  menu.style.maxWidth = `${Math.min(360, vw - 16)}px`;
  const w = menu.offsetWidth;
  const hgt = menu.offsetHeight;
  const left = Math.max(8, Math.min(r.right - w, vw - w - 8));
  const below = r.bottom + 4;
  const top = below + hgt > vh - 8 && r.top - hgt - 4 > 8 ? r.top - hgt - 4 : Math.min(below, Math.max(8, vh - hgt - 8));
  menu.style.left = `${left}px`;
  menu.style.top = `${top}px`;
}
