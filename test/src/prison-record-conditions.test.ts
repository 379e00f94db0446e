import { sql } from 'drizzle-orm';
import { MappaArea } from '@mappa/shared';
import { z } from 'zod';
import type { DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance, startTestStack } from '@mappa/testing/stack';
import { postGraphQL, checkedRows, forbiddenPaths } from '@mappa/testing';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * Issue 12: the prison's records opened per record, each exactly as far as its rule says. Expected
 * access is written from the rules, not from the policies:
 * - B.60 (MAPPA Guidance 15.26): the level 2 and 3 requirements do not limit the prison's exchange
 *   of information about level 1 offenders, so police and probation case managers read the custody
 *   detail of a level 1 person under case management; not of a level 2 or 3 person, whose custody
 *   detail goes to meetings.
 * - B.48: the prison writes ROTL periods (days and times) to ViSOR for its partners: the police and the
 *   allocated offender manager read each release's type, times and outcome under case management.
 * - B.51: the Governor consults the MAPPA co-ordinator before ROTL at level 2 or 3: the co-ordinator of
 *   the area reads the ROTL records of those people (not of a level 1 person).
 * - B.49 (inventory §5.3): a MAPPA F report is the writing establishment's: an establishment's prison
 *   offender manager reads the reports it wrote, not those an earlier establishment wrote.
 * - B.23, B.49 (inventory OQ 4): a MAPPA F report is written for one meeting: an attendee of that
 *   meeting reads it, not the reports written for the person's other meetings.
 * - A.R12 (inventory OQ 20): the prison service's information governance, under AUDIT, reads who wrote
 *   each MAPPA F report and nothing else; no one else's information governance can tell the prison
 *   holds the person.
 */

const AREAS = [MappaArea.LONDON, MappaArea.KENT];
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const AUDIT: DeclaredPurpose = { purpose: 'AUDIT', caseId: null };
let env: TestStack;

const staff = (
  staffId: string,
  agency: PrincipalClaims['agency'],
  role: PrincipalClaims['roles'][number],
  extra: Partial<PrincipalClaims> = {},
): PrincipalClaims => ({
  staffId,
  agency,
  roles: [role],
  area: MappaArea.LONDON,
  clearance: 'SC',
  ...extra,
});

async function ask<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose = CASE_MANAGEMENT,
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

/** Rows of a query over the seeded tables, checked. */
const rowsOf = <Row extends z.ZodRawShape>(shape: Row, query: ReturnType<typeof sql>) => checkedRows(env.connection, shape, query);

const PRISONER = z.object({
  pnc_id: z.string(),
  prison_number: z.string(),
  establishment_code: z.string().nullable(),
  level: z.number(),
  prison_level: z.string(),
  manager_staff_code: z.string().nullable(),
  rotl: z.number(),
});

/**
 * London people the prison holds (in custody or released), not counter-terrorism restricted, with the
 * level the MAPPA unit holds, the level the prison records (its active P alert), their allocated
 * offender manager (when probation has an allocated case) and how many ROTL records they have.
 */
const londonPrisoners = () =>
  rowsOf(
    PRISONER.shape,
    sql`select p.pnc_id, p.prison_number, p.establishment_code, m.level, a.code as prison_level,
               (select c.manager_staff_code from probation.probation_case c
                 where c.pnc_id = p.pnc_id and c.area = ${MappaArea.LONDON} and not c.current_restriction and c.manager_staff_code not like '%U' limit 1) as manager_staff_code,
               (select count(*)::int from prison.temporary_release t where t.prison_number = p.prison_number) as rotl
          from prison.prisoner p join mappa.mappa_case m on m.pnc_id = p.pnc_id
          join prison.alert a on a.prison_number = p.prison_number and a.type = 'P' and a.active
         where p.mappa_area = ${MappaArea.LONDON} and m.area = ${MappaArea.LONDON} and not p.ct_restricted and m.status = 'ACTIVE'
         order by p.pnc_id`,
  );

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 21, asOf: '2026-11-01', areas: AREAS } });
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 240_000);

