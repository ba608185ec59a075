// The same package from CommonJS TypeScript (`require` types come from index.d.cts).
import roster = require('roster-rules');

const engine = new roster.Engine({ plan: 'nano', users: [] });
const out: roster.Outcome = engine.check({ type: 'parseSchedule', text: '9am-6pm' });
if (out.schedule?.canonical !== '09:00-18:00') throw new Error('schedule');
console.log('cts ok');
