import { eq, inArray } from 'drizzle-orm';
import { TEST_ISSUER, askAtEachDecision, askAtEachMeeting, startTestSubgraph } from '@mappa/testing';
import { MappaArea, syntheticPeople } from '@mappa/shared';
import type { Caller, PrincipalAgency, Purpose, Role } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import { approvedPremisesPlacementTable } from '../approved-premises/approved-premises.table';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSubgraph } from '../index';

/*
 * Who reads which of a person's addresses, from the rules rather than from probation's policy file:
 * - principle 2: the case's own probation practitioners, managing it, read every address;
 * - B.1, principle 3: Responsible Authority roles under the MAPPA purposes share what assessing and managing
 *   MAPPA risk needs, and no more: where the person lives now and where they are to live on release (MAIN and
 *   PROPOSED, what the MAPPA A referral carries: guidance-analysis-b, "proposed release address; current address
 *   if in the community"), never the addresses they lived at before;
 * - C.8, C.11: approved premises staff read about their own residents and proposed residents: of the addresses,
 *   the premises' own row, never the person's home or previous addresses, and nothing of anyone else;
 * - principle 9: an address withheld is left out as if probation held none, without an error that says so.
 */

// The probation subgraph's own dataset (everyone in London), so this file shares its prepared template.
const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
const people = syntheticPeople(0, dataset.offenders, dataset);

interface Address {
  type: string;
  status: string;
  buildingName: string | null;
  addressLine1: string;
  postcode: string;
}
interface Answer {
  data?: { _entities: ({ pncId: string; probationAddresses: Address[] | null } | null)[] };
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; policy?: string } }[];
}

