// Plain Node, CommonJS: `require` the package.
const { Engine, parseSchedule } = require('roster-rules');

const account = { plan: 'swift', users: [{ id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active' }] };
const engine = new Engine(account);
const taken = engine.checkField('extension', '10').violations.map((v) => v.code);
const added = engine.apply({ type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', extension: '13' } });
console.log(JSON.stringify({ taken, ok: added.ok, mobile: added.user.mobile, week: parseSchedule('Mon-Fri 9am-6pm').schedule.canonical }));
