import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { BATCH_JOB_DATABASE_TIMEOUTS, DEFAULT_AS_OF, migrateAgencies, seedAgencies } from '@mappa/shared';
import { openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { SUBGRAPHS } from '@mappa/stack';

/*
 * The synthetic level 1 disclosure decisions (issue 11): held by the lead agency in its own schema
 * (probation, police), about its own cases, never the MAPPA unit's. The default dataset's seed, the
 * three agencies that hold decisions.
 * @jest-database-independent: it measures what the generator makes, which no database changes, so CI runs it
 * once, in the server run (.ci/run); seeding itself runs on both databases in every test file's template.
 */

const OFFENDERS = 2_000;
let database: TestDatabase;

async function count(query: SQL): Promise<number> {
  const result = (await database.connection.database().execute(query)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
}

beforeAll(async () => {
  // Seeding is a batch job: its connections wait for the pool as a batch job's do, not as a request's.
  database = await openTestDatabase(undefined, { timeouts: BATCH_JOB_DATABASE_TIMEOUTS });
  const definitions = SUBGRAPHS.map(({ definition }) => definition).filter((definition) =>
    ['probation', 'police', 'mappa'].includes(definition.name),
  );
  await migrateAgencies(database.connection, definitions);
  await seedAgencies(database.connection, definitions, { offenders: OFFENDERS, seed: 1, asOf: DEFAULT_AS_OF });
}, 180_000);

afterAll(async () => {
  await database.drop();
});

describe('synthetic level 1 disclosure decisions', () => {
  it.each(['probation', 'police'] as const)(
    'B §2 "Level 1": %s holds level 1 decisions about its own cases, with no meeting, each proposed at a review it recorded',
    async (schema) => {
      const table = (name: string) => sql`${sql.identifier(schema)}.${sql.identifier(name)}`;
      expect(await count(sql`select count(*) as n from ${table('disclosure_decision')}`)).toBeGreaterThan(0);
      expect(
        await count(sql`select count(*) as n from ${table('disclosure_decision')} where level <> 1 or meeting_id is not null or case_id is not null or subject_under_18
      or decision_id not like ${`DSC-${schema.toUpperCase()}-%`}`),
      ).toBe(0);
      expect(
        await count(sql`select count(*) as n from ${table('disclosure_decision')} d where not exists (
      select 1 from ${table('disclosure_consideration')} k where k.decision_id = d.decision_id and k.meeting_id is null and k.outcome = 'DECISION_PROPOSED')`),
      ).toBe(0);
      // Its own subject: a current probation case, or a person the police hold.
      const own =
        schema === 'probation'
          ? sql`select 1 from probation.probation_case c where c.pnc_id = d.pnc_id`
          : sql`select 1 from police.person p where p.pnc_id = d.pnc_id`;
      expect(await count(sql`select count(*) as n from ${table('disclosure_decision')} d where not exists (${own})`)).toBe(0);
      expect(
        await count(
          sql`select count(*) as n from ${table('disclosure_decision')} where status = 'MADE' and content_sha256 <> encode(sha256(convert_to(frozen_content, 'UTF8')), 'hex')`,
        ),
      ).toBe(0);
      expect(
        await count(sql`select count(*) as n from ${table('disclosure_item')} i join ${table('disclosure_decision')} d using (decision_id) where d.outcome = 'DISCLOSE' and not exists (
      select 1 from ${table('disclosure_item_agreement')} a where a.item_id = i.item_id and a.kind = 'OWNER' and a.agreed and a.wording_sha256 = i.wording_sha256)`),
      ).toBe(0);
      // Decided by someone other than the proposer (the police's rule, and probation's senior officer).
      expect(
        await count(sql`select count(*) as n from ${table('disclosure_decision')} where decided_by_staff_id = proposed_by_staff_id`),
      ).toBe(0);
    },
  );

  it('B §2 "Level 1": the MAPPA unit holds no level 1 decision (the co-ordinator need not be told)', async () => {
    expect(await count(sql`select count(*) as n from mappa.disclosure_decision where level = 1`)).toBe(0);
    expect(await count(sql`select count(*) as n from mappa.disclosure_consideration where meeting_id is null`)).toBe(0);
  });
});
