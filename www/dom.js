// DOM helpers shared by the page's modules. No rule and no wording lives here.

export const byId = (id) => document.getElementById(id);

/** `h('input', { id, value, onclick }, ...children)`; null/false attributes are left out. */
export function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'value' && (tag === 'input' || tag === 'textarea')) el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false) el.append(kid);
  return el;
}

/** Replaces `el`'s children with `build()` unless `sig` says they are the same already: no
 * DOM work, and a live region does not announce an unchanged message again per keystroke. */
export function rewrite(el, sig, build) {
  if (el.dataset.sig === sig) return false;
  el.dataset.sig = sig;
  el.replaceChildren(...build());
  return true;
}

/** A DOM id from a field path: `webLogin.loginId` → `add-webLogin-loginId`. */
export const domId = (prefix, key) => `${prefix}-${key.replace(/\./g, '-')}`;

/** The elements a keyboard can reach inside `root`, in tab order (no positive tabindex here). */
export function focusables(root) {
  const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), '
    + 'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]')
    && !(el.closest('details:not([open])') && el.tagName !== 'SUMMARY'));
}

export const errorsOf = (violations) => violations.filter((v) => v.severity === 'error');
