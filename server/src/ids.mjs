// User ids are `u<n>` and never given twice (RULES §5 Lifecycle). Across processes the
// database gives them: the account row's `next_user_number`, read and bumped under the
// account's row lock, is the number of the next `addUser`'s id (src/ops.mjs).

/** The number of a `u<n>` id, or 0 for an id of another form. */
export function userNumber(id) {
  const m = /^u([1-9][0-9]{0,14})$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** The id-number high-water mark after `ids`: one past the highest `u<n>`. */
export function nextNumberAfter(ids, start) {
  let next = start;
  for (const id of ids) next = Math.max(next, userNumber(id) + 1);
  return next;
}
