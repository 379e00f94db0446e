import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgSchema, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { insertInChunks } from './insert-in-chunks';

/*
 * The seed writes every synthetic row through insertInChunks (COPY, or an INSERT for rows that may be
 * there already). Whatever the path, a row must be stored exactly as given: text with every character
 * COPY's text format treats specially, NULLs, text arrays with quotes, commas, braces and the word NULL,
 * dates, timestamps, JSON, and the column defaults (a serial id) for columns no row sets. Checked on the
 * embedded database and on the server alike, across the 10,000-row pieces a COPY is sent in, and inside
 * a transaction (the seed's history loads), where the rows must belong to that transaction.
 */
const scratch = pgSchema('bulk_scratch');
const rowsTable = scratch.table('bulk_row', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  note: text('note'),
  tags: text('tags').array(),
  count: integer('count'),
  flag: boolean('flag'),
  day: date('day', { mode: 'string' }),
  at: timestamp('at', { withTimezone: true, mode: 'date' }),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});

const AWKWARD = [
  'plain',
  'tab\there',
  'line\nbreak',
  'carriage\r\nreturn',
  'back\\slash \\N \\t',
  '\\',
  'NULL',
  '',
  '"quoted", {braced}, comma',
  "it's Rheolwr y siop — café ŵ 日本語 \u{1F600}",
];

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.connection.database();
  await db.execute(sql`create schema bulk_scratch`);
  await db.execute(
    sql`create table bulk_scratch.bulk_row (id serial primary key, name text not null, note text, tags text[], count integer,
        flag boolean, day date, at timestamptz, detail jsonb)`,
  );
});

afterAll(async () => {
  await database?.drop();
});

afterEach(async () => {
  await database.connection.database().execute(sql`truncate bulk_scratch.bulk_row restart identity`);
});

type Row = typeof rowsTable.$inferInsert;

function rowsToWrite(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const awkward = AWKWARD[index % AWKWARD.length] ?? '';
    return {
      name: `${index} ${awkward}`,
      note: index % 3 === 0 ? null : awkward,
      tags: index % 4 === 0 ? null : index % 4 === 1 ? [] : [awkward, 'NULL', `${index}`],
      count: index % 5 === 0 ? null : index - 7,
      flag: index % 2 === 0,
      day: index % 6 === 0 ? null : `20${String(10 + (index % 15))}-0${1 + (index % 9)}-${String(10 + (index % 18))}`,
      at: new Date(Date.UTC(2026, index % 12, 1 + (index % 28), index % 24, index % 60, 0, index % 1000)),
      detail: index % 7 === 0 ? null : { awkward, index, nested: [awkward, null] },
    };
  });
}

async function storedRows(): Promise<Row[]> {
  return database.connection.database().select().from(rowsTable).orderBy(rowsTable.id);
}

function expectStoredAsGiven(stored: Row[], given: Row[]): void {
  expect(stored).toHaveLength(given.length);
  given.forEach((row, index) => {
    // Ids from the serial default, in the order the rows were given.
    expect(stored[index]).toEqual({ id: index + 1, ...row });
  });
}

it('stores every value as given, across COPY pieces, with the serial default for the column no row sets', async () => {
  const given = rowsToWrite(10_007);
  await insertInChunks(database.connection.database(), rowsTable, given);
  expectStoredAsGiven(await storedRows(), given);
});

it('stores the same values where rows may exist already (INSERT … ON CONFLICT DO NOTHING), keeping a row already there', async () => {
  const db = database.connection.database();
  const given = rowsToWrite(25);
  await insertInChunks(db, rowsTable, given, { ignoreExisting: true });
  await insertInChunks(
    db,
    rowsTable,
    given.map((row, index) => ({ ...row, id: index + 1, name: 'a later batch' })),
    { ignoreExisting: true },
  );
  expectStoredAsGiven(await storedRows(), given);
});

it('writes inside a transaction on that transaction: rolled back, nothing is left', async () => {
  const given = rowsToWrite(30);
  await expect(
    database.connection.database().transaction(async (tx) => {
      await insertInChunks(tx, rowsTable, given);
      const inside = await tx.select({ count: sql<number>`count(*)::int` }).from(rowsTable);
      expect(inside[0]?.count).toBe(30);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect(await storedRows()).toEqual([]);
});
