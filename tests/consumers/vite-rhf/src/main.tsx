import { createRoot } from 'react-dom/client';
import init, { Engine } from 'roster-rules';
import { roomy, full } from 'consumer-harness/accounts.js';
import { AddUser } from './AddUser';

// The .wasm loads once, before the form can check anything.
await init();
const plan = new URLSearchParams(location.search).get('plan');
const engine = new Engine(plan === 'full' ? full() : roomy());
createRoot(document.getElementById('root')!).render(<AddUser engine={engine} actor="u1" />);
