import { sql } from 'drizzle-orm';
import { calendarDateOf } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalAgency, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting, signAttendance } from './support/mappa-records';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

/*
 * A.R31–A.R35 (with A.R26, principle 5): MAPPA J tells Jobcentre Plus of an employment restriction
 * on an adult. Expected from the rules: Jobcentre Plus, invited to a meeting about the person, reads
 * the restriction type, its end date and the risk to its staff, only until the end date (A.R33), only
 * about someone 18 or over (A.R31), and nothing else of the MAPPA J or of the person (A.R32); no
 * other duty-to-co-operate agency reads it.
 */

const DAY_MS = 86_400_000;
const daysFromToday = (days: number): string => calendarDateOf(new Date(Date.now() + days * DAY_MS));

const attendee = (agency: PrincipalAgency): PrincipalClaims => ({
  staffId: `DTC-${agency.toUpperCase()}-J`,
  agency,
  roles: ['dtc_attendee'],
  area: 'LONDON' as PrincipalClaims['area'],
  clearance: 'BPSS',
});
const JOBCENTRE = attendee('jobcentre_plus');
const HOUSING = attendee('housing');

const CONTENT = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      mappaJNotification {
        restrictionType
        restrictionEndDate
        riskToJobcentreStaff
      }
    }
  }
