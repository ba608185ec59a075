// The actor of an op is the signed-in user, never what the request body says. An op
// naming another actor is refused with a `not_permitted` Outcome (403) and nothing runs.
import { permissionCodes } from '../../pkg/js/node.mjs';

const PERMISSION = new Set(permissionCodes());

/** Whether `op` names an actor other than the signed-in `userId`. An op without an
 *  `actor` key (the read-only ones) names none; a write op without one is the engine's
 *  `bad_request`. */
export function namesAnotherActor(op, userId) {
  return Object.hasOwn(op, 'actor') && op.actor !== userId;
}

/**
 * The Outcome refusing `op` sent by `userId` in another actor's name. When the engine
 * refuses the same op by `userId` itself (an agent posing as the owner to add a user),
 * that is the answer, in the engine's words. When `userId` could have done it, the op is
 * still refused: the violation then says that the actor must be the signed-in user.
 */
export function refusal(engine, op, userId) {
  const own = engine.check({ ...op, actor: userId });
  if (!own.ok && own.violations.some((v) => PERMISSION.has(v.code))) {
    return { ...own, violations: own.violations.filter((v) => PERMISSION.has(v.code)), user: null, changes: [] };
  }
  // The engine has no message for this case (it never sees sessions): the code, field
  // and params are the contract; the text is the server's until the package offers one
  // (server/README.md, "What the server needs from the package").
  return {
    ok: false,
    violations: [
      {
        code: 'not_permitted',
        field: 'actor',
        severity: 'error',
        message: 'An op can only be sent in the name of the signed-in user.',
        hint: 'Sign in as that user, or send the op with your own user id as its actor.',
        params: { reason: 'actor_not_signed_in', signedIn: userId },
      },
    ],
    effects: [],
    user: null,
    changes: [],
  };
}
