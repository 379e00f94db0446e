import type { z } from 'zod';

/** `value` and every object and array within it frozen. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * A schema's parse remembered by the input's exact JSON text (issue 15): for a value that is the same on
 * most requests (the caller an assertion vouches for, the caller-and-operation part of an audit entry),
 * zod's parse was the largest piece of a service's own code per request. Only a schema whose outcome
 * depends on nothing but that text may be remembered this way (no refinement reading the clock or other
 * state). A success is kept deep-frozen, so a parse shared by many requests can never be changed through
 * one of them, and what the caller gets is always the checked value, never the value handed over; a
 * failure is never kept. Past `capacity` distinct texts the memory starts again, which costs a parse per
 * text and nothing else.
 */
export class RememberedParse<Schema extends z.ZodType> {
  private readonly parsed = new Map<string, z.output<Schema>>();

  constructor(
    private readonly schema: Schema,
    private readonly capacity: number,
  ) {}

  safeParse(value: unknown): z.ZodSafeParseResult<z.output<Schema>> {
    const text = JSON.stringify(value);
    const remembered = this.parsed.get(text);
    if (remembered !== undefined) return { success: true, data: remembered };
    const result = this.schema.safeParse(value);
    if (result.success) {
      if (this.parsed.size >= this.capacity) this.parsed.clear();
      this.parsed.set(text, deepFrozen(result.data));
    }
    return result;
  }
}