afterAll(async () => {
  await env.close();
});

describe('synthetic data', () => {
  it('the prison records the level the MAPPA unit holds (B.49): its active P alert is the MAPPA case level', async () => {
    const rows = await londonPrisoners();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row.prison_level).toBe(`P${row.level}`);
  });
});

describe('B.60: level 1 prison information exchange is not limited by the level 2 and 3 requirements', () => {
  const CUSTODY = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        custody {
          prisonNumber
          inOutStatus
          establishmentCode
          securityCategory
          receptionDate
          lastMovement {
            type
            reason
            date
          }
        }
      }
    }
  `;
  type CustodyView = { offender: { custody: Record<string, unknown> | null } | null };

  it('B.60: the ppu_officer of the area reads the custody detail of a level 1 person in custody under case management; of a level 2 or 3 person only the custody status', async () => {
    const rows = await londonPrisoners();
    const levelOne = rows.find((row) => row.level === 1 && row.establishment_code !== null);
    const higher = rows.find((row) => row.level >= 2 && row.establishment_code !== null);
    expect(levelOne).toBeDefined();
    expect(higher).toBeDefined();
    const officer = staff('PPU0060', 'police', 'ppu_officer');

    const one = await ask<CustodyView>(CUSTODY, { pncId: levelOne!.pnc_id }, officer);
    expect(one.errors).toBeUndefined();
    expect(one.data?.offender?.custody).toEqual({
      prisonNumber: levelOne!.prison_number,
      inOutStatus: 'IN',
      establishmentCode: levelOne!.establishment_code,
      securityCategory: expect.any(String),
      receptionDate: expect.any(String),
      lastMovement: { type: expect.any(String), reason: expect.any(String), date: expect.any(String) },
    });

    // The detail is decided per record: no error, the answer a record the prison does not hold gives.
    const two = await ask<CustodyView>(CUSTODY, { pncId: higher!.pnc_id }, officer);
    expect(two.errors).toBeUndefined();
    expect(two.data?.offender?.custody).toEqual({
      prisonNumber: null,
      inOutStatus: 'IN',
      establishmentCode: null,
      securityCategory: null,
      receptionDate: null,
      lastMovement: { type: expect.any(String), reason: null, date: expect.any(String) },
    });
  });

  it('B.60: a probation practitioner of the area who is not the allocated offender manager reads the custody of a level 1 person, and nothing of a level 2 or 3 person', async () => {
    const rows = await londonPrisoners();
    const levelOne = rows.find((row) => row.level === 1);
    const higher = rows.find((row) => row.level >= 2);
    const practitioner = staff('NPS-B60-NOT-OM', 'probation', 'probation_practitioner');

    const one = await ask<CustodyView>(CUSTODY, { pncId: levelOne!.pnc_id }, practitioner);
    expect(one.errors).toBeUndefined();
    expect(one.data?.offender?.custody).toMatchObject({
      prisonNumber: levelOne!.prison_number,
      securityCategory: expect.any(String),
      inOutStatus: expect.any(String),
    });

    const two = await ask<CustodyView>(CUSTODY, { pncId: higher!.pnc_id }, practitioner);
    expect(two.errors).toBeUndefined();
    expect(two.data?.offender?.custody).toBeNull();
  });

  it("B.60: the exchange is the Responsible Authority's case managers': the co-ordinator reads no custody under case management", async () => {
    const [levelOne] = (await londonPrisoners()).filter((row) => row.level === 1);
    const coordinator = await ask<CustodyView>(CUSTODY, { pncId: levelOne!.pnc_id }, staff('MCU0060', 'mappa_unit', 'mappa_coordinator'));
    expect(forbiddenPaths(coordinator)).toContain('offender.custody prison.custodyRecord');
    expect(coordinator.data?.offender?.custody ?? null).toBeNull();
  });
});

describe('B.48: the ViSOR partners read the ROTL periods the prison writes to ViSOR', () => {
  const ROTL = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        pncId
        temporaryReleases {
          type
          start
          end
          outcome
        }
      }
    }
  `;
  type RotlView = { offender: { pncId: string; temporaryReleases: Record<string, unknown>[] | null } | null };

  it("B.48: the ppu_officer of the area reads each release's type, times and outcome under case management; not its purpose, approval or consultation", async () => {
    const withRotl = (await londonPrisoners()).find((row) => row.rotl > 0);
    expect(withRotl).toBeDefined();
    const officer = staff('PPU0048', 'police', 'ppu_officer');
    const view = await ask<RotlView>(ROTL, { pncId: withRotl!.pnc_id }, officer);
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender?.temporaryReleases).toHaveLength(withRotl!.rotl);
    expect(view.data?.offender?.temporaryReleases?.[0]).toEqual({
      type: expect.any(String),
      start: expect.any(String),
      end: expect.any(String),
      outcome: expect.any(String),
    });

    const beyond = await ask(
      'query($pncId: ID!) { offender(pncId: $pncId) { temporaryReleases { purpose approvedDate mappaCoordinatorConsulted } } }',
      { pncId: withRotl!.pnc_id },
      officer,
    );
    expect(forbiddenPaths(beyond)).toEqual([
      'offender.temporaryReleases.approvedDate prison.temporaryRelease',
      'offender.temporaryReleases.mappaCoordinatorConsulted prison.temporaryRelease',
      'offender.temporaryReleases.purpose prison.temporaryRelease',
    ]);
  });

  it('B.48: the allocated offender manager reads them; another practitioner of the area gets null, as for a person the prison does not hold', async () => {
    const withRotl =
      (await londonPrisoners()).find((row) => row.rotl > 0 && row.manager_staff_code !== null && row.level >= 2) ??
      (await londonPrisoners()).find((row) => row.rotl > 0 && row.manager_staff_code !== null && row.level === 1);
    expect(withRotl).toBeDefined();
    const om = staff(withRotl!.manager_staff_code!, 'probation', 'probation_practitioner');
    const own = await ask<RotlView>(ROTL, { pncId: withRotl!.pnc_id }, om);
    expect(own.errors).toBeUndefined();
    expect(own.data?.offender?.temporaryReleases).toHaveLength(withRotl!.rotl);

    const other = await ask<RotlView>(
      ROTL,
      { pncId: withRotl!.pnc_id },
      staff(`${withRotl!.manager_staff_code!}X`, 'probation', 'probation_practitioner'),
    );
    expect(other).toEqual({ data: { offender: { pncId: withRotl!.pnc_id, temporaryReleases: null } } });
  });
});

