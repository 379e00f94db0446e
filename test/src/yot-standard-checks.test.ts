import { sql } from 'drizzle-orm';
import { isUnder18, MappaArea, calendarDateOf } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack, LARGE_DATASET } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

/*
 * C.56: YOS staff make standard checks with the police about their young person (after considering
 * consent). Expected from the rule: both YOT roles, under case management, read the police's
 * identification of the young person (names and date of birth) while the police record them as under
 * 18, and its warning markers (the safety flags a standard check is for; inventory §5.1 WarningMarker);
 * nothing more of the police's records (no CRO number, aliases, gender, nationality, ethnicity,
 * intelligence), and nothing about an adult.
 */

const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const yotStaff = (role: 'yot_case_manager' | 'yot_manager', area: MappaArea = MappaArea.LONDON): PrincipalClaims => ({
  staffId: `YOT-C56-${role}`,
  agency: 'yot',
  roles: [role],
  area,
  clearance: 'SC',
});

const IDENTITY = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      identity {
        firstName
        lastName
        dateOfBirth
      }
    }
  }
`;

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack({ dataset: LARGE_DATASET });
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

type Identity = { firstName: string; lastName: string; dateOfBirth: string };

async function ask(
  principal: PrincipalClaims,
  query: string,
  pncId: string,
): Promise<GraphQLResponse<{ offender: { pncId: string; identity?: Identity | null } | null }>> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, { pncId }, await env.headersFor(principal, CASE_MANAGEMENT));
}

/** A young person under 18 today (the request's date, not the dataset's), outside the counter-terrorism gate. */
const youngPeople = (): SyntheticPerson[] =>
  env.people.filter(
    (person) =>
      person.isYouth && !person.restrictedAccess && person.category !== 4 && isUnder18(person.dateOfBirth, calendarDateOf(new Date())),
  );

describe("C.56: the YOT's standard checks with the police", () => {
  it.each(['yot_case_manager', 'yot_manager'] as const)(
    'C.56: a %s reads the police identification of its young person (names, date of birth)',
    async (role) => {
      const person = youngPeople()[0]!;
      const result = await ask(yotStaff(role), IDENTITY, person.pncId);
      expect(result.errors).toBeUndefined();
      expect(result.data?.offender).toEqual({
        pncId: person.pncId,
        identity: { firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth },
      });
    },
  );

  it('C.56: nothing else of the police record: CRO number, aliases, gender, nationality and ethnicity stay refused, and no intelligence outside a terrorist case (C.63)', async () => {
    const person = youngPeople()[0]!;
    const result = await ask(
      yotStaff('yot_case_manager'),
      /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            identity {
              firstName
              croNumber
              gender
              nationality
              ethnicityCode
              aliases {
                lastName
              }
            }
            intelligence {
              sanitisedSummary
            }
          }
        }
      `,
      person.pncId,
    );
    const refused = (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]).sort();
    expect(refused).toEqual(
      [
        ['offender.identity.aliases', 'FORBIDDEN'],
        ['offender.identity.croNumber', 'FORBIDDEN'],
        ['offender.identity.ethnicityCode', 'FORBIDDEN'],
        ['offender.identity.gender', 'FORBIDDEN'],
        ['offender.identity.nationality', 'FORBIDDEN'],
      ].sort(),
    );
    // Intelligence reaches a YOT case manager only as the sanitised summary of a terrorist case they
    // manage, with counter-terrorism clearance (C.63, case-relationships.test.ts): on this young person's
    // case the answer is null, as for a person with no intelligence, and never the item itself.
    expect(person.category === 4 || person.restrictedAccess).toBe(false);
    expect(result.data?.offender).toMatchObject({
      identity: { firstName: person.firstName, croNumber: null, gender: null, nationality: null, ethnicityCode: null, aliases: null },
      intelligence: null,
    });
  });

  it.each(['yot_case_manager', 'yot_manager'] as const)(
    'C.56: a %s reads the police warning markers of its young person, and none of an adult',
    async (role) => {
      const MARKERS = /* GraphQL */ `
        query ($pncId: ID!) {
          offender(pncId: $pncId) {
            pncId
            warningMarkers {
              code
              createdDate
            }
          }
        }
      `;
      // A synthetic marker on the young person (the seed gives few young people one); an adult of the area who has markers.
      const person = youngPeople()[2]!;
      await env.connection
        .database()
        .execute(sql`insert into police.warning_marker (pnc_id, code, created_date) values (${person.pncId}, 'WE', '2026-06-01')`);
      const young = await ask(yotStaff(role), MARKERS, person.pncId);
      expect(young.errors).toBeUndefined();
      expect((young.data?.offender as { warningMarkers: unknown } | null)?.warningMarkers).toEqual(
        expect.arrayContaining([{ code: 'WE', createdDate: '2026-06-01' }]),
      );
      const { rows } = (await env.connection.database().execute(sql`select distinct pnc_id from police.warning_marker`)) as unknown as {
        rows: { pnc_id: string }[];
      };
      const withMarkers = new Set(rows.map((row) => row.pnc_id));
      const adult = env.people.find(
        (candidate) => !candidate.isYouth && !candidate.restrictedAccess && candidate.category !== 4 && withMarkers.has(candidate.pncId),
      )!;
      const grown = await ask(yotStaff(role), MARKERS, adult.pncId);
      // Null, as for a person with no markers: no error says the police hold any (principle 9).
      expect(grown.errors).toBeUndefined();
      expect(grown.data?.offender).toEqual({ pncId: adult.pncId, warningMarkers: null });
    },
  );

  it("C.56: an adult is not the YOT's young person: the identity is null, as for a person the police do not identify", async () => {
    const adult = env.people.find((person) => !person.isYouth && !person.restrictedAccess && person.category !== 4)!;
    const result = await ask(yotStaff('yot_case_manager'), IDENTITY, adult.pncId);
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({ pncId: adult.pncId, identity: null });
  });

  it('C.56: a young person the police record as having turned 18 is no longer read', async () => {
    const person = youngPeople()[1]!;
    const eighteenYearsAgo = `${Number(calendarDateOf(new Date()).slice(0, 4)) - 18}${calendarDateOf(new Date()).slice(4)}`;
    await env.connection
      .database()
      .execute(sql`update police.person set date_of_birth = ${eighteenYearsAgo} where pnc_id = ${person.pncId}`);
    const result = await ask(yotStaff('yot_case_manager'), IDENTITY, person.pncId);
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toEqual({ pncId: person.pncId, identity: null });
  });

  it("C.56: another area's YOT cannot tell the police hold the young person", async () => {
    const person = youngPeople()[0]!;
    const result = await ask(yotStaff('yot_case_manager', MappaArea.KENT), IDENTITY, person.pncId);
    expect(result.errors).toBeUndefined();
    expect(result.data?.offender).toBeNull();
  });
});
