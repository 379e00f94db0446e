import { sql } from 'drizzle-orm';
import { MappaArea } from '@mappa/shared';
import { z } from 'zod';
import type { DeclaredPurpose, PrincipalClaims } from '@mappa/shared';
import { postGraphQL, checkedRows, forbiddenPaths } from '@mappa/testing';
import { startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 12: the prison's and the police's records opened to people who stand in a relationship to the
// person that only probation holds (the allocated offender manager, the liaison officer of a victim),
// and the prison offender manager scoped by custody. Expected access is written from the rules:
// A.R15, B.59 (release date and custody status to the police and the OM), B.57, C.14, C.34 (the VLO's
// Victim Contact Scheme items), A.R5 and inventory OQ 14 (the establishment holding the person),
// C.63, C.64 (the sanitised intelligence summary to the cleared OM of a terrorist case).

const AREAS = [MappaArea.LONDON, MappaArea.KENT];
const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
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
  clearance: 'BPSS',
  ...extra,
});

async function ask<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  principal: PrincipalClaims,
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, CASE_MANAGEMENT));
}

/** Rows of a query over the seeded tables, checked. */
const rowsOf = <Row extends z.ZodRawShape>(shape: Row, query: ReturnType<typeof sql>) => checkedRows(env.connection, shape, query);

// What the OM and the police need of custody and sentence (A.R15, B.59), and what only the prison and
// the MAPPA purposes read (prison number, cell).
const RELEASE_VIEW = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      custody {
        inOutStatus
        legalStatus
        establishmentName
        lastMovement {
          type
          date
        }
      }
      sentence {
        releaseDate
        releaseDateConfirmed
        conditionalReleaseDate
        licenceExpiryDate
      }
    }
  }
`;
const PRISON_ONLY = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      custody {
        prisonNumber
        cellLocation
      }
    }
  }
`;

// The VLO's Victim Contact Scheme items (B.57, C.14, C.34), and what is not theirs.
const VICTIM_VIEW = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      custody {
        inOutStatus
        legalStatus
        lastMovement {
          type
          date
        }
      }
      sentence {
        sentenceType
        tariffDate
        paroleEligibilityDate
        conditionalReleaseDate
        releaseDate
        releaseDateConfirmed
      }
      temporaryReleases {
        type
        start
        end
        outcome
      }
    }
  }