describe('B.51: the co-ordinator the Governor consults before ROTL at level 2 or 3', () => {
  const ROTL = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        pncId
        temporaryReleases {
          type
          start
          end
          approvedDate
          purpose
          mappaCoordinatorConsulted
          outcome
        }
      }
    }
  `;
  type RotlView = { offender: { pncId: string; temporaryReleases: Record<string, unknown>[] | null } | null };
  const coordinator = staff('MCU0051', 'mappa_unit', 'mappa_coordinator');

  it('B.51: the co-ordinator of the area reads the whole ROTL record of a level 2 or 3 person under case management', async () => {
    const higher = (await londonPrisoners()).find((row) => row.level >= 2 && row.rotl > 0);
    expect(higher).toBeDefined();
    const view = await ask<RotlView>(ROTL, { pncId: higher!.pnc_id }, coordinator);
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender?.temporaryReleases).toHaveLength(higher!.rotl);
    expect(
      view.data?.offender?.temporaryReleases?.every(
        (release) => typeof release.mappaCoordinatorConsulted === 'boolean' && typeof release.purpose === 'string',
      ),
    ).toBe(true);
  });

  it('B.51: not of a level 1 person, whose ROTL needs no consultation: null, as for a person the prison does not hold', async () => {
    const levelOne = (await londonPrisoners()).find((row) => row.level === 1 && row.rotl > 0);
    expect(levelOne).toBeDefined();
    expect(await ask(ROTL, { pncId: levelOne!.pnc_id }, coordinator)).toEqual({
      data: { offender: { pncId: levelOne!.pnc_id, temporaryReleases: null } },
    });
  });
});

describe('B.49: a MAPPA F report is read by the prison offender manager of the establishment that wrote it', () => {
  const REPORTS = z.object({ pnc_id: z.string(), prison_number: z.string(), held_at: z.string(), written_at: z.array(z.string()) });
  /** People held now whose MAPPA F reports were written by more than one establishment (they moved between meetings). */
  const movedBetweenReports = () =>
    rowsOf(
      REPORTS.shape,
      sql`select p.pnc_id, p.prison_number, p.establishment_code as held_at, array_agg(r.establishment_code order by r.meeting_date desc, r.id desc) as written_at
            from prison.prisoner p join prison.mappa_f_report r on r.prison_number = p.prison_number
           where p.in_out_status = 'IN' and not p.ct_restricted
           group by p.pnc_id, p.prison_number, p.establishment_code
          having count(distinct r.establishment_code) > 1 and bool_or(r.establishment_code = p.establishment_code)
           order by p.pnc_id`,
    );
  const BY_NUMBER = /* GraphQL */ `
    query ($prisonNumber: ID!) {
      offenderByPrisonNumber(prisonNumber: $prisonNumber) {
        mappaFReports {
          establishmentCode
          meetingDate
          behaviourInCustody
        }
      }
    }
  `;
  type ReportsView = { offenderByPrisonNumber: { mappaFReports: { establishmentCode: string }[] | null } | null };

  it("B.49: the holding establishment's prison offender manager reads the reports it wrote and not those of the establishment the person came from", async () => {
    const [person] = await movedBetweenReports();
    expect(person).toBeDefined();
    const pom = staff('POM0049', 'prison', 'prison_offender_manager', { establishment: person!.held_at, area: MappaArea.KENT });
    const view = await ask<ReportsView>(BY_NUMBER, { prisonNumber: person!.prison_number }, pom);
    expect(view.errors).toBeUndefined();
    expect(view.data?.offenderByPrisonNumber?.mappaFReports?.map((report) => report.establishmentCode)).toEqual(
      person!.written_at.filter((code) => code === person!.held_at),
    );
  });
});

describe('B.23, B.49, OQ 4: a MAPPA F report is read at the meeting it was written for', () => {
  const REPORTS = z.object({ pnc_id: z.string(), meeting_dates: z.array(z.string()) });
  const REPORTS_QUERY = /* GraphQL */ `
    query ($pncId: ID!) {
      offender(pncId: $pncId) {
        pncId
        mappaFReports {
          meetingDate
        }
      }
    }
  `;

  it("B.23, B.49: an attendee of the meeting a report was written for reads that report and none of the person's others; at a meeting none was written for, none", async () => {
    const [person] = await rowsOf(
      REPORTS.shape,
      sql`select p.pnc_id, array_agg(r.meeting_date::text order by r.meeting_date desc) as meeting_dates
            from prison.prisoner p join prison.mappa_f_report r on r.prison_number = p.prison_number
            join mappa.mappa_case m on m.pnc_id = p.pnc_id and m.status = 'ACTIVE' and m.area = ${MappaArea.LONDON}
           where not p.ct_restricted and p.mappa_area = ${MappaArea.LONDON}
           group by p.pnc_id having count(*) > 1 order by p.pnc_id limit 1`,
    );
    expect(person).toBeDefined();
    const [latest, earlier] = person!.meeting_dates;
    const officer = staff('PPU0023', 'police', 'ppu_officer');
    const attend = async (day: string) => {
      const meetingId = await insertMeeting(env, person!.pnc_id, { scheduledFor: new Date(`${day}T10:00:00Z`) });
      const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: officer.staffId, agency: 'police' });
      await signAttendance(env, meetingId, officer, invitationId);
      return ask(REPORTS_QUERY, { pncId: person!.pnc_id }, officer, { purpose: 'MAPPA_MEETING', caseId: meetingId });
    };
    expect(await attend(earlier!)).toEqual({ data: { offender: { pncId: person!.pnc_id, mappaFReports: [{ meetingDate: earlier }] } } });
    expect(await attend(latest!)).toEqual({ data: { offender: { pncId: person!.pnc_id, mappaFReports: [{ meetingDate: latest }] } } });
    expect(await attend('2001-01-02')).toEqual({ data: { offender: { pncId: person!.pnc_id, mappaFReports: null } } });
  });
});

describe("A.R12, OQ 20: the prison service's information governance reads who wrote each MAPPA F report, for audit", () => {
  const AUTHORS = z.object({ prison_number: z.string(), authors: z.array(z.string()) });
  const withReports = async () =>
    (
      await rowsOf(
        AUTHORS.shape,
        sql`select p.prison_number, array_agg(r.author_staff_id order by r.meeting_date desc, r.id desc) as authors
              from prison.prisoner p join prison.mappa_f_report r on r.prison_number = p.prison_number
             where not p.ct_restricted and p.mappa_area = ${MappaArea.LONDON}
             group by p.prison_number order by p.prison_number limit 1`,
      )
    )[0];
  const governance = (agency: PrincipalClaims['agency']) =>
    staff(`IG-${agency}`, agency, 'information_governance', { area: MappaArea.KENT });
  const AUTHORS_QUERY = /* GraphQL */ `
    query ($prisonNumber: ID!) {
      offenderByPrisonNumber(prisonNumber: $prisonNumber) {
        mappaFReports {
          authorStaffId
        }
      }
    }
  `;

  it("A.R12: under AUDIT the prison's own information governance, in any area, finds the person by prison number and reads each report's author", async () => {
    const person = await withReports();
    expect(person).toBeDefined();
    const result = await ask(AUTHORS_QUERY, { prisonNumber: person!.prison_number }, governance('prison'), AUDIT);
    expect(result).toEqual({
      data: { offenderByPrisonNumber: { mappaFReports: person!.authors.map((authorStaffId) => ({ authorStaffId })) } },
    });
  });

  it('A.R12: opening the reports for their authors opens nothing else of them or of the person', async () => {
    const person = await withReports();
    const result = await ask(
      'query($prisonNumber: ID!) { offenderByPrisonNumber(prisonNumber: $prisonNumber) { custody { inOutStatus } mappaFReports { authorStaffId behaviourInCustody } } }',
      { prisonNumber: person!.prison_number },
      governance('prison'),
      AUDIT,
    );
    expect(forbiddenPaths(result)).toEqual([
      'offenderByPrisonNumber.custody prison.custodyRecord',
      'offenderByPrisonNumber.mappaFReports.behaviourInCustody prison.mappaFReport',
    ]);
    expect(JSON.stringify(result.data)).not.toContain('Synthetic');
  });

  it("A.R12, principle 10: under any other purpose, or for another agency's information governance, the prison finds no one", async () => {
    const person = await withReports();
    const otherPurpose = await ask(AUTHORS_QUERY, { prisonNumber: person!.prison_number }, governance('prison'), CASE_MANAGEMENT);
    expect(otherPurpose.data?.offenderByPrisonNumber ?? null).toBeNull();
    const police = await ask(AUTHORS_QUERY, { prisonNumber: person!.prison_number }, governance('police'), AUDIT);
    expect(police.data?.offenderByPrisonNumber ?? null).toBeNull();
    for (const author of person!.authors) expect(JSON.stringify([otherPurpose, police])).not.toContain(author);
  });
});
