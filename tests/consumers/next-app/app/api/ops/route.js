// A route handler: one Engine per server process applies the posted op.
import { Engine } from 'roster-rules';
import { roomy } from 'consumer-harness/accounts.js';

const engine = new Engine(roomy());

export async function POST(request) {
  const outcome = engine.apply(await request.json());
  const status = outcome.violations.some((v) => v.code === 'bad_request') ? 400 : outcome.ok ? 200 : 422;
  return Response.json(outcome, { status });
}