`;

const RECORD = z.object({
  pnc_id: z.string(),
  prison_number: z.string(),
  establishment_code: z.string().nullable(),
  manager_staff_code: z.string(),
});

/** A London person in custody now at level 2 or 3, with an allocated probation case, not counter-terrorism restricted, and a sentence. */
async function londonPrisonersWithAllocatedOm(): Promise<z.infer<typeof RECORD>[]> {
  return rowsOf(
    RECORD.shape,
    sql`select p.pnc_id, p.prison_number, p.establishment_code, c.manager_staff_code
        from prison.prisoner p join probation.probation_case c on c.pnc_id = p.pnc_id
        join prison.sentence s on s.prison_number = p.prison_number
        where p.in_out_status = 'IN' and p.mappa_area = ${MappaArea.LONDON} and c.area = ${MappaArea.LONDON}
          and not p.ct_restricted and not c.current_restriction and c.manager_staff_code not like '%U'
          -- Level 2 or 3 (the prison's active P alert): at level 1 case managers read more of custody (B.60).
          and exists (select 1 from prison.alert a where a.prison_number = p.prison_number and a.type = 'P' and a.active and a.code in ('P2', 'P3'))
        order by p.pnc_id`,
  );
}

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 21, asOf: '2026-11-01', areas: AREAS } });
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

describe('A.R15, B.59: the police and the allocated offender manager read custody status and the release date', () => {
  it('A.R15, B.59: the ppu_officer of the case area reads custody status and the key dates under case management, never the prison number or cell', async () => {
    const [person] = await londonPrisonersWithAllocatedOm();
    expect(person).toBeDefined();
    const officer = staff('PPU0001', 'police', 'ppu_officer');
    const view = await ask<{ offender: { custody: Record<string, unknown> | null; sentence: Record<string, unknown> | null } }>(
      RELEASE_VIEW,
      { pncId: person!.pnc_id },
      officer,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.custody).toMatchObject({
      inOutStatus: 'IN',
      establishmentName: expect.any(String),
      lastMovement: { type: expect.any(String) },
    });
    expect(view.data?.offender.sentence).toMatchObject({
      conditionalReleaseDate: expect.any(String),
      releaseDateConfirmed: expect.any(Boolean),
    });
    // The prison number is granted to case managers at level 1 only (B.60), decided per record: this person
    // is managed at level 2 or 3, so it is null with no error; the cell is the prison's alone.
    const prisonOnly = await ask<{ offender: { custody: { prisonNumber: string | null } | null } }>(
      PRISON_ONLY,
      { pncId: person!.pnc_id },
      officer,
    );
    expect(forbiddenPaths(prisonOnly)).toEqual(['offender.custody.cellLocation prison.custodyPrisonOnly']);
    expect(prisonOnly.data?.offender.custody?.prisonNumber).toBeNull();
  });

  it('A.R15, B.59: the allocated community offender manager reads them; another probation practitioner of the same area gets null, as for a person the prison does not hold', async () => {
    const [person] = await londonPrisonersWithAllocatedOm();
    const om = staff(person!.manager_staff_code, 'probation', 'probation_practitioner');
    const own = await ask<{ offender: { custody: Record<string, unknown> | null; sentence: Record<string, unknown> | null } }>(
      RELEASE_VIEW,
      { pncId: person!.pnc_id },
      om,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.offender.custody).toMatchObject({
      inOutStatus: 'IN',
      establishmentName: expect.any(String),
      legalStatus: expect.any(String),
    });
    expect(own.data?.offender.sentence).toMatchObject({ conditionalReleaseDate: expect.any(String) });

    const other = await ask(
      RELEASE_VIEW,
      { pncId: person!.pnc_id },
      staff(`${person!.manager_staff_code}X`, 'probation', 'probation_practitioner'),
    );
    expect(other).toEqual({ data: { offender: { pncId: person!.pnc_id, custody: null, sentence: null } } });
    // The prison's own detail stays the prison's, for the OM too.
    const omPrisonOnly = await ask<{ offender: { custody: { prisonNumber: string | null } | null } }>(
      PRISON_ONLY,
      { pncId: person!.pnc_id },
      om,
    );
    expect(forbiddenPaths(omPrisonOnly)).toEqual(['offender.custody.cellLocation prison.custodyPrisonOnly']);
    expect(omPrisonOnly.data?.offender.custody?.prisonNumber).toBeNull();
  });

  it("A.R15, principle 9: a relationship is only ever probation's answer: one claimed in the caller's own token counts for nothing", async () => {
    const [person] = await londonPrisonersWithAllocatedOm();
    const claimed = staff(`${person!.manager_staff_code}X`, 'probation', 'probation_practitioner');
    const token = await env.issuer.mint(claimed, { claims: { caseRelationships: { ALLOCATED_OFFENDER_MANAGER: [person!.pnc_id] } } });
    const response = await postGraphQL(
      `${env.stack.gateway.url}/graphql`,
      RELEASE_VIEW,
      { pncId: person!.pnc_id },
      { authorization: `Bearer ${token}`, 'x-mappa-purpose': 'CASE_MANAGEMENT' },
    );
    expect(response).toEqual({ data: { offender: { pncId: person!.pnc_id, custody: null, sentence: null } } });
  });

  it('A.R15: the relationship comes from probation in one extra request, made only when a field granted on it is asked for', async () => {
    const [person] = await londonPrisonersWithAllocatedOm();
    const om = staff(person!.manager_staff_code, 'probation', 'probation_practitioner');
    const probationRequests = async (query: string) => {
      env.resetCounters();
      const response = await ask(query, { pncId: person!.pnc_id }, om);
      expect(response.errors).toBeUndefined();
      return env.stack.subgraphs.probation.requests.count;
    };
    const withoutProtected = await probationRequests('query($pncId: ID!) { offender(pncId: $pncId) { probationCase { crn } } }');
    const withProtected = await probationRequests(
      'query($pncId: ID!) { offender(pncId: $pncId) { probationCase { crn } custody { inOutStatus } } }',
    );
    expect(withoutProtected).toBe(1);
    expect(withProtected).toBe(2);
    // The police ask nobody: their grant needs no relationship.
    env.resetCounters();
    await ask(RELEASE_VIEW, { pncId: person!.pnc_id }, staff('PPU0001', 'police', 'ppu_officer'));
    expect(env.stack.subgraphs.probation.requests.count).toBe(0);
  });
});

describe("B.57, C.14, C.34: the allocated victim liaison officer reads the Victim Contact Scheme items about their victims' offender", () => {
  const VICTIMS = z.object({ pnc_id: z.string(), vlo_staff_id: z.string(), wants: z.boolean() });
  /** For each London offender in custody with victims, each VLO and whether any of their victims there asked for release information. */
  const allocations = () =>
    rowsOf(
      VICTIMS.shape,
      sql`select c.pnc_id, v.vlo_staff_id, bool_or(v.wants_release_information) as wants
          from probation.victim_contact v join probation.probation_case c on c.crn = v.crn
          join prison.prisoner p on p.pnc_id = c.pnc_id join prison.sentence s on s.prison_number = p.prison_number
          where p.in_out_status = 'IN' and p.mappa_area = ${MappaArea.LONDON} and c.area = ${MappaArea.LONDON} and not c.ct_restricted and not c.current_restriction
          group by c.pnc_id, v.vlo_staff_id order by c.pnc_id, v.vlo_staff_id`,
    );

  it('C.34: the VLO of a victim who asked for release information reads the sentence type, tariff, parole, release dates and ROTL; B.57, C.14: and the custody status, recall and last movement', async () => {
    const allocation = (await allocations()).find((row) => row.wants);
    expect(allocation).toBeDefined();
    const vlo = staff(allocation!.vlo_staff_id, 'probation', 'victim_liaison_officer');
    const view = await ask<{
      offender: { custody: Record<string, unknown> | null; sentence: Record<string, unknown> | null; temporaryReleases: unknown[] | null };
    }>(VICTIM_VIEW, { pncId: allocation!.pnc_id }, vlo);
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.custody).toMatchObject({
      inOutStatus: 'IN',
      legalStatus: expect.any(String),
      lastMovement: { type: expect.any(String), date: expect.any(String) },
    });
    expect(view.data?.offender.sentence).toMatchObject({
      sentenceType: expect.any(String),
      conditionalReleaseDate: expect.any(String),
      releaseDateConfirmed: expect.any(Boolean),
    });
    expect(Array.isArray(view.data?.offender.temporaryReleases)).toBe(true);
  });

  it("B.57, C.34: never more than the scheme's items: not where the offender is held, the prison number, the other key dates or the ROTL purpose", async () => {
    const allocation = (await allocations()).find((row) => row.wants);
    const vlo = staff(allocation!.vlo_staff_id, 'probation', 'victim_liaison_officer');
    const beyond = await ask(
      'query($pncId: ID!) { offender(pncId: $pncId) { custody { prisonNumber establishmentName } sentence { licenceExpiryDate startDate } temporaryReleases { purpose } } }',
      { pncId: allocation!.pnc_id },
      vlo,
    );
    expect(forbiddenPaths(beyond)).toEqual([
      'offender.custody.establishmentName prison.custodyEstablishment',
      'offender.custody.prisonNumber prison.custody',
      'offender.sentence.licenceExpiryDate prison.sentenceKeyDates',
      'offender.sentence.startDate prison.sentence',
      'offender.temporaryReleases.purpose prison.temporaryRelease',
    ]);
  });

  it('B.57, C.34: a VLO whose victims of this offender did not ask for release information reads the custody status only; a VLO with no victim of this offender reads nothing, as if the prison held no record', async () => {
    const rows = await allocations();
    const statusOnly = rows.find(
      (row) => !row.wants && !rows.some((other) => other.pnc_id === row.pnc_id && other.vlo_staff_id === row.vlo_staff_id && other.wants),
    );
    expect(statusOnly).toBeDefined();
    const view = await ask(
      VICTIM_VIEW,
      { pncId: statusOnly!.pnc_id },
      staff(statusOnly!.vlo_staff_id, 'probation', 'victim_liaison_officer'),
    );
    expect(view.errors).toBeUndefined();
    expect(view.data).toEqual({
      offender: {
        pncId: statusOnly!.pnc_id,
        custody: {
          inOutStatus: 'IN',
          legalStatus: expect.any(String),
          lastMovement: { type: expect.any(String), date: expect.any(String) },
        },
        sentence: null,
        temporaryReleases: null,
      },
    });
    const stranger = await ask(
      VICTIM_VIEW,
      { pncId: statusOnly!.pnc_id },
      staff('VLO-NOT-ALLOCATED', 'probation', 'victim_liaison_officer'),
    );
    expect(stranger).toEqual({ data: { offender: { pncId: statusOnly!.pnc_id, custody: null, sentence: null, temporaryReleases: null } } });
  });
});

describe('A.R5, inventory OQ 14: the prison offender manager is scoped by the establishment holding the person', () => {
  const BY_NUMBER =
    'query($prisonNumber: ID!) { offenderByPrisonNumber(prisonNumber: $prisonNumber) { pncId custody { prisonNumber establishmentCode inOutStatus } } }';
  const PRISONERS = z.object({
    pnc_id: z.string(),
    prison_number: z.string(),
    establishment_code: z.string().nullable(),
    mappa_area: z.string(),
    in_out_status: z.string(),
  });
  const prisoners = () =>
    rowsOf(
      PRISONERS.shape,
      sql`select pnc_id, prison_number, establishment_code, mappa_area, in_out_status from prison.prisoner where not ct_restricted order by prison_number`,
    );

  it('A.R5: a POM whose token names an establishment reads the custody of someone held there from another area, and not of a Londoner held elsewhere or released', async () => {
    const all = await prisoners();
    const kentHeld = all.find((row) => row.mappa_area === MappaArea.KENT && row.in_out_status === 'IN' && row.establishment_code !== null);
    expect(kentHeld).toBeDefined();
    const establishment = kentHeld!.establishment_code!;
    const londonElsewhere = all.find(
      (row) => row.mappa_area === MappaArea.LONDON && row.in_out_status === 'IN' && row.establishment_code !== establishment,
    );
    const londonReleased = all.find((row) => row.mappa_area === MappaArea.LONDON && row.in_out_status === 'OUT');
    expect(londonElsewhere).toBeDefined();
    expect(londonReleased).toBeDefined();
    const pom = staff('POM0001', 'prison', 'prison_offender_manager', { establishment });

    const held = await ask(BY_NUMBER, { prisonNumber: kentHeld!.prison_number }, pom);
    expect(held).toEqual({
      data: {
        offenderByPrisonNumber: {
          pncId: kentHeld!.pnc_id,
          custody: { prisonNumber: kentHeld!.prison_number, establishmentCode: establishment, inOutStatus: 'IN' },
        },
      },
    });
    // Principle 9: the others are answered as a prison number the prison does not hold.
    expect(await ask(BY_NUMBER, { prisonNumber: londonElsewhere!.prison_number }, pom)).toEqual({ data: { offenderByPrisonNumber: null } });
    expect(await ask(BY_NUMBER, { prisonNumber: londonReleased!.prison_number }, pom)).toEqual({ data: { offenderByPrisonNumber: null } });
  });

  it('A.R5: without an establishment the POM keeps area scope; no other role gets custody scope from an establishment claim', async () => {
    const all = await prisoners();
    const kentHeld = all.find((row) => row.mappa_area === MappaArea.KENT && row.in_out_status === 'IN' && row.establishment_code !== null)!;
    expect(await ask(BY_NUMBER, { prisonNumber: kentHeld.prison_number }, staff('POM0001', 'prison', 'prison_offender_manager'))).toEqual({
      data: { offenderByPrisonNumber: null },
    });
    // An establishment claimed for anyone outside the prison service is not a MAPPA principal at all.
    const response = await fetch(`${env.stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await env.headersFor(
          staff('PPU0001', 'police', 'ppu_officer', { establishment: kentHeld.establishment_code! }),
          CASE_MANAGEMENT,
        )),
      },
      body: JSON.stringify({ query: BY_NUMBER, variables: { prisonNumber: kentHeld.prison_number } }),
    });
    expect(response.status).toBe(401);
  });
});

