import type { z } from 'zod';
import { BadUserInputError } from '../errors/bad-user-input.error';

/** Validates one GraphQL argument with zod; failures become BAD_USER_INPUT naming the argument. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, argumentName: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw BadUserInputError.fromZod(result.error, argumentName);
  return result.data;
}
