import { sql } from 'drizzle-orm';
import { MappaArea } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, Role, SyntheticPerson } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack, LARGE_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * C §4.8 (transition to adult services at 18, with C.57 and principle 4): the YOT plans the
 * hand-over of the young person's case to the probation area that will take it. Expected from the
 * guidance: that area's probation practitioners and senior probation officers, for case management,
 * read the transition plan that names their area as the receiving one, and nothing else the YOT
 * holds; any other probation area, and probation roles that do not take cases (victim liaison,
 * approved premises), read no plan.
 */

const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const probationStaff = (role: Role, area: MappaArea = MappaArea.LONDON): PrincipalClaims => ({
  staffId: `NPS-48-${role}`,
  agency: 'probation',
  roles: [role],
  area,
  clearance: 'SC',
});

const PLAN = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      adultTransition {
        plannedTransferDate
        receivingProbationArea
        status
        transitionMeetingDate
      }
    }
  }
`;

interface Plan {
  plannedTransferDate: string;
  receivingProbationArea: string;
  status: string;
  transitionMeetingDate: string | null;
}

let env: TestStack;
let youngPerson: SyntheticPerson;
let plan: Plan;

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  const [row] = (
    (await env.connection.database().execute(
      sql`select t.pnc_id, t.planned_transfer_date, t.receiving_probation_area, t.status, t.transition_meeting_date
          from yot.adult_transition t join yot.youth_case c using (pnc_id) where not c.ct_restricted order by t.pnc_id limit 1`,
    )) as unknown as { rows: Record<string, unknown>[] }
  ).rows;
  if (!row) throw new Error('no transition plan in the dataset');
  youngPerson = env.people.find((person) => person.pncId === row.pnc_id)!;
  plan = {
    plannedTransferDate: String(row.planned_transfer_date),
    receivingProbationArea: String(row.receiving_probation_area),
    status: String(row.status),
    transitionMeetingDate: row.transition_meeting_date === null ? null : String(row.transition_meeting_date),
  };
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

async function ask(
  principal: PrincipalClaims,
  query: string = PLAN,
): Promise<GraphQLResponse<{ offender: { pncId: string; adultTransition?: Plan | null } | null }>> {
  return postGraphQL(
    `${env.stack.gateway.url}/graphql`,
    query,
    { pncId: youngPerson.pncId },
    await env.headersFor(principal, CASE_MANAGEMENT),
  );
}

const setReceivingArea = (area: MappaArea) =>
  env.connection
    .database()
    .execute(sql`update yot.adult_transition set receiving_probation_area = ${area} where pnc_id = ${youngPerson.pncId}`);

describe('C §4.8: the transition plan at 18, for the receiving probation area', () => {
  it.each(['probation_practitioner', 'senior_probation_officer'] as const)(
    'C §4.8: a %s of the receiving area reads the plan that names it',
    async (role) => {
      expect(plan.receivingProbationArea).toBe(MappaArea.LONDON);
      const result = await ask(probationStaff(role));
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({ pncId: youngPerson.pncId, adultTransition: plan });
    },
  );

  it('C §4.8, principle 4: the receiving area reads nothing else the YOT holds about the young person', async () => {
    const result = await ask(
      probationStaff('probation_practitioner'),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            youthCase {
              yotReference
            }
            assetPlusAssessment {
              assessedDate
            }
            adultTransition {
              status
            }
          }
        }
      `,
    );
    expect((result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]).sort()).toEqual([
      ['offender.assetPlusAssessment', 'FORBIDDEN'],
      ['offender.youthCase', 'FORBIDDEN'],
    ]);
    expect(result.data?.offender).toEqual({ youthCase: null, assetPlusAssessment: null, adultTransition: { status: plan.status } });
  });

  it('C §4.8: a plan that names another probation area is not read, as when the YOT holds no plan', async () => {
    await setReceivingArea(MappaArea.KENT);
    try {
      const result = await ask(probationStaff('probation_practitioner'));
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({ pncId: youngPerson.pncId, adultTransition: null });
    } finally {
      await setReceivingArea(MappaArea.LONDON);
    }
  });

  it.each(['victim_liaison_officer', 'approved_premises_staff'] as const)(
    'C §4.8: a %s, who takes no cases, is refused the plan',
    async (role) => {
      const result = await ask(probationStaff(role));
      expect(result.data?.offender?.adultTransition ?? null).toBeNull();
      expect((result.errors ?? []).map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    },
  );

  it('C §4.8: the plan is read for case management only, not under a MAPPA purpose', async () => {
    const result = await postGraphQL(
      `${env.stack.gateway.url}/graphql`,
      PLAN,
      { pncId: youngPerson.pncId },
      await env.headersFor(probationStaff('probation_practitioner'), { purpose: 'MAPPA_SCREENING', caseId: null }),
    );
    expect(JSON.stringify(result.data ?? null)).not.toContain(plan.plannedTransferDate);
  });
});