describe('C.63, C.64: the cleared allocated offender manager of a terrorist case reads the sanitised intelligence summary', () => {
  const INTELLIGENCE = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId intelligence { recordedDate sanitisedSummary } } }';
  // Terrorist cases are limited-access probation cases: their allocated OM still knows them.
  // Principle 4, B §1: only items that may leave the police (handling code P, or C with the originator's
  // agreement for MAPPA partners) reach the OM; test/src/intelligence-originator-control.test.ts tests the C items.
  const CASES = z.object({ pnc_id: z.string(), manager_staff_code: z.string(), terrorist: z.boolean() });
  const casesWithIntelligence = () =>
    rowsOf(
      CASES.shape,
      sql`select distinct c.pnc_id, c.manager_staff_code, pp.ct_restricted as terrorist
          from probation.probation_case c join police.person pp on pp.pnc_id = c.pnc_id join police.intelligence_item i on i.pnc_id = c.pnc_id
          where c.area = ${MappaArea.LONDON} and pp.mappa_area = ${MappaArea.LONDON} and c.manager_staff_code not like '%U'
            and (i.handling_code = 'P' or exists (select 1 from police.intelligence_sharing_agreement a
                 where a.item_reference = i.reference and a.shared_with = 'MAPPA_PARTNERS' and a.withdrawn_at is null))
          order by c.pnc_id`,
    );

  it('C.63: the allocated OM with counter-terrorism clearance reads the summary and its date of a terrorist case, never the intelligence itself', async () => {
    const terrorist = (await casesWithIntelligence()).find((row) => row.terrorist);
    expect(terrorist).toBeDefined();
    const om = staff(terrorist!.manager_staff_code, 'probation', 'probation_practitioner', { clearance: 'CTC' });
    const view = await ask<{ offender: { intelligence: { sanitisedSummary: string }[] | null } }>(
      INTELLIGENCE,
      { pncId: terrorist!.pnc_id },
      om,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.intelligence?.length).toBeGreaterThan(0);
    expect(view.data?.offender.intelligence?.every((item) => item.sanitisedSummary.length > 0)).toBe(true);
    const text = await ask(
      'query($pncId: ID!) { offender(pncId: $pncId) { intelligence { text handlingCode } } }',
      { pncId: terrorist!.pnc_id },
      om,
    );
    expect(forbiddenPaths(text)).toEqual([
      'offender.intelligence.handlingCode police.intelligence',
      'offender.intelligence.text police.intelligence',
    ]);
    // Another cleared practitioner of the area is not the OM: null, as for a person with no intelligence.
    const other = await ask(INTELLIGENCE, { pncId: terrorist!.pnc_id }, { ...om, staffId: `${terrorist!.manager_staff_code}X` });
    expect(other).toEqual({ data: { offender: { pncId: terrorist!.pnc_id, intelligence: null } } });
  });

  it('C.63: not for a case that is not a terrorist one, even to its allocated OM', async () => {
    const ordinary = (await casesWithIntelligence()).find((row) => !row.terrorist);
    expect(ordinary).toBeDefined();
    const om = staff(ordinary!.manager_staff_code, 'probation', 'probation_practitioner', { clearance: 'SC' });
    expect(await ask(INTELLIGENCE, { pncId: ordinary!.pnc_id }, om)).toEqual({
      data: { offender: { pncId: ordinary!.pnc_id, intelligence: null } },
    });
  });
});

