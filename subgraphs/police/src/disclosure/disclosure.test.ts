import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { actingOnDecision, disclosureErrorCodes, disclosureTestClient, startTestSubgraph, TEST_ISSUER } from '@mappa/testing';
import { MappaArea } from '@mappa/shared';
import type { Caller, Principal } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import { personTable } from '../identity/identity-person.table';
import { policeSubgraph } from '../index';

const dataset = { offenders: 300, seed: 19, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
let stack: TestSubgraph;
let client: ReturnType<typeof disclosureTestClient>;

const staff = (staffId: string, role: Principal['roles'][number], agency: Principal['agency'] = 'police'): Principal => ({
  issuer: TEST_ISSUER,
  staffId,
  agency,
  roles: [role],
  area: MappaArea.LONDON,
  clearance: 'SC',
});
const proposer = staff('PPU00301', 'ppu_officer');
const colleague = staff('PPU00302', 'ppu_officer');
const coordinator = staff('MCU00001', 'mappa_coordinator', 'mappa_unit');
const managingCases = (principal: Principal): Caller => ({ principal, declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null } });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const WORDING = 'He is subject to indefinite notification requirements.';

beforeAll(async () => {
  stack = await startTestSubgraph(policeSubgraph, dataset);
  client = disclosureTestClient(stack, 'police', 'POLICE');
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

/** An adult the police hold in London, not counter-terrorism restricted. */
async function anAdult(): Promise<string> {
  const [row] = await stack.database.connection
    .database()
    .select({ pncId: personTable.pncId })
    .from(personTable)
    .where(
      and(
        eq(personTable.mappaArea, MappaArea.LONDON),
        eq(personTable.counterTerrorismRestricted, false),
        lt(personTable.dateOfBirth, '2000-01-01'),
      ),
    )
    .limit(1);
  return row!.pncId;
}

const decisionOf = (response: Awaited<ReturnType<typeof client.read>>, field: string) => {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return response.data?.[field] as {
    decisionId: string;
    status: string;
    contentSha256: string | null;
    items: { itemId: string; wordingSha256: string }[];
    transitions: { toStatus: string; staffId: string }[];
  };
};

describe('a level 1 disclosure decision held by the police (B §2 "Level 1")', () => {
  it('B.7: proposed by a PPU officer and decided by another, never by the proposer; the co-ordinator cannot read it', async () => {
    const pncId = await anAdult();
    const proposal = await client.proposeLevel1(pncId, managingCases(proposer));
    expect(proposal.errors).toBeUndefined();
    const { decisionId } = proposal.data?.proposePoliceDisclosure as { decisionId: string };
    expect(decisionId).toMatch(/^DSC-POLICE-/);
    const as = (principal: Principal) => actingOnDecision(principal, decisionId, pncId);
    decisionOf(
      await client.addItem(decisionId, as(proposer), {
        kind: 'RECORD_FIELD',
        sourceAgency: 'police',
        fieldCoordinate: 'SexOffenderNotification.indefinite',
        wording: WORDING,
      }),
      'addPoliceDisclosureItem',
    );
    decisionOf(await client.startConsultation(decisionId, as(proposer)), 'startPoliceDisclosureConsultation');
    const ready = decisionOf(await client.representations(decisionId, as(proposer)), 'recordPoliceDisclosureRepresentations');
    decisionOf(
      await client.agree(decisionId, as(colleague), { itemId: ready.items[0]!.itemId, wordingSha256: sha256(WORDING) }),
      'recordPoliceDisclosureItemAgreement',
    );
    // No one decides their own proposal.
    expect(disclosureErrorCodes(await client.decide(decisionId, as(proposer), 'police'))).toEqual(['NOT_FOUND']);
    const coordinatorAsks = await client.read(decisionId, actingOnDecision(coordinator, decisionId, pncId));
    expect(coordinatorAsks.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', 'No disclosure decision you can act on has this id.'],
    ]);
    decisionOf(await client.decide(decisionId, as(colleague), 'police'), 'decidePoliceDisclosure');
    const preview = (await client.preview(decisionId, as(proposer))).data?.policeDisclosurePreview as { html: string };
    const made = decisionOf(await client.made(decisionId, as(proposer)), 'recordPoliceDisclosureMade');
    expect(made.contentSha256).toBe(sha256(preview.html));
    expect(made.transitions.map((transition) => [transition.toStatus, transition.staffId])).toEqual([
      ['PROPOSED', 'PPU00301'],
      ['CONSULTING', 'PPU00301'],
      ['DECIDED', 'PPU00302'],
      ['MADE', 'PPU00301'],
    ]);
    expect(disclosureErrorCodes(await client.read(decisionId, actingOnDecision(coordinator, decisionId, pncId)))).toEqual(['NOT_FOUND']);
  });
});
