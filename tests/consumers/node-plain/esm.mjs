// Plain Node, ESM: `import` the package; it is ready at import (no init()).
import { Engine, parseSchedule } from 'roster-rules';
import { roomy, gita } from 'consumer-harness/accounts.js';

const engine = new Engine(roomy());
const taken = engine.checkField('extension', '11').violations.map((v) => v.code);
const added = engine.apply({ type: 'addUser', actor: 'u1', user: gita() });
console.log(JSON.stringify({ taken, ok: added.ok, mobile: added.user.mobile, week: parseSchedule('Mon-Fri 9am-6pm').schedule.canonical }));