describe('C.63: the cleared YOT case manager of a terrorist case reads the sanitised intelligence summary', () => {
  const INTELLIGENCE = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId intelligence { recordedDate sanitisedSummary } } }';
  const YOUTH = z.object({ pnc_id: z.string(), case_manager_staff_id: z.string() });
  const REFERENCE = 'INT-TEST-C63-0001';
  let youth: z.infer<typeof YOUTH>;
  /** Whether the set-up below changed the data (and so must be undone). */
  let prepared = false;

  beforeAll(async () => {
    const [row] = await rowsOf(
      YOUTH.shape,
      sql`select y.pnc_id, y.case_manager_staff_id from yot.youth_case y join police.person pp on pp.pnc_id = y.pnc_id
          where y.area = ${MappaArea.LONDON} and pp.mappa_area = ${MappaArea.LONDON} and y.status <> 'CLOSED' order by y.pnc_id limit 1`,
    );
    expect(row).toBeDefined();
    youth = row!;
    // A terrorist case (the police's counter-terrorism marker, which the YOT records too) with an item of intelligence.
    await env.connection.database().execute(sql`update police.person set ct_restricted = true where pnc_id = ${youth.pnc_id}`);
    await env.connection.database().execute(sql`update yot.youth_case set ct_restricted = true where pnc_id = ${youth.pnc_id}`);
    await env.connection.database().execute(
      sql`insert into police.intelligence_item (pnc_id, reference, recorded_date, source_evaluation, intelligence_assessment, handling_code, originator_force, text, sanitised_summary)
          values (${youth.pnc_id}, ${REFERENCE}, '2026-10-01', '2', 'B', 'P', 'METROPOLITAN', 'Synthetic: graded item.', 'Synthetic: sanitised summary for the case manager.')`,
    );
    prepared = true;
  });

  afterAll(async () => {
    if (!prepared) return;
    await env.connection.database().execute(sql`delete from police.intelligence_item where reference = ${REFERENCE}`);
    await env.connection.database().execute(sql`update police.person set ct_restricted = false where pnc_id = ${youth.pnc_id}`);
    await env.connection.database().execute(sql`update yot.youth_case set ct_restricted = false where pnc_id = ${youth.pnc_id}`);
  });

  it("C.63: the young person's YOT case manager with counter-terrorism clearance reads the summary and its date, never the intelligence itself", async () => {
    const manager = staff(youth.case_manager_staff_id, 'yot', 'yot_case_manager', { clearance: 'CTC' });
    const view = await ask<{ offender: { intelligence: { sanitisedSummary: string }[] | null } }>(
      INTELLIGENCE,
      { pncId: youth.pnc_id },
      manager,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.intelligence).toContainEqual({
      recordedDate: '2026-10-01',
      sanitisedSummary: 'Synthetic: sanitised summary for the case manager.',
    });
    const text = await ask(
      'query($pncId: ID!) { offender(pncId: $pncId) { intelligence { text handlingCode } } }',
      { pncId: youth.pnc_id },
      manager,
    );
    expect(forbiddenPaths(text)).toEqual([
      'offender.intelligence.handlingCode police.intelligence',
      'offender.intelligence.text police.intelligence',
    ]);
  });

  it('C.63: another cleared YOT case manager of the area gets null, as for a person with no intelligence; without clearance the case manager is refused', async () => {
    const other = staff(`${youth.case_manager_staff_id}X`, 'yot', 'yot_case_manager', { clearance: 'CTC' });
    expect(await ask(INTELLIGENCE, { pncId: youth.pnc_id }, other)).toEqual({
      data: { offender: { pncId: youth.pnc_id, intelligence: null } },
    });
    // Principle 7: uncleared, the terrorist case is not known at all.
    expect(await ask(INTELLIGENCE, { pncId: youth.pnc_id }, staff(youth.case_manager_staff_id, 'yot', 'yot_case_manager'))).toEqual({
      data: { offender: null },
    });
  });
});

