import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { actingOnDecision, disclosureErrorCodes, disclosureTestClient, startTestSubgraph, TEST_ISSUER } from '@mappa/testing';
import { MappaArea } from '@mappa/shared';
import type { Caller, Principal } from '@mappa/shared';
import type { TestSubgraph } from '@mappa/testing';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSubgraph } from '../index';
import { disclosureDecisionTable } from './disclosure.table';

// probation.subgraph.test.ts's dataset: one seeded template for both files in a run.
const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.LONDON] };
let stack: TestSubgraph;
let client: ReturnType<typeof disclosureTestClient>;

const staff = (staffId: string, role: Principal['roles'][number], agency: Principal['agency'] = 'probation'): Principal => ({
  issuer: TEST_ISSUER,
  staffId,
  agency,
  roles: [role],
  area: MappaArea.LONDON,
  clearance: 'SC',
});
const practitioner = staff('NPS00201', 'probation_practitioner');
const manager = staff('NPS00202', 'senior_probation_officer');
const coordinator = staff('MCU00001', 'mappa_coordinator', 'mappa_unit');
const managingCases = (principal: Principal): Caller => ({ principal, declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null } });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  stack = await startTestSubgraph(probationSubgraph, dataset);
  client = disclosureTestClient(stack, 'probation', 'PROBATION');
});

afterAll(async () => {
  await stack.subgraph.close();
  await stack.database.drop();
});

/** A current, unrestricted London case the practitioner may manage. */
async function aCurrentCase(): Promise<string> {
  const db = stack.database.connection.database();
  const [row] = await db
    .select({ pncId: probationCaseTable.pncId })
    .from(probationCaseTable)
    .where(
      and(
        eq(probationCaseTable.status, 'CURRENT'),
        eq(probationCaseTable.currentRestriction, false),
        eq(probationCaseTable.counterTerrorismRestricted, false),
        eq(probationCaseTable.area, MappaArea.LONDON),
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
    level: number;
    contentSha256: string | null;
    items: { itemId: string; wordingSha256: string; ownerAgreement: string }[];
    transitions: { toStatus: string; staffId: string }[];
  };
};

describe('a level 1 disclosure decision held by probation (B §2 "Level 1")', () => {
  it('B.7: proposed by the practitioner, agreed and decided by a senior probation officer, made; the preview is what was made', async () => {
    const pncId = await aCurrentCase();
    const proposal = await client.proposeLevel1(pncId, managingCases(practitioner));
    expect(proposal.errors).toBeUndefined();
    const { decisionId } = proposal.data?.proposeProbationDisclosure as { decisionId: string };
    expect(decisionId).toMatch(/^DSC-PROBATION-/);
    const as = (principal: Principal) => actingOnDecision(principal, decisionId, pncId);
    decisionOf(
      await client.addItem(decisionId, as(practitioner), {
        kind: 'RECORD_FIELD',
        sourceAgency: 'probation',
        fieldCoordinate: 'ProbationLicence.licenceExpiryDate',
        wording: 'His licence runs until next year.',
      }),
      'addProbationDisclosureItem',
    );
    // A field probation does not own is not probation's to quote as its own.
    expect(
      disclosureErrorCodes(
        await client.addItem(decisionId, as(practitioner), {
          kind: 'RECORD_FIELD',
          sourceAgency: 'probation',
          fieldCoordinate: 'PoliceIdentity.lastName',
          wording: 'x',
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    decisionOf(await client.startConsultation(decisionId, as(practitioner)), 'startProbationDisclosureConsultation');
    const ready = decisionOf(await client.representations(decisionId, as(practitioner)), 'recordProbationDisclosureRepresentations');
    expect(ready).toMatchObject({ level: 1, status: 'CONSULTING' });
    // The practitioner is not the manager: deciding is not theirs.
    expect(disclosureErrorCodes(await client.decide(decisionId, as(practitioner), 'probation'))).toEqual(['NOT_FOUND']);
    decisionOf(
      await client.agree(decisionId, as(manager), {
        itemId: ready.items[0]!.itemId,
        wordingSha256: sha256('His licence runs until next year.'),
      }),
      'recordProbationDisclosureItemAgreement',
    );
    decisionOf(await client.decide(decisionId, as(manager), 'probation'), 'decideProbationDisclosure');
    const preview = (await client.preview(decisionId, as(practitioner))).data?.probationDisclosurePreview as {
      html: string;
      contentSha256: string;
    };
    const made = decisionOf(await client.made(decisionId, as(practitioner)), 'recordProbationDisclosureMade');
    expect(made.status).toBe('MADE');
    expect(made.contentSha256).toBe(sha256(preview.html));
    expect(made.transitions.map((transition) => [transition.toStatus, transition.staffId])).toEqual([
      ['PROPOSED', 'NPS00201'],
      ['CONSULTING', 'NPS00201'],
      ['DECIDED', 'NPS00202'],
      ['MADE', 'NPS00201'],
    ]);
    const [row] = await stack.database.connection
      .database()
      .select()
      .from(disclosureDecisionTable)
      .where(eq(disclosureDecisionTable.decisionId, decisionId));
    expect(row).toMatchObject({ level: 1, caseId: null, meetingId: null, frozenContent: preview.html });
  });

  it('B §2 "Level 1": the MAPPA co-ordinator can neither read nor propose a level 1 decision; nor can anyone about a person probation does not hold', async () => {
    const pncId = await aCurrentCase();
    const { decisionId } = (await client.proposeLevel1(pncId, managingCases(practitioner))).data?.proposeProbationDisclosure as {
      decisionId: string;
    };
    expect(
      decisionOf(await client.read(decisionId, actingOnDecision(practitioner, decisionId, pncId)), 'probationDisclosureDecision')
        .decisionId,
    ).toBe(decisionId);
    const coordinatorAsks = await client.read(decisionId, actingOnDecision(coordinator, decisionId, pncId));
    expect(coordinatorAsks.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', 'No disclosure decision you can act on has this id.'],
    ]);
    expect(disclosureErrorCodes(await client.preview(decisionId, actingOnDecision(coordinator, decisionId, pncId)))).toEqual(['NOT_FOUND']);
    expect(disclosureErrorCodes(await client.proposeLevel1(pncId, managingCases(coordinator)))).toEqual(['FORBIDDEN']);
    const notHeld = await client.proposeLevel1('2008/0545166T', managingCases(practitioner));
    expect(notHeld.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['NOT_FOUND', 'No person you manage has this PNC ID.'],
    ]);
  });
});
