// The counters "users used / plan limit" and "Pro seats used / bought", and the verdict
// "can one more user be added?".
//
// The plan's limit is policy data that only the engine holds, so it is read from the
// engine's own answer: a `seatRequest` for more users than any plan allows is refused with
// `plan_user_limit`, whose params carry `maxUsers` and `users` (the engine's count after the
// request). An unlimited plan accepts it. The verdict for one more user is the engine's
// `seatRequest` of 1, message and hint included. Pro seats are account data (`proSeats`);
// the used count is a display count of users with Pro on.

const PROBE = 1_000_000_000;

export function usage(engine, account) {
  const probe = engine.check({ type: 'seatRequest', count: PROBE });
  const limit = probe.violations.find((v) => v.code === 'plan_user_limit');
  const used = limit && typeof limit.params.users === 'number' ? limit.params.users - PROBE : account.users.length;
  const oneMore = engine.check({ type: 'seatRequest', count: 1 });
  return {
    plan: account.plan,
    users: used,
    maxUsers: limit ? limit.params.maxUsers : null,
    proUsed: account.users.filter((u) => u.pro).length,
    proSeats: account.proSeats ?? 0,
    /** The engine's refusal of one more user, or null when there is room. */
    full: oneMore.ok ? null : oneMore.violations.find((v) => v.severity === 'error') ?? null,
  };
}