`;

let env: TestStack;
let subject: SyntheticPerson;
let meetingId: string;

async function execute(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 31, asOf: '2026-11-01' } });
  // With a probation RoSH assessment, so that the risk to staff probation holds is there to be read (A.R31 below).
  const assessed = new Set(
    (await execute(sql`select c.pnc_id from probation.risk_of_serious_harm r join probation.probation_case c using (crn)`)).map((row) =>
      String(row.pnc_id),
    ),
  );
  subject = env.people.find(
    (person) => !person.isYouth && person.level >= 2 && person.category === 1 && !person.restrictedAccess && assessed.has(person.pncId),
  )!;
  await execute(sql`delete from police.mappa_j_notification where pnc_id = ${subject.pncId}`);
  await execute(
    sql`insert into police.mappa_j_notification (pnc_id, sent_date, sent_by, sender_staff_id, restriction_type, restriction_end_date, risk_to_jobcentre_staff, offender_informed, jobcentre_spoc_consulted)
        values (${subject.pncId}, ${daysFromToday(-30)}, 'PROBATION', 'NPS-J-0001', 'NO_WORK_WITH_CHILDREN', ${daysFromToday(200)}, 'HIGH', true, true)`,
  );
  meetingId = await insertMeeting(env, subject.pncId);
  for (const who of [JOBCENTRE, HOUSING]) {
    const { invitationId } = await inviteToMeeting(env, meetingId, { staffId: who.staffId, agency: who.agency });
    await signAttendance(env, meetingId, who, invitationId);
  }
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

const AT_MEETING = (): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

async function ask(
  principal: PrincipalClaims,
  query: string = CONTENT,
  purpose: DeclaredPurpose = AT_MEETING(),
): Promise<GraphQLResponse<{ offender: { mappaJNotification?: Record<string, unknown> | null } | null }>> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId: subject.pncId }, await env.headersFor(principal, purpose));
}

const refusals = (result: GraphQLResponse) => (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]).sort();

describe('A.R31–A.R35: MAPPA J for Jobcentre Plus', () => {
  it('A.R32: Jobcentre Plus at a meeting about the person reads the restriction type, its end date and the risk to its staff', async () => {
    const result = await ask(JOBCENTRE);
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({
      mappaJNotification: {
        restrictionType: 'NO_WORK_WITH_CHILDREN',
        restrictionEndDate: daysFromToday(200),
        riskToJobcentreStaff: 'HIGH',
      },
    });
  });

  it('A.R32: nothing else of the MAPPA J, and not the offence or the risk to the public', async () => {
    const result = await ask(
      JOBCENTRE,
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            mappaJNotification {
              restrictionType
              sentDate
              sentBy
              offenderInformed
              jobcentreSpocConsulted
              senderStaffId
            }
            identity {
              lastName
            }
          }
        }
      `,
    );
    expect(refusals(result)).toEqual(
      [
        ['offender.identity', 'FORBIDDEN'],
        ['offender.mappaJNotification.jobcentreSpocConsulted', 'FORBIDDEN'],
        ['offender.mappaJNotification.offenderInformed', 'FORBIDDEN'],
        ['offender.mappaJNotification.senderStaffId', 'FORBIDDEN'],
        ['offender.mappaJNotification.sentBy', 'FORBIDDEN'],
        ['offender.mappaJNotification.sentDate', 'FORBIDDEN'],
      ].sort(),
    );
    expect(result.data?.offender?.mappaJNotification).toEqual({
      restrictionType: 'NO_WORK_WITH_CHILDREN',
      sentDate: null,
      sentBy: null,
      offenderInformed: null,
      jobcentreSpocConsulted: null,
      senderStaffId: null,
    });
  });

  it('A.R26, principle 5: another duty-to-co-operate agency at the same meeting is refused the MAPPA J', async () => {
    const result = await ask(HOUSING);
    expect(refusals(result)).toEqual([['offender.mappaJNotification', 'FORBIDDEN']]);
  });

  it('A.R26: Jobcentre Plus not invited to a meeting about the person cannot tell the person exists', async () => {
    const result = await ask({ ...JOBCENTRE, staffId: 'DTC-JCP-NOT-INVITED' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toBeNull();
  });

  it('A.R33: on and after the end date Jobcentre Plus reads nothing of the restriction, as if none had been sent', async () => {
    for (const endDate of [daysFromToday(0), daysFromToday(-1)]) {
      await execute(sql`update police.mappa_j_notification set restriction_end_date = ${endDate} where pnc_id = ${subject.pncId}`);
      const result = await ask(JOBCENTRE);
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({ mappaJNotification: null });
    }
    await execute(sql`update police.mappa_j_notification set restriction_end_date = ${daysFromToday(200)} where pnc_id = ${subject.pncId}`);
  });

  it('A.R31: MAPPA J is for adults: about someone the police record as under 18, Jobcentre Plus reads nothing', async () => {
    const [person] = await execute(sql`select date_of_birth from police.person where pnc_id = ${subject.pncId}`);
    await execute(sql`update police.person set date_of_birth = ${daysFromToday(-365 * 17)} where pnc_id = ${subject.pncId}`);
    try {
      const result = await ask(JOBCENTRE);
      expect(result.data?.offender?.mappaJNotification ?? null).toBeNull();
      expect(JSON.stringify(result)).not.toContain('NO_WORK_WITH_CHILDREN');
    } finally {
      await execute(sql`update police.person set date_of_birth = ${String(person!.date_of_birth)} where pnc_id = ${subject.pncId}`);
    }
  });

  it("A.R31: about someone the MAPPA unit records as under 18, Jobcentre Plus reads nothing of probation's, not even the risk to its staff", async () => {
    const RISK_TO_STAFF = /* GraphQL */ `
      query ($pncId: ID!) {
        offender(pncId: $pncId) {
          riskOfSeriousHarm {
            riskInCommunity {
              staff
            }
          }
        }
      }
    `;
    const adult = await ask(JOBCENTRE, RISK_TO_STAFF);
    expect(adult.errors).toBeUndefined();
    expect(adult.data?.offender).toEqual({ riskOfSeriousHarm: { riskInCommunity: { staff: expect.any(String) } } });
    // Probation holds no date of birth: the MAPPA A's, which the MAPPA unit holds, decides.
    const [mappaCase] = await execute(
      sql`select to_char(subject_date_of_birth, 'YYYY-MM-DD') as dob from mappa.mappa_case where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
    );
    await execute(
      sql`update mappa.mappa_case set subject_date_of_birth = ${daysFromToday(-365 * 17)} where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
    );
    try {
      const child = await ask(JOBCENTRE, RISK_TO_STAFF);
      expect(child.errors).toBeUndefined();
      expect(child.data?.offender ?? null).toBeNull();
    } finally {
      await execute(
        sql`update mappa.mappa_case set subject_date_of_birth = ${String(mappaCase!.dob)} where pnc_id = ${subject.pncId} and status = 'ACTIVE'`,
      );
    }
  });

  it('A.R31, A.R34: the police hold every synthetic MAPPA J, about adults they manage, sent by the police alone or by probation when it supervises', async () => {
    const rows = await execute(
      sql`select pnc_id, sent_by, restriction_end_date, offender_informed, jobcentre_spoc_consulted from police.mappa_j_notification where pnc_id <> ${subject.pncId}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const byPnc = new Map(env.people.map((person) => [person.pncId, person]));
    for (const row of rows) {
      const person = byPnc.get(String(row.pnc_id))!;
      const probationSupervises = person.supervision === 'LICENCE' || person.supervision === 'COMMUNITY_ORDER';
      expect({ pncId: person.pncId, adult: !person.isYouth, sentBy: row.sent_by }).toEqual({
        pncId: person.pncId,
        adult: true,
        sentBy: probationSupervises ? 'PROBATION' : 'POLICE',
      });
      // A.R35: a restriction hidden from the offender was discussed with the Jobcentre Plus SPOC first.
      if (row.offender_informed === false) expect(row.jobcentre_spoc_consulted).toBe(true);
    }
  });
});
