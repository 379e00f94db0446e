import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newDisclosureDecisionId } from '@mappa/shared';
import { postGraphQL } from '../graphql-client';
import type { GraphQLResponse } from '../graphql-response';
import { TEST_ISSUER } from '../test-gateway';
import type {
  ConsultationKind,
  DeclaredPurpose,
  DisclosureHolder,
  ItemSourceAgency,
  MappaArea,
  PrincipalAgency,
  PrincipalClaims,
} from '@mappa/shared';
import { insertMeeting, inviteToMeeting } from './mappa-records';
import type { TestStack } from './test-stack';

/*
 * Disclosure decisions (issue 11) a test needs, written straight into their holder's tables (the
 * workflow mutations that make them are another part of the issue): a PROPOSED decision with its
 * items and requested consultations, which the state machine allows at proposal. Staff are named by
 * staff id with the test identity provider, as the test tokens are.
 */

const SCHEMA_OF: { readonly [H in DisclosureHolder]: string } = { MAPPA: 'mappa', PROBATION: 'probation', POLICE: 'police' };

async function execute(env: TestStack, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await env.connection.database().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

export interface DisclosureDecisionOptions {
  readonly holder: DisclosureHolder;
  /** Default: a new id of the holder's (`DSC-<HOLDER>-<uuid>`). */
  readonly decisionId?: string;
  readonly pncId: string;
  readonly area: MappaArea;
  /** Who proposed it (with the test issuer). */
  readonly proposer: Pick<PrincipalClaims, 'staffId' | 'agency'>;
  /** MAPPA only: the meeting it belongs to (its MAPPA case is looked up). */
  readonly meetingId?: string;
  readonly subjectUnder18?: boolean;
  /** Live items, by the agency whose record each is drawn from. */
  readonly items?: readonly { readonly sourceAgency: ItemSourceAgency | PrincipalAgency; readonly victimIdentifying?: boolean }[];
  /** Consultations requested. */
  readonly consultations?: readonly ConsultationKind[];
}

/** A PROPOSED disclosure decision in its holder's schema, with its items and requested consultations. Returns its id. */
export async function insertDisclosureDecision(env: TestStack, options: DisclosureDecisionOptions): Promise<string> {
  const schema = sql.identifier(SCHEMA_OF[options.holder]);
  const decisionId = options.decisionId ?? newDisclosureDecisionId(options.holder, randomUUID());
  let level = 1;
  let caseId: string | null = null;
  if (options.holder === 'MAPPA') {
    const [meeting] = await execute(
      env,
      sql`select m.case_id, c.level from mappa.meeting m join mappa.mappa_case c on c.case_id = m.case_id where m.meeting_id = ${options.meetingId ?? ''}`,
    );
    if (!meeting) throw new Error('a level 2/3 decision needs its meeting');
    caseId = String(meeting.case_id);
    // The decision is the meeting's: level 2 or 3 (a level 1 case's meeting is recorded at 2).
    level = Math.max(2, Number(meeting.level));
  }
  await execute(
    env,
    sql`insert into ${schema}.disclosure_decision (decision_id, pnc_id, area, level, case_id, meeting_id, subject_under_18, status, recipient_kind, recipient_description,
          recipient_is_child, recipient_is_adult_at_risk, purpose, lawful_basis, alternatives_considered, recipient_guidance, proposed_by_staff_id, proposed_by_issuer, proposed_by_agency)
        values (${decisionId}, ${options.pncId}, ${options.area}, ${level}, ${caseId}, ${options.holder === 'MAPPA' ? (options.meetingId ?? null) : null}, ${options.subjectUnder18 ?? false}, 'PROPOSED',
          'EMPLOYER', 'Test: the employer safeguarding lead', false, false, 'Test: protect colleagues', 'COMMON_LAW', 'Test: none would protect', 'Test: report concerns to the PPU',
          ${options.proposer.staffId}, ${TEST_ISSUER}, ${options.proposer.agency})`,
  );
  for (const [position, item] of (options.items ?? []).entries()) {
    const wording = `Test: item ${position + 1}`;
    await execute(
      env,
      sql`insert into ${schema}.disclosure_item (item_id, decision_id, position, kind, source_agency, wording, wording_sha256, victim_identifying, photograph, added_by_staff_id, added_by_issuer)
          values (${`ITM-${randomUUID()}`}, ${decisionId}, ${position + 1}, 'FREE_TEXT', ${item.sourceAgency}, ${wording}, ${createHash('sha256').update(wording, 'utf8').digest('hex')},
            ${item.victimIdentifying ?? false}, false, ${options.proposer.staffId}, ${TEST_ISSUER})`,
    );
  }
  for (const kind of options.consultations ?? []) await requestConsultation(env, options.holder, decisionId, kind);
  return decisionId;
}

const CONSULTEE_AGENCY: { readonly [K in ConsultationKind]: PrincipalAgency } = {
  YOT_SENIOR: 'yot',
  CHILDRENS_SERVICES: 'children_social_care',
  ADULT_SOCIAL_CARE: 'adult_social_care',
  ACC_APPROVAL: 'police',
  MOJ_PRESS_OFFICE: 'probation',
};

/** Requests one consultation of a decision (unanswered). */
export async function requestConsultation(
  env: TestStack,
  holder: DisclosureHolder,
  decisionId: string,
  kind: ConsultationKind,
): Promise<void> {
  await execute(
    env,
    sql`insert into ${sql.identifier(SCHEMA_OF[holder])}.disclosure_consultation (consultation_id, decision_id, kind, consultee_agency, requested_by_staff_id)
        values (${`CON-${randomUUID()}`}, ${decisionId}, ${kind}, ${CONSULTEE_AGENCY[kind]}, 'TEST-PROPOSER')`,
  );
}

/*
 * The same decision taken through the gateway, step by step, as its parties would (B §2): the tests of
 * the workflow and of the document route share these steps, so both walk one path from proposal to made.
 */

/** The workflow's operations, as the parties send them. */
export const DISCLOSURE_STEPS = {
  propose: 'mutation($input: ProposeDisclosureInput!) { proposeDisclosure(input: $input) { decisionId requiredConsultations } }',
  addItem: 'mutation($input: AddDisclosureItemInput!) { addDisclosureItem(input: $input) { items { itemId wordingSha256 } } }',
  startConsultation: 'mutation($decisionId: ID!) { startDisclosureConsultation(decisionId: $decisionId) { status } }',
  representations: 'mutation($input: RecordDisclosureRepresentationsInput!) { recordDisclosureRepresentations(input: $input) { status } }',
  agree: 'mutation($input: RecordDisclosureItemAgreementInput!) { recordDisclosureItemAgreement(input: $input) { status } }',
  answer: 'mutation($input: AnswerDisclosureConsultationInput!) { answerDisclosureConsultation(input: $input) { status } }',
  decide: 'mutation($input: DecideDisclosureInput!) { decideDisclosure(input: $input) { status outcome } }',
  preview: 'query($decisionId: ID!) { disclosurePreview(decisionId: $decisionId) { html contentSha256 frozen } }',
  made: 'mutation($input: RecordDisclosureMadeInput!) { recordDisclosureMade(input: $input) { status contentSha256 } }',
} as const;

/** DISCLOSURE_DECISION with the decision in x-mappa-case. */
export const deciding = (decisionId: string): DeclaredPurpose => ({ purpose: 'DISCLOSURE_DECISION', caseId: decisionId });

/** `query` through the test stack's gateway as `principal` under `purpose`. */
export async function askGateway(
  env: TestStack,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse> {
  return postGraphQL(`${env.stack.gateway.url}/graphql`, query, variables, await env.headersFor(principal, purpose));
}

/** The answer's one field, failing the test with the errors when there is none. */
export async function mustAnswer(
  env: TestStack,
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<Record<string, unknown>> {
  const answer = await askGateway(env, principal, purpose, query, variables);
  const value = answer.data?.[field] as Record<string, unknown> | null | undefined;
  if (!value) throw new Error(`${field} failed: ${JSON.stringify(answer.errors)}`);
  return value;
}

/** The chair's decision with `outcome`, the police carrying out a disclosure. */
export const decideInput = (decisionId: string, outcome: 'DISCLOSE' | 'NOT_DISCLOSE') => ({
  decisionId,
  outcome,
  rationale: 'The need to protect customers outweighs his privacy',
  disclosureRiskAssessment: 'Low risk of onward sharing',
  contingencyPlans: 'Police visit the employer the same day',
  dissent: [],
  executingAgency: outcome === 'DISCLOSE' ? 'police' : null,
});

/** The one item every decision here quotes: a police record field, word for word. */
export const POLICE_ITEM_WORDING = 'He is subject to notification requirements indefinitely.';

/**
 * A decision proposed by `chair` at a meeting in session about the person, taken to CONSULTING with one
 * police item and representations recorded. A child's meeting has the YOT and children's services
 * invited and consulted (A.R25), as it must to be held.
 */
export async function consultingDecision(
  env: TestStack,
  subject: { readonly pncId: string; readonly isYouth: boolean },
  chair: PrincipalClaims,
): Promise<{ decisionId: string; itemId: string; wordingSha256: string; requiredConsultations: string[] }> {
  const meetingId = await insertMeeting(env, subject.pncId, { chair });
  if (subject.isYouth)
    for (const agency of ['yot', 'children_social_care'] as const)
      await inviteToMeeting(env, meetingId, { agency, role: agency === 'yot' ? 'yot_manager' : 'dtc_attendee' }, { consulted: true });
  const proposal = await mustAnswer(
    env,
    chair,
    { purpose: 'MAPPA_MEETING', caseId: meetingId },
    DISCLOSURE_STEPS.propose,
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
  const { items } = (await mustAnswer(
    env,
    chair,
    deciding(decisionId),
    DISCLOSURE_STEPS.addItem,
    {
      input: {
        decisionId,
        kind: 'RECORD_FIELD',
        sourceAgency: 'police',
        fieldCoordinate: 'SexOffenderNotification.indefinite',
        recordReference: null,
        wording: POLICE_ITEM_WORDING,
        victimIdentifying: false,
        photograph: false,
      },
    },
    'addDisclosureItem',
  )) as { items: { itemId: string; wordingSha256: string }[] };
  await mustAnswer(env, chair, deciding(decisionId), DISCLOSURE_STEPS.startConsultation, { decisionId }, 'startDisclosureConsultation');
  await mustAnswer(
    env,
    chair,
    deciding(decisionId),
    DISCLOSURE_STEPS.representations,
    { input: { decisionId, sought: true, summary: 'He accepts the employer should know', exception: null } },
    'recordDisclosureRepresentations',
  );
  return { decisionId, ...items[0]!, requiredConsultations: proposal.requiredConsultations as string[] };
}

/** The police owner agrees to the item's exact wording (B.8) and the chair decides to disclose. */
export async function agreedAndDecided(
  env: TestStack,
  decision: { readonly decisionId: string; readonly itemId: string; readonly wordingSha256: string },
  chair: PrincipalClaims,
  policeOwner: PrincipalClaims,
): Promise<void> {
  const { decisionId, itemId, wordingSha256 } = decision;
  await mustAnswer(
    env,
    policeOwner,
    deciding(decisionId),
    DISCLOSURE_STEPS.agree,
    { input: { decisionId, itemId, kind: 'OWNER', agreed: true, note: null, wordingSha256 } },
    'recordDisclosureItemAgreement',
  );
  await mustAnswer(
    env,
    chair,
    deciding(decisionId),
    DISCLOSURE_STEPS.decide,
    { input: decideInput(decisionId, 'DISCLOSE') },
    'decideDisclosure',
  );
}

/** The police record the decided disclosure made to the site manager in person, with the offender told. */
export async function recordMade(env: TestStack, decisionId: string, policeOwner: PrincipalClaims): Promise<Record<string, unknown>> {
  return mustAnswer(
    env,
    policeOwner,
    deciding(decisionId),
    DISCLOSURE_STEPS.made,
    { input: { decisionId, madeTo: 'The site manager, in person', offenderTold: true, signedFormReference: null } },
    'recordDisclosureMade',
  );
}
