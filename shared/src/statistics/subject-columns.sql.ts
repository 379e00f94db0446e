import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Database } from '../db/database';

/**
 * The rows of `select` as parallel columns (entry i of each column is row i), in the same one statement:
 * the database hands back one row holding one JSON array per column, which Node parses natively. Issue 13:
 * an owner's ad-hoc subjects are one row per person of the area (about 150,000 in London at 1,000,000
 * offenders), and turning each into a `pg` row object cost about ten times the CPU of parsing the arrays.
 * All the aggregates read the subquery's rows in one pass, in the same order, so the columns line up.
 */
export async function subjectColumnsOf<Columns extends Record<string, readonly unknown[]>>(
  db: Database,
  select: SQL,
  names: readonly (keyof Columns & string)[],
): Promise<Columns> {
  const arrays = names.map((name) => sql`${name}::text, coalesce(json_agg(s.${sql.identifier(name)}), '[]'::json)`);
  const result = await db.execute(sql`select json_build_object(${sql.join(arrays, sql`, `)}) as columns from (${select}) s`);
  return (result as unknown as { rows: { columns: Columns }[] }).rows[0]!.columns;
}
