// A schedule field's companion: the canonical form the engine stores and a week picture
// (SVG; overnight spans come from the engine already split at midnight).
import { h } from './dom.js';
import { t } from './i18n.js';
import { parseSchedule } from '../pkg/js/browser.js';

const toMin = (hm) => { const [a, b] = hm.split(':').map(Number); return a * 60 + b; };

function weekSvg(weekly) {
  const NS = 'http://www.w3.org/2000/svg';
  const lw = 34; const hw = 12; const rh = 16; const W = lw + 24 * hw + 4; const H = 7 * rh + 14;
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'week', role: 'img', 'data-testid': 'week' });
  const said = [];
  weekly.forEach((spans, d) => {
    const y = d * rh;
    const day = t(`day.${d}`);
    svg.append(el('rect', { x: lw, y: y + 2, width: 24 * hw, height: rh - 4, rx: 2, class: 'closed' }),
      el('text', { x: 2, y: y + rh - 4, class: 'day' }, day));
    for (const [a, b] of spans) {
      const x0 = lw + (toMin(a) / 60) * hw;
      const x1 = lw + (toMin(b) / 60) * hw;
      svg.append(el('rect', { x: x0, y: y + 2, width: Math.max(1, x1 - x0), height: rh - 4, class: 'open', 'data-day': d, 'data-span': `${a}-${b}` }));
    }
    said.push(`${day} ${spans.length ? spans.map(([a, b]) => `${a}–${b}`).join(', ') : t('week.closed')}`);
  });
  for (const hr of [0, 6, 12, 18, 24]) {
    svg.append(el('line', { x1: lw + hr * hw, x2: lw + hr * hw, y1: 0, y2: 7 * rh, class: 'tick' }),
      el('text', { x: lw + hr * hw, y: H - 2, class: 'hour', 'text-anchor': hr === 24 ? 'end' : hr ? 'middle' : 'start' }, `${hr}h`));
  }
  svg.setAttribute('aria-label', t('week.label', { list: said.join('; ') }));
  return svg;
}

/** Draws `text`'s canonical form and week in `box` (`stored`: the engine's value when empty). */
export function renderSchedule(box, text, stored) {
  const empty = text.trim() === '';
  const src = empty ? stored ?? '' : text;
  const key = `${empty}|${src}`;
  if (!box || box.dataset.src === key) return; // drawn already
  box.dataset.src = key;
  box.replaceChildren();
  const out = parseSchedule(src);
  if (!out.ok || !out.schedule) return; // the field's message says why
  box.append(
    h('div', { class: 'canonical' }, `${t(empty ? 'schedule.empty' : 'schedule.saved')}: `,
      h('code', { 'data-testid': 'canonical', text: out.schedule.canonical })),
    weekSvg(out.schedule.weekly));
}
