import { eq } from 'drizzle-orm';
import type { Database } from '@mappa/shared';
import { intelligenceItemTable } from './intelligence-item.table';
import type { IntelligenceItemRow } from './intelligence-item.table';

/** The intelligence item with this reference, whoever may know it (the caller decides); undefined for none. */
export async function intelligenceItemByReference(db: Database, reference: string): Promise<IntelligenceItemRow | undefined> {
  const [item] = await db.select().from(intelligenceItemTable).where(eq(intelligenceItemTable.reference, reference));
  return item;
}
