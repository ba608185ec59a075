// "Can this user take a call now?": the engine's `reachable` verdict at this instant, its
// reasons in the engine's words, and the next opening built from `params.nextOpen` (an
// RFC 3339 instant), shown in the viewer's own time zone. The hint text is never searched:
// for a reason that carries `nextOpen`, the page shows that instant instead of the hint.
import { h } from './dom.js';
import { t, locale } from './i18n.js';

/** `2025-11-24T09:00:00+05:30` → "Mon, 24 Nov, 9:00 am IST" in the viewer's zone and language. */
export function formatInstant(rfc3339, { timeZone } = {}) {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone,
  }).format(d);
}

export function reachability(engine, user, now = new Date()) {
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const out = engine.check({ type: 'reachable', target: user.id, at });
  const box = h('div', {
    class: `reach ${out.ok ? 'ok' : 'no'}`, 'data-testid': 'reachable', 'data-ok': String(out.ok),
    'data-codes': out.violations.map((v) => v.code).join(' '),
  },
  h('strong', { text: `${t('reach.question', { name: user.name })} ` }), t(out.ok ? 'reach.yes' : 'reach.no'));
  if (!out.violations.length) return box;
  const list = h('ul', {});
  for (const v of out.violations) {
    const next = typeof v.params?.nextOpen === 'string' ? v.params.nextOpen : null;
    list.append(h('li', { class: v.severity, 'data-code': v.code }, v.message,
      next
        ? [' ', t('reach.next'), ' ',
          h('time', { datetime: next, 'data-testid': 'next-open', text: formatInstant(next) })]
        : v.hint ? [' ', h('span', { class: 'hint', text: v.hint })] : null));
  }
  box.append(list);
  return box;
}
