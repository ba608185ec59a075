// The same declarations from CommonJS (`require`), no DOM and no Node lib.
import roster = require('roster-rules');

const engine = new roster.Engine({ plan: 'nano', users: [] });
const ok: boolean = engine.checkField('email', 'gita@acme.in').ok;
export = ok;
