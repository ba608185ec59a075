// The actor of an op is the signed-in user, never what the request body says. An op
// naming another actor is refused with a `not_permitted` Outcome (403) and nothing runs:
// the engine's `checkAs(signedIn, op)` says so, in its own words (reason
// `actor_not_signed_in`), and the write path applies with `applyAs` as well.

/** Whether `op` names an actor other than the signed-in `userId` (what makes the answer a
 *  403 rather than a 422). An op without an `actor` key (the read-only ones) names none. */
export function namesAnotherActor(op, userId) {
  return Object.hasOwn(op, 'actor') && op.actor !== userId;
}