const ADDRESSES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Offender { pncId probationAddresses { type status buildingName addressLine1 postcode } }
} }`;

function callerWith(roles: Role[], purpose: Purpose, agency: PrincipalAgency, staffId: string): Caller {
  const caseId = purpose === 'MAPPA_MEETING' ? 'MTG-1' : purpose === 'DISCLOSURE_DECISION' ? 'DSC-MAPPA-1' : null;
  return {
    principal: { issuer: TEST_ISSUER, staffId, agency, roles, area: MappaArea.LONDON, clearance: 'SC' },
    declaredPurpose: { purpose, caseId },
  };
}

const PRACTITIONER = callerWith(['probation_practitioner'], 'CASE_MANAGEMENT', 'probation', 'N07A001');
const approvedPremisesStaff = (staffCode: string) => callerWith(['approved_premises_staff'], 'CASE_MANAGEMENT', 'probation', staffCode);

let stack: TestSubgraph;
/** Every address of every person probation holds, as the case's own practitioner reads them. */
const held = new Map<string, Address[]>();
/** The premises each resident or proposed resident is placed at, by PNC ID (live placements only). */
const placedAt = new Map<string, string>();

async function entities(pncIds: readonly string[], caller: Caller): Promise<Answer> {
  return (await stack.query(ADDRESSES, { r: pncIds.map((pncId) => ({ __typename: 'Offender', pncId })) }, caller)) as Answer;
}

const isCurrentOrProposed = (address: Address) => address.status === 'MAIN' || address.status === 'PROPOSED';
const heldPncIds = () => [...held.keys()];
/**
 * People whose addresses between them show every case, for the purposes asked one subject at a time (a meeting or a
 * decision is about one person): ten with a previous address, ten with a proposed one, five with their main one only.
 */
function sampleOfEachKind(): string[] {
  const withStatus = (status: string) => heldPncIds().filter((pncId) => held.get(pncId)!.some((address) => address.status === status));
  const mainOnly = heldPncIds().filter((pncId) => held.get(pncId)!.length === 1);
  return [...new Set([...withStatus('PREVIOUS').slice(0, 10), ...withStatus('PROPOSED').slice(0, 10), ...mainOnly.slice(0, 5)])];
}
const addressesIn = (answer: Answer) => new Map(answer.data!._entities.map((entity) => [entity!.pncId, entity!.probationAddresses]));

beforeAll(async () => {
  stack = await startTestSubgraph(probationSubgraph, dataset);
  const everyone = await entities(
    people.map((person) => person.pncId),
    PRACTITIONER,
  );
  expect(everyone.errors).toBeUndefined();
  for (const entity of everyone.data!._entities) if (entity?.probationAddresses) held.set(entity.pncId, entity.probationAddresses);
  const placements = await stack.database.connection
    .database()
    .select({ pncId: probationCaseTable.pncId, premisesCode: approvedPremisesPlacementTable.premisesCode })
    .from(approvedPremisesPlacementTable)
    .innerJoin(probationCaseTable, eq(probationCaseTable.crn, approvedPremisesPlacementTable.crn))
    .where(inArray(approvedPremisesPlacementTable.status, ['RESIDENT', 'PROPOSED']));
  for (const { pncId, premisesCode } of placements) placedAt.set(pncId, premisesCode);
});

afterAll(async () => {
  await stack?.subgraph.close();
  await stack?.database.drop();
});

describe('probation addresses: who reads which (B.1, principle 3, C.8, C.11)', () => {
  it('the dataset holds previous, proposed and approved premises addresses, and residents and proposed residents of premises', () => {
    const all = [...held.values()].flat();
    expect(all.filter((address) => address.status === 'PREVIOUS').length).toBeGreaterThan(0);
    expect(all.filter((address) => address.status === 'PROPOSED').length).toBeGreaterThan(0);
    expect(all.filter((address) => address.type === 'APPROVED_PREMISES' && address.status === 'MAIN').length).toBeGreaterThan(0);
    expect(all.filter((address) => address.type === 'APPROVED_PREMISES' && address.status === 'PROPOSED').length).toBeGreaterThan(0);
    // Some residents also have a previous home on the case: the premises' staff must not read it.
    expect([...placedAt.keys()].some((pncId) => held.get(pncId)!.some((address) => address.type === 'HOME'))).toBe(true);
    expect(sampleOfEachKind().length).toBeGreaterThanOrEqual(20);
  });

  it('principle 2: the case manager reads every address, previous ones included', () => {
    expect([...held.values()].every((addresses) => addresses.length > 0 && addresses[0]!.status === 'MAIN')).toBe(true);
  });

  it('B.1, principle 3: the co-ordinator screening reads where each person lives now and is to live on release, never a previous address', async () => {
    const answer = await entities(heldPncIds(), callerWith(['mappa_coordinator'], 'MAPPA_SCREENING', 'mappa_unit', 'MCU0001'));
    // A withheld address is left out without an error: the answer does not say one exists (principle 9).
    expect(answer.errors).toBeUndefined();
    const read = addressesIn(answer);
    for (const [pncId, addresses] of held) expect(read.get(pncId)).toEqual(addresses.filter(isCurrentOrProposed));
  });

  // A meeting or a decision is about one person: each person is asked about alone, at a meeting or decision about them.
  it.each([
    [
      'a PPU officer attending the MAPP meeting about the person',
      callerWith(['ppu_officer'], 'MAPPA_MEETING', 'police', 'PPU0001'),
      askAtEachMeeting,
    ],
    [
      'a prison offender manager party to a disclosure decision about the person',
      callerWith(['prison_offender_manager'], 'DISCLOSURE_DECISION', 'prison', 'POM0001'),
      askAtEachDecision,
    ],
  ])('B.1, principle 3: %s reads the current and proposed addresses only', async (_who, reader, askAtEach) => {
    const sample = sampleOfEachKind();
    const answer = await askAtEach(reader, sample, (pncIds, who) => entities(pncIds, who));
    expect(answer.errors).toBeUndefined();
    const read = addressesIn(answer);
    for (const pncId of sample) expect(read.get(pncId)).toEqual(held.get(pncId)!.filter(isCurrentOrProposed));
  });

  it('principle 2: the same PPU officer managing their own case reads no address (FORBIDDEN, nothing returned)', async () => {
    const answer = await entities(heldPncIds(), callerWith(['ppu_officer'], 'CASE_MANAGEMENT', 'police', 'PPU0001'));
    expect(answer.data!._entities.every((entity) => entity?.probationAddresses === null)).toBe(true);
    expect(answer.errors?.map((error) => error.extensions?.policy)).toEqual(['probation.probationAddress']);
  });

  it("C.8, C.11: a premises' staff read, of each resident's and proposed resident's addresses, the premises' own row and nothing else", async () => {
    const premises = new Set(placedAt.values());
    expect(premises.size).toBeGreaterThan(0);
    for (const premisesCode of premises) {
      // The seed names two staff per premises, `<premises code>1` and `<premises code>2`.
      const answer = await entities(heldPncIds(), approvedPremisesStaff(`${premisesCode}1`));
      expect(answer.errors).toBeUndefined();
      const read = addressesIn(answer);
      for (const [pncId, addresses] of held) {
        const premisesRows = addresses.filter((address) => address.type === 'APPROVED_PREMISES' && isCurrentOrProposed(address));
        // Anyone not placed at these premises: nothing, exactly as for a person with no address (principle 9).
        expect(read.get(pncId)).toEqual(placedAt.get(pncId) === premisesCode ? premisesRows : null);
      }
    }
  });

  it('C.8: staff of premises nobody is placed at read no address of anyone', async () => {
    const answer = await entities(heldPncIds(), approvedPremisesStaff('N07ZZZ1'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities.every((entity) => entity?.probationAddresses === null)).toBe(true);
  });
});
