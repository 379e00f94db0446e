import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** A copy of a migrations folder as it stood before one migration, and how to remove it. */
export interface MigrationsBefore {
  readonly folder: string;
  remove(): Promise<void>;
}

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() }).loose()) }).loose();

/**
 * For a migration's test: the migrations in `folder` as they stood before the one tagged `tag`
 * (`0013_…` is cut by `'0013'`), the same files with drizzle's journal cut there, in a temporary
 * folder. Migrate a database with it, write the rows the migration must convert, then migrate with the
 * real folder: drizzle applies exactly the missing migrations.
 */
export async function migrationsBefore(folder: string, tag: string): Promise<MigrationsBefore> {
  const copy = await mkdtemp(join(tmpdir(), 'mappa-migrations-'));
  await cp(folder, copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = journalSchema.parse(JSON.parse(await readFile(journalPath, 'utf8')));
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.tag < tag) }));
  return { folder: copy, remove: () => rm(copy, { recursive: true, force: true }) };
}
