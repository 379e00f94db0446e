import { sql } from 'drizzle-orm';
import { MappaArea } from '@mappa/shared';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack } from '@mappa/testing/stack';
import type { TestStack } from '@mappa/testing/stack';

/*
 * A.R6: probation is a ViSOR partner on a category 1 nominal at level 2 or 3, and at level 1 only
 * where the area records a local Responsible Authority agreement. The police hold the nominal, its
 * MAPPA category and level, and the area's agreements; the expectations below come from the rule,
 * whatever the nominal's partner list says.
 */

const CASE_MANAGEMENT: DeclaredPurpose = { purpose: 'CASE_MANAGEMENT', caseId: null };
const PRACTITIONER: PrincipalClaims = {
  staffId: 'NPS-AR6-0001',
  agency: 'probation',
  roles: ['probation_practitioner'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};
const PPU_OFFICER: PrincipalClaims = {
  staffId: 'PPU-AR6-0001',
  agency: 'police',
  roles: ['ppu_officer'],
  area: MappaArea.LONDON,
  clearance: 'SC',
};

const NOMINAL = /* GraphQL */ `
  query ($pncId: ID!) {
    offender(pncId: $pncId) {
      pncId
      visorNominal {
        visorReference
        partnerAgencies
      }
    }
  }
`;

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack();
  // The machine may be busy: seeding and starting six services can outlast the default hook timeout.
}, 180_000);

afterAll(async () => {
  await env.close();
});

async function execute(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

async function nominalAs(principal: PrincipalClaims, pncId: string): Promise<{ visorReference: string; partnerAgencies: string[] } | null> {
  const result = await postGraphQL<{
    offender: { pncId: string; visorNominal: { visorReference: string; partnerAgencies: string[] } | null } | null;
  }>(`${env.stack.gateway.url}/graphql`, NOMINAL, { pncId }, await env.headersFor(principal, CASE_MANAGEMENT));
  expect(result.errors).toBeUndefined();
  expect(result.data?.offender?.pncId).toBe(pncId);
  return result.data!.offender!.visorNominal;
}

/** An adult under probation supervision with a ViSOR nominal, outside the counter-terrorism gate. */
const supervisedCategory1 = (level: number): SyntheticPerson => {
  const person = env.people.find(
    (candidate) =>
      candidate.category === 1 &&
      candidate.level === level &&
      !candidate.isYouth &&
      candidate.probationStatus === 'CURRENT' &&
      !candidate.restrictedAccess,
  );
  if (!person) throw new Error(`no supervised category 1 level ${level} adult in the dataset`);
  return person;
};

/** Lists probation as a partner on the person's nominal, as a force may have done before the rule was applied. */
const listProbation = (pncId: string) =>
  execute(sql`update police.visor_nominal set partner_agencies = array['PROBATION'] where pnc_id = ${pncId}`);

describe('A.R6: probation as a ViSOR partner on category 1 nominals', () => {
  it('A.R6: the synthetic police records list probation on a category 1 level 1 nominal only in an area that records a local agreement', async () => {
    const rows = await execute(sql`
      select v.pnc_id, v.mappa_category, v.mappa_level, v.partner_agencies, p.mappa_area,
             exists (select 1 from police.level_one_partner_agreement a where a.area = p.mappa_area and a.partner_agency = 'PROBATION') as agreed
        from police.visor_nominal v join police.person p using (pnc_id)`);
    expect(rows.length).toBeGreaterThan(0);
    const byPnc = new Map(env.people.map((person) => [person.pncId, person]));
    for (const row of rows) {
      const person = byPnc.get(String(row.pnc_id))!;
      // ViSOR records the same category and level as the MAPPA unit.
      expect({ pncId: person.pncId, category: row.mappa_category, level: row.mappa_level }).toEqual({
        pncId: person.pncId,
        category: person.category,
        level: person.level,
      });
      const partners = row.partner_agencies as string[];
      if (person.category === 1 && person.level === 1 && row.agreed !== true)
        expect({ pncId: person.pncId, partners }).toEqual({
          pncId: person.pncId,
          partners: partners.filter((partner) => partner !== 'PROBATION'),
        });
    }
    const category1Level1 = rows.filter((row) => row.mappa_category === 1 && row.mappa_level === 1);
    expect(category1Level1.length).toBeGreaterThan(0);
  });

  it('A.R6: a probation practitioner reads no category 1 level 1 nominal where the area records no local agreement, even one that lists probation', async () => {
    const person = supervisedCategory1(1);
    await execute(sql`delete from police.level_one_partner_agreement where area = ${MappaArea.LONDON}`);
    await listProbation(person.pncId);
    expect(await nominalAs(PRACTITIONER, person.pncId)).toBeNull();
    // The police, who own the nominal, still read it: the record exists.
    expect(await nominalAs(PPU_OFFICER, person.pncId)).not.toBeNull();
  });

  it('A.R6: a probation practitioner reads a category 1 nominal at level 2 or 3 that lists probation', async () => {
    const person = env.people.find(
      (candidate) => candidate.category === 1 && candidate.level >= 2 && !candidate.isYouth && !candidate.restrictedAccess,
    )!;
    await listProbation(person.pncId);
    expect(await nominalAs(PRACTITIONER, person.pncId)).toMatchObject({ partnerAgencies: ['PROBATION'] });
  });

  it('A.R6: once the area records a local agreement, a category 1 level 1 nominal listing probation is read; one not listing it still is not', async () => {
    const listed = supervisedCategory1(1);
    const unlisted = env.people.find(
      (candidate) =>
        candidate !== listed &&
        candidate.category === 1 &&
        candidate.level === 1 &&
        !candidate.isYouth &&
        candidate.probationStatus === 'CURRENT' &&
        !candidate.restrictedAccess,
    )!;
    await listProbation(listed.pncId);
    await execute(sql`update police.visor_nominal set partner_agencies = array[]::text[] where pnc_id = ${unlisted.pncId}`);
    await execute(
      sql`insert into police.level_one_partner_agreement (area, partner_agency, agreed_date) values (${MappaArea.LONDON}, 'PROBATION', '2025-04-01')`,
    );
    try {
      expect(await nominalAs(PRACTITIONER, listed.pncId)).toMatchObject({ partnerAgencies: ['PROBATION'] });
      expect(await nominalAs(PRACTITIONER, unlisted.pncId)).toBeNull();
      // Another area's agreement is not this area's.
      await execute(sql`update police.level_one_partner_agreement set area = ${MappaArea.KENT} where area = ${MappaArea.LONDON}`);
      expect(await nominalAs(PRACTITIONER, listed.pncId)).toBeNull();
    } finally {
      await execute(sql`delete from police.level_one_partner_agreement`);
    }
  });
});
