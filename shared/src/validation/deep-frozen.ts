/**
 * `value` and every object and array within it frozen: a checked value remembered and shared by many
 * requests (a parse done once, issue 15) can never be changed through one of them.
 */
export function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
