import { sql } from 'drizzle-orm';
import type { DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { insertMeeting, inviteToMeeting } from './support/mappa-records';
import { postGraphQL, startTestStack } from './support/test-stack';
import type { GraphQLResponse, TestStack } from './support/test-stack';

// Issue 11, the disclosure decision through the gateway with real subgraphs: each step by the party the
// guidance names, under DISCLOSURE_DECISION with the decision in x-mappa-case (the gateway asks the
// decision's holder how the caller stands to it). The rules are written from the guidance (B §2), not
// from the workflow's code: what a recipient may be given, who must have agreed or been consulted first,
// and that what is disclosed is exactly what was previewed.

let env: TestStack;
let adult: SyntheticPerson;
let child: SyntheticPerson;

const who = (staffId: string, agency: PrincipalClaims['agency'], roles: PrincipalClaims['roles'], area: PrincipalClaims['area']): PrincipalClaims => ({ staffId, agency, roles, area, clearance: 'SC' });
let chair: PrincipalClaims;
let policeOwner: PrincipalClaims;
let yotManager: PrincipalClaims;
let childrensServices: PrincipalClaims;

const deciding = (decisionId: string): DeclaredPurpose => ({ purpose: 'DISCLOSURE_DECISION', caseId: decisionId });
const atMeeting = (meetingId: string): DeclaredPurpose => ({ purpose: 'MAPPA_MEETING', caseId: meetingId });

async function ask(principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

/** The answer's one field, failing the test with the errors when there is none. */
async function must(principal: PrincipalClaims, purpose: DeclaredPurpose, query: string, variables: Record<string, unknown>, field: string): Promise<Record<string, unknown>> {
  const answer = await ask(principal, purpose, query, variables);
  const value = answer.data?.[field] as Record<string, unknown> | null | undefined;
  if (!value) throw new Error(`${field} failed: ${JSON.stringify(answer.errors)}`);
  return value;
}

const PROPOSE = 'mutation($input: ProposeDisclosureInput!) { proposeDisclosure(input: $input) { decisionId requiredConsultations } }';
const ADD_ITEM = 'mutation($input: AddDisclosureItemInput!) { addDisclosureItem(input: $input) { items { itemId wordingSha256 } } }';
const START = 'mutation($decisionId: ID!) { startDisclosureConsultation(decisionId: $decisionId) { status } }';
const REPRESENTATIONS = 'mutation($input: RecordDisclosureRepresentationsInput!) { recordDisclosureRepresentations(input: $input) { status } }';
const AGREE = 'mutation($input: RecordDisclosureItemAgreementInput!) { recordDisclosureItemAgreement(input: $input) { status } }';
const ANSWER = 'mutation($input: AnswerDisclosureConsultationInput!) { answerDisclosureConsultation(input: $input) { status } }';
const DECIDE = 'mutation($input: DecideDisclosureInput!) { decideDisclosure(input: $input) { status outcome } }';
const PREVIEW = 'query($decisionId: ID!) { disclosurePreview(decisionId: $decisionId) { html contentSha256 frozen } }';
const MADE = 'mutation($input: RecordDisclosureMadeInput!) { recordDisclosureMade(input: $input) { status contentSha256 } }';

/** A decision proposed by the chair of a meeting in session about `person`, taken to CONSULTING with one police item and representations recorded. */
async function consultingDecision(person: SyntheticPerson): Promise<{ decisionId: string; itemId: string; wordingSha256: string; requiredConsultations: string[] }> {
  const meetingId = await insertMeeting(env, person.pncId, { chair });
  // A child's meeting has the YOT and children's services invited and consulted (A.R25), as it must to be held.
  if (person.isYouth) for (const agency of ['yot', 'children_social_care'] as const) await inviteToMeeting(env, meetingId, { agency, role: agency === 'yot' ? 'yot_manager' : 'dtc_attendee' }, { consulted: true });
  const proposal = await must(
    chair,
    atMeeting(meetingId),
    PROPOSE,
    {
      input: {
        meetingId,
        recipientKind: 'EMPLOYER',
        recipientDescription: 'The site manager of the new employer',
        recipientIsChild: false,
        recipientIsAdultAtRisk: false,
        purpose: 'To protect customers visited alone at home',
        lawfulBasis: 'COMMON_LAW',
        alternativesConsidered: 'A licence condition alone does not cover lone home visits',
        recipientGuidance: 'Do not allocate him lone home visits; report any to the police',
      },
    },
    'proposeDisclosure',
  );
  const decisionId = proposal.decisionId as string;
  const { items } = (await must(
    chair,
    deciding(decisionId),
    ADD_ITEM,
    { input: { decisionId, kind: 'RECORD_FIELD', sourceAgency: 'police', fieldCoordinate: 'SexOffenderNotification.indefinite', recordReference: null, wording: 'He is subject to notification requirements indefinitely.', victimIdentifying: false, photograph: false } },
    'addDisclosureItem',
  )) as { items: { itemId: string; wordingSha256: string }[] };
  await must(chair, deciding(decisionId), START, { decisionId }, 'startDisclosureConsultation');
  await must(chair, deciding(decisionId), REPRESENTATIONS, { input: { decisionId, sought: true, summary: 'He accepts the employer should know', exception: null } }, 'recordDisclosureRepresentations');
  return { decisionId, ...items[0]!, requiredConsultations: proposal.requiredConsultations as string[] };
}

const decideInput = (decisionId: string, outcome: 'DISCLOSE' | 'NOT_DISCLOSE') => ({
  decisionId,
  outcome,
  rationale: 'The need to protect customers outweighs his privacy',
  disclosureRiskAssessment: 'Low risk of onward sharing',
  contingencyPlans: 'Police visit the employer the same day',
  dissent: [],
  executingAgency: outcome === 'DISCLOSE' ? 'police' : null,
});

beforeAll(async () => {
  env = await startTestStack({ dataset: { offenders: 400, seed: 37, asOf: '2026-11-01' } });
  const result = (await env.connection.database().execute(sql`select pnc_id from mappa.mappa_case where status = 'ACTIVE' and not ct_restricted`)) as unknown as { rows: { pnc_id: string }[] };
  const active = new Set(result.rows.map((row) => row.pnc_id));
  const plain = (person: SyntheticPerson) => person.category !== 4 && !person.restrictedAccess && active.has(person.pncId);
  adult = env.people.find((person) => plain(person) && !person.isYouth && person.level >= 2)!;
  child = env.people.find((person) => plain(person) && person.isYouth && person.level >= 2 && person.area === adult.area)!;
  if (!adult || !child) throw new Error('an adult at level 2 or 3 and a child with active MAPPA cases in one area');
  chair = who('CHAIR-WF-01', 'police', ['mappa_chair'], adult.area);
  policeOwner = who('PPU-WF-01', 'police', ['ppu_officer'], adult.area);
  yotManager = who('YOT-WF-01', 'yot', ['yot_manager'], adult.area);
  childrensServices = who('CSC-WF-01', 'children_social_care', ['dtc_attendee'], adult.area);
});

afterAll(async () => {
  await env.close();
});

describe('issue 11: the disclosure decision through the gateway', () => {
  it('B.8, C.29: an item without its owner\'s agreement cannot be disclosed; with the police\'s agreement to its exact wording it can', async () => {
    const { decisionId, itemId, wordingSha256 } = await consultingDecision(adult);
    const refused = await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') });
    expect(refused.data?.decideDisclosure).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // An agreement to other words than the item's holds for nothing.
    const stale = await ask(policeOwner, deciding(decisionId), AGREE, { input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256: '0'.repeat(64) } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await must(policeOwner, deciding(decisionId), AGREE, { input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256 } }, 'recordDisclosureItemAgreement');
    expect(await must(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') }, 'decideDisclosure')).toEqual({ status: 'DECIDED', outcome: 'DISCLOSE' });
  });

  it('B §2 "What must be recorded": what is made is exactly what was previewed, byte for byte, with the same SHA-256, and it never changes', async () => {
    const { decisionId, itemId, wordingSha256 } = await consultingDecision(adult);
    await must(policeOwner, deciding(decisionId), AGREE, { input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256 } }, 'recordDisclosureItemAgreement');
    await must(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'DISCLOSE') }, 'decideDisclosure');
    const preview = await must(policeOwner, deciding(decisionId), PREVIEW, { decisionId }, 'disclosurePreview');
    expect(preview.frozen).toBe(false);
    expect(preview.html).toContain('He is subject to notification requirements indefinitely.');
    const made = await must(policeOwner, deciding(decisionId), MADE, { input: { decisionId, madeTo: 'The site manager, in person', offenderTold: true, signedFormReference: null } }, 'recordDisclosureMade');
    expect(made).toEqual({ status: 'MADE', contentSha256: preview.contentSha256 });
    const after = await must(chair, deciding(decisionId), PREVIEW, { decisionId }, 'disclosurePreview');
    expect(after).toEqual({ html: preview.html, contentSha256: preview.contentSha256, frozen: true });
    // Made is final: a second record of it, or a withdrawal, is refused.
    expect((await ask(policeOwner, deciding(decisionId), MADE, { input: { decisionId, madeTo: 'Someone else', offenderTold: false, signedFormReference: null } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('B.10, C.52, A.R25: a decision about a child cannot be decided until a senior YOT member and children\'s services have answered', async () => {
    const { decisionId, requiredConsultations } = await consultingDecision(child);
    expect(requiredConsultations).toEqual(expect.arrayContaining(['YOT_SENIOR', 'CHILDRENS_SERVICES']));
    const refused = await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await must(yotManager, deciding(decisionId), ANSWER, { input: { decisionId, kind: 'YOT_SENIOR', response: 'CONCERNS', note: 'School placement at risk' } }, 'answerDisclosureConsultation');
    expect((await ask(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The YOT cannot answer for children's services.
    expect((await ask(yotManager, deciding(decisionId), ANSWER, { input: { decisionId, kind: 'CHILDRENS_SERVICES', response: 'AGREES', note: 'x' } })).errors).toBeDefined();
    await must(childrensServices, deciding(decisionId), ANSWER, { input: { decisionId, kind: 'CHILDRENS_SERVICES', response: 'AGREES', note: 'Strategy discussion held' } }, 'answerDisclosureConsultation');
    expect(await must(chair, deciding(decisionId), DECIDE, { input: decideInput(decisionId, 'NOT_DISCLOSE') }, 'decideDisclosure')).toEqual({ status: 'DECIDED', outcome: 'NOT_DISCLOSE' });
  });
});
