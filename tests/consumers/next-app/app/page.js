// A server component: the engine runs while the page renders on the server.
import { Engine } from 'roster-rules';
import { roomy, gita } from 'consumer-harness/accounts.js';

export const dynamic = 'force-dynamic';

export default function Page() {
  const engine = new Engine(roomy());
  const outcome = engine.check({ type: 'addUser', actor: 'u1', user: { ...gita(), extension: '11' } });
  engine.free();
  return (
    <main>
      <h1>Add Gita on extension 11</h1>
      <ul id="server-verdict">
        {outcome.violations.map((v) => <li key={v.code} data-code={v.code}>{v.message} {v.hint}</li>)}
      </ul>
    </main>
  );
}
