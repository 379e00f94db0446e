import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

/**
 * The record key of the subject key in `column`, in SQL (the same number `recordKeyOf` gives, in
 * disclosure-control.ts), for an owner's GROUP BY: `sum(<this>) % RECORD_KEY_RANGE` is the cell's key.
 */
export function recordKeySql(secret: string, column: SQL): SQL {
  return sql`(('x' || lpad(substr(md5(${secret} || ':' || ${column}), 1, 3), 8, '0'))::bit(32)::int)`;
}
