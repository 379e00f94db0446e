import { z } from 'zod';
import { BadUserInputError } from '../errors/bad-user-input.error';

// Cursors are opaque to clients (base64url of the sort key) so the sort key can change later
// without breaking them; they are validated on the way back in like any other input.

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: string): string {
  return Buffer.from(`v1:${key}`, 'utf8').toString('base64url');
}

/** The sort key inside a cursor made by `encodeCursor`, or null when it is not one (for validating inside a zod schema). */
export function cursorKey(cursor: string): string | null {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('v1:') || decoded.length > 200) return null;
  return decoded.slice(3);
}

/** Decodes a cursor made by `encodeCursor`, or fails with BAD_USER_INPUT. */
export function decodeCursor(cursor: string, argumentName = 'after'): string {
  const key = cursorKey(cursor);
  if (key === null) {
    throw new BadUserInputError(`"${argumentName}" is not a cursor returned by this API`, [
      { path: argumentName, message: 'unrecognised cursor' },
    ]);
  }
  return key;
}

/** Page size: 1 to 100, default 20, so no single request can pull the whole register. */
export const pageSizeSchema = z.number().int().min(1, 'first must be at least 1').max(100, 'first must be at most 100');
