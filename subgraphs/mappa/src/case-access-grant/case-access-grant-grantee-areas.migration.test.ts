import { sql } from 'drizzle-orm';
import { migrationsBefore, openTestDatabase } from '@mappa/testing';
import type { MigrationsBefore, TestDatabase } from '@mappa/testing';
import { z } from 'zod';
import { mappaSubgraph } from '../index';

// Issue 12: migration 0013 makes a grant to an agency and role name the MAPPA areas it holds in
// (before, every holder of that role in that agency nationally held it). A database migrated before it
// holds such grants: the migration gives each the area it was made in (the meeting's for a meeting
// grant, else the subject's MAPPA case's), an area nobody is in when neither is known (fail closed),
// leaves staff-id grants without areas, and keeps the table append-only afterwards.
let database: TestDatabase;
let before: MigrationsBefore;

beforeAll(async () => {
  database = await openTestDatabase();
  before = await migrationsBefore(mappaSubgraph.migrationsFolder, '0013');
});

afterAll(async () => {
  await database.drop();
  await before.remove();
});

const grantRows = z.object({ rows: z.array(z.object({ grant_id: z.string(), grantee_areas: z.array(z.string()).nullable() })) });

it('issue 12: grants to an agency and role made before get the area they were made in, or none anyone is in; staff-id grants get none; the table stays append-only', async () => {
  const db = database.connection.database();
  await database.connection.migrate(before.folder, 'mappa');
  // A subject with a case in South Wales whose meeting was held in London (the case moved after it, C.5).
  await db.execute(sql`insert into mappa.mappa_case (case_id, pnc_id, category, level, lead_agency, area, start_date, status)
    values ('MC-0000001', '2008/0545166T', 2, 2, 'PROBATION', 'SOUTH_WALES', '2025-01-01', 'ACTIVE')`);
  await db.execute(sql`insert into mappa.meeting (meeting_id, case_id, pnc_id, area, kind, scheduled_for, chair_staff_id, chair_issuer, chair_agency, status, created_by_staff_id)
    values ('MTG-0013', 'MC-0000001', '2008/0545166T', 'LONDON', 'REVIEW', now(), 'CHAIR0001', 'urn:test', 'probation', 'SCHEDULED', 'MCU00001')`);
  const grant = (id: string, grantee: ReturnType<typeof sql>, purpose: string, caseId: string | null) =>
    db.execute(sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_issuer, grantee_agency, grantee_role, pnc_id, purpose, case_id, valid_from, valid_until, reason, created_by_staff_id)
      values (${id}, ${grantee}, ${purpose}, ${caseId}, now(), now() + interval '7 days', 'test', 'MCU00001')`);
  await grant('role-meeting', sql`null, null, 'health', 'dtc_attendee', '2008/0545166T'`, 'MAPPA_MEETING', 'MTG-0013');
  await grant('role-screening', sql`null, null, 'housing', 'dtc_attendee', '2008/0545166T'`, 'MAPPA_SCREENING', null);
  await grant('role-unknown', sql`null, null, 'health', 'dtc_attendee', '2011/0000001A'`, 'MAPPA_SCREENING', null);
  await grant('staff', sql`'HLT00001', 'urn:test', null, null, '2008/0545166T'`, 'MAPPA_SCREENING', null);

  await database.connection.migrate(mappaSubgraph.migrationsFolder, 'mappa');

  const { rows } = grantRows.parse(await db.execute(sql`select grant_id, grantee_areas from mappa.case_access_grant order by grant_id`));
  expect(rows).toEqual([
    { grant_id: 'role-meeting', grantee_areas: ['LONDON'] },
    { grant_id: 'role-screening', grantee_areas: ['SOUTH_WALES'] },
    { grant_id: 'role-unknown', grantee_areas: ['urn:mappa:area-not-recorded'] },
    { grant_id: 'staff', grantee_areas: null },
  ]);
  // Append-only again: the trigger refuses any change but the one revocation.
  await expect(
    db.execute(sql`update mappa.case_access_grant set grantee_areas = array['SOUTH_WALES'] where grant_id = 'role-meeting'`),
  ).rejects.toThrow();
  // The database refuses a new grant to an agency and role without areas, and a staff-id grant with them.
  await expect(grant('new-role', sql`null, null, 'health', 'dtc_attendee', '2008/0545166T'`, 'MAPPA_SCREENING', null)).rejects.toThrow();
  await expect(
    db.execute(sql`insert into mappa.case_access_grant (grant_id, grantee_staff_id, grantee_issuer, grantee_areas, pnc_id, purpose, valid_from, valid_until, reason, created_by_staff_id)
      values ('new-staff', 'HLT00002', 'urn:test', array['LONDON'], '2008/0545166T', 'MAPPA_SCREENING', now(), now() + interval '7 days', 'test', 'MCU00001')`),
  ).rejects.toThrow();
});