describe('A.R5: the prison reads the ViSOR nominal as a partner only while the person is in custody where the reader works', () => {
  const NOMINAL = 'query($pncId: ID!) { offender(pncId: $pncId) { pncId visorNominal { visorReference partnerAgencies } } }';
  const HELD = z.object({ pnc_id: z.string(), establishment_code: z.string(), visor_reference: z.string() });
  const heldWithPrisonPartner = () =>
    rowsOf(
      HELD.shape,
      sql`select p.pnc_id, p.establishment_code, v.visor_reference from prison.prisoner p
          join police.visor_nominal v on v.pnc_id = p.pnc_id join police.person pp on pp.pnc_id = p.pnc_id
          where p.in_out_status = 'IN' and p.establishment_code is not null and pp.mappa_area = ${MappaArea.LONDON}
            and not pp.ct_restricted and not v.restricted_access and 'PRISON' = any(v.partner_agencies)
          order by p.pnc_id`,
    );

  it('A.R5: the POM of the establishment holding the person reads the nominal listing the prison, and the prison is asked once, for the custody it holds', async () => {
    const [held] = await heldWithPrisonPartner();
    expect(held).toBeDefined();
    const pom = staff('POM-AR5-0001', 'prison', 'prison_offender_manager', { establishment: held!.establishment_code });
    env.resetCounters();
    const view = await ask<{ offender: { visorNominal: { visorReference: string; partnerAgencies: string[] } | null } }>(
      NOMINAL,
      { pncId: held!.pnc_id },
      pom,
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.offender.visorNominal).toEqual({
      visorReference: held!.visor_reference,
      partnerAgencies: expect.arrayContaining(['PRISON']),
    });
    expect(env.stack.subgraphs.prison.requests.count).toBe(1);
  });

  it('A.R5: a POM of another establishment or of none, or any POM once the person is released, gets null, as for a person with no ViSOR record, though the police still list the prison', async () => {
    const [held] = await heldWithPrisonPartner();
    const elsewhere = staff('POM-AR5-0002', 'prison', 'prison_offender_manager', {
      establishment: held!.establishment_code === 'WDI' ? 'BMI' : 'WDI',
    });
    expect(await ask(NOMINAL, { pncId: held!.pnc_id }, elsewhere)).toEqual({
      data: { offender: { pncId: held!.pnc_id, visorNominal: null } },
    });
    // A token that names no establishment holds no one in custody (OQ 14: scope follows custody, and an
    // area holds more people than the gateway vouches for), whatever the area's size.
    const noEstablishment = staff('POM-AR5-0004', 'prison', 'prison_offender_manager');
    expect(await ask(NOMINAL, { pncId: held!.pnc_id }, noEstablishment)).toEqual({
      data: { offender: { pncId: held!.pnc_id, visorNominal: null } },
    });
    const [prisoner] = await rowsOf(
      z.object({ establishment_code: z.string() }).shape,
      sql`select establishment_code from prison.prisoner where pnc_id = ${held!.pnc_id}`,
    );
    await env.connection
      .database()
      .execute(sql`update prison.prisoner set in_out_status = 'OUT', establishment_code = null where pnc_id = ${held!.pnc_id}`);
    try {
      for (const pom of [
        staff('POM-AR5-0001', 'prison', 'prison_offender_manager', { establishment: held!.establishment_code }),
        staff('POM-AR5-0003', 'prison', 'prison_offender_manager'),
      ]) {
        expect([pom.staffId, await ask(NOMINAL, { pncId: held!.pnc_id }, pom)]).toEqual([
          pom.staffId,
          { data: { offender: { pncId: held!.pnc_id, visorNominal: null } } },
        ]);
      }
    } finally {
      await env.connection
        .database()
        .execute(
          sql`update prison.prisoner set in_out_status = 'IN', establishment_code = ${prisoner!.establishment_code} where pnc_id = ${held!.pnc_id}`,
        );
    }
  });
});
