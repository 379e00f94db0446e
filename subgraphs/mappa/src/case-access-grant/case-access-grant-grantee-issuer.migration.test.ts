import { sql } from 'drizzle-orm';
import { migrationsBefore, openTestDatabase } from '@mappa/testing';
import type { MigrationsBefore, TestDatabase } from '@mappa/testing';
import { z } from 'zod';
import { mappaSubgraph } from '../index';

// Issue 9 §2: migration 0004 makes a grant to a staff id name its identity provider. A database
// migrated before it holds staff-id grants that cannot say which provider was meant: the migration
// must bind them to an issuer nobody is trusted as (so they hold for no one), leave grants to an
// agency and role alone, and keep the table append-only afterwards.
let database: TestDatabase;
let before: MigrationsBefore;

beforeAll(async () => {
  database = await openTestDatabase();
  // The migrations as they stood before 0004: the same files, with the journal cut at 0003.
  before = await migrationsBefore(mappaSubgraph.migrationsFolder, '0004');
});

afterAll(async () => {
  await database.drop();
  await before.remove();
});

const grantRows = z.object({ rows: z.array(z.object({ grant_id: z.string(), grantee_issuer: z.string().nullable() })) });

it('issue 9 §2: staff-id grants made before issuers were recorded hold for no one; agency-and-role grants are unchanged; the table stays append-only', async () => {
  const db = database.connection.database();
  await database.connection.migrate(before.folder, 'mappa');
  const grant = (id: string, grantee: ReturnType<typeof sql>) =>
    db.execute(sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_agency, grantee_role, pnc_id, purpose, valid_from, valid_until, reason, created_by_staff_id)
      values (${id}, ${grantee}, 'MAPPA_SCREENING', now(), now() + interval '7 days', 'test', 'MCU00001')`);
  await grant('legacy-staff', sql`'HLT00001', null, null, '2008/0545166T'`);
  await grant('legacy-role', sql`null, 'health', 'dtc_attendee', '2008/0545166T'`);

  await database.connection.migrate(mappaSubgraph.migrationsFolder, 'mappa');

  const { rows } = grantRows.parse(await db.execute(sql`select grant_id, grantee_issuer from mappa.case_access_grant order by grant_id`));
  expect(rows).toEqual([
    { grant_id: 'legacy-role', grantee_issuer: null },
    { grant_id: 'legacy-staff', grantee_issuer: 'urn:mappa:issuer-not-recorded' },
  ]);
  // Append-only again: the trigger refuses any change but the one revocation, which still works.
  await expect(
    db.execute(sql`update mappa.case_access_grant set grantee_issuer = 'https://idp.health.example' where grant_id = 'legacy-staff'`),
  ).rejects.toThrow();
  await db.execute(
    sql`update mappa.case_access_grant set revoked_at = now(), revoked_by_staff_id = 'MCU00001', revocation_reason = 'issuer unknown' where grant_id = 'legacy-staff'`,
  );
  // A new staff-id grant must name its issuer.
  await expect(grant('new-staff', sql`'HLT00002', null, null, '2008/0545166T'`)).rejects.toThrow();
});
