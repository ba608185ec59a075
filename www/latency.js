// The keystroke probe read by the e2e measurement (www/README.md, "Keystroke latency"):
// a keydown in a text field starts the clock; once the form's input handler has checked
// the draft and written the DOM it calls markRendered(), which records `sync` (rendered)
// and, at the next animation frame, `frame`. Nothing is asserted on these numbers.
window.latency = [];
let keyAt = null;

document.addEventListener('keydown', (e) => {
  if (e.target.matches?.('input, textarea')) keyAt = performance.now();
}, true);
// A keystroke that rendered nothing (a field without a probe) must not time a later click.
document.addEventListener('keyup', () => { keyAt = null; }, true);

export function markRendered() {
  if (keyAt == null) return;
  const t0 = keyAt;
  keyAt = null;
  const sync = performance.now() - t0;
  requestAnimationFrame(() => window.latency.push({ sync, frame: performance.now() - t0 }));
}
