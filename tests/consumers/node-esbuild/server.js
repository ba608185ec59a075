// A Node backend: one Engine per process over the account, ops posted as JSON, 200 when
// applied, 422 with the Outcome when not. Bundled by esbuild into one file (ESM and CJS).
import { createServer } from 'node:http';
import { Engine } from 'roster-rules';
import { roomy } from 'consumer-harness/accounts.js';

const engine = new Engine(roomy());

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    let op;
    try {
      op = JSON.parse(body);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // `apply` checks and changes the engine's account in one step: requests handled by
    // this process cannot both take the same extension.
    const outcome = engine.apply(op);
    const status = outcome.violations.some((v) => v.code === 'bad_request') ? 400 : outcome.ok ? 200 : 422;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(outcome));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
