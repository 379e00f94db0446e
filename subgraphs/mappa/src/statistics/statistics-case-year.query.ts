import { sql } from 'drizzle-orm';
import type { Database } from '@mappa/shared';

/**
 * Recomputes every `mappa_case_year` row of the given cases with the database's own refresh (0022, 0025).
 * Only for a writer that inserts cases and their history under `mappa.case_years_refreshed_by_writer`
 * (0029), in the same transaction, after both: everything else is refreshed by the triggers. The ids go
 * as one array parameter (the refresh joins them as a set).
 */
export async function refreshCaseYears(db: Database, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await db.execute(sql`select mappa.refresh_case_years(${sql.param([...caseIds])}::text[])`);
}
