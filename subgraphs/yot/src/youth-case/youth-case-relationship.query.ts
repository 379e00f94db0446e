import { eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { youthCaseTable } from './youth-case.table';
import type { YouthCaseRow } from './youth-case.table';

/** The youth justice cases whose case manager is `staffId`, open or closed, before row scope. */
export async function youthCasesManagedBy(db: Database, staffId: string): Promise<YouthCaseRow[]> {
  return db.select().from(youthCaseTable).where(eq(youthCaseTable.caseManagerStaffId, staffId));
}
