/** A result worked out from policy decisions, with the decisions it asked for (policy name, denied), in the order asked. */
export interface DecidedResult<T> {
  readonly consulted: readonly (readonly [policyName: string, denied: boolean])[];
  readonly result: T;
}

// A document is asked by a handful of permission sets (roles, purposes, agencies); the bound keeps a
// document asked by many from growing its list, at the cost of working it out again.
const RESULTS_KEPT = 16;

/**
 * A walk over a document that depends only on fixed inputs (the schema, the document) and on the
 * answers `isDenied` gives to the policies it asks about, remembered per set of answers: a caller who
 * gives the same answer to every question a remembered walk asked would make it ask the same questions
 * in the same order and reach the same result, so that result is returned; any answer that differs
 * walks afresh. Callers hold `remembered` for one fixed set of inputs (keyed weakly by the schema and
 * document they walk). The result is shared between requests: read it, never change it. Issue 15: the
 * gateway's early enforcement and every subgraph's denied-selection errors walked the same few
 * documents on every request (about 1.5% of each process's CPU).
 */
export function decidedOnce<T>(
  remembered: DecidedResult<T>[],
  isDenied: (policyName: string) => boolean,
  decide: (isDenied: (policyName: string) => boolean) => T,
): DecidedResult<T> {
  const known = remembered.find(({ consulted }) => consulted.every(([policyName, denied]) => isDenied(policyName) === denied));
  if (known) return known;
  const asked = new Map<string, boolean>();
  const result = decide((policyName) => {
    let denied = asked.get(policyName);
    if (denied === undefined) asked.set(policyName, (denied = isDenied(policyName)));
    return denied;
  });
  const decided = { consulted: [...asked], result };
  if (remembered.length >= RESULTS_KEPT) remembered.shift();
  remembered.push(decided);
  return decided;
}
