// A server entry rendered by Vite SSR: the engine's verdict on an add, as HTML.
import { Engine } from 'roster-rules';
import { roomy, gita } from 'consumer-harness/accounts.js';

const engine = new Engine(roomy());

export function render(extension) {
  const outcome = engine.check({ type: 'addUser', actor: 'u1', user: { ...gita(), extension } });
  const items = outcome.violations.map((v) => `<li data-code="${v.code}">${v.message}</li>`).join('');
  return `<p data-ok="${outcome.ok}">${outcome.ok ? 'Ready to add.' : 'Not yet:'}</p><ul>${items}</ul>`;
}
