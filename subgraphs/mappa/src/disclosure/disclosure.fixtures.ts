// Test support for the disclosure tests: a meeting to propose at, callers as the gateway would vouch them,
// and the workflow's mutations through the running MAPPA subgraph. Synthetic data only.
import { withDisclosureEvidence } from '@mappa/testing';
import type { Caller, Principal } from '@mappa/shared';
import type { MappaCaseRow } from '../mappa-case/mappa-case.table';
import { atMeeting, invite, post, sign, staff } from '../meeting/meeting-minutes.fixtures';
import type { GraphQLResponse, MeetingTestStack } from '../meeting/meeting-minutes.fixtures';
import type { MeetingRow } from '../meeting/meeting.table';

export const DECISION = `decisionId status outcome subjectUnder18 requiredConsultations executingAgency contentSha256
  items { itemId position sourceAgency wording wordingSha256 ownerAgreement victimLiaisonAgreement removedAt }
  consultations { kind response satisfied } transitions { fromStatus toStatus staffId }`;

/** The parties a test needs, all in `area`. */
export function partiesIn(area: Principal['area']) {
  return {
    // The meeting's chair (a probation employee) decides; a different person from the fixtures' usual chair.
    chair: staff('NPS00078', 'probation', 'mappa_chair', area),
    practitioner: staff('NPS00101', 'probation', 'probation_practitioner', area),
    policeOwner: staff('PPU00101', 'police', 'ppu_officer', area),
    probationOwner: staff('NPS00102', 'probation', 'senior_probation_officer', area),
    victimLiaison: staff('VLO00101', 'probation', 'victim_liaison_officer', area),
    yotSenior: staff('YOT00101', 'yot', 'yot_manager', area),
    yotCaseManager: staff('YOT00102', 'yot', 'yot_case_manager', area),
    childrensServices: staff('CSC00101', 'children_social_care', 'dtc_attendee', area),
    prisonManager: staff('POM00101', 'prison', 'prison_offender_manager', area),
  };
}

/** A caller under DISCLOSURE_DECISION for `decisionId`, vouched a party by the gateway (the holder checks the rest). */
export function onDecision(principal: Principal, decisionId: string, pncId: string): Caller {
  return withDisclosureEvidence({ principal, declaredPurpose: { purpose: 'DISCLOSURE_DECISION', caseId: decisionId } }, pncId);
}

/** A probation practitioner invited to the meeting and signed in: they propose. */
export async function attendingPractitioner(stack: MeetingTestStack, meeting: MeetingRow, practitioner: Principal): Promise<Caller> {
  const invitation = await invite(stack, meeting, { agency: 'probation', role: 'probation_practitioner' });
  await sign(stack, meeting, practitioner, invitation);
  return atMeeting(practitioner, meeting, 'INVITEE', { attending: true, invitationId: invitation.invitationId });
}

export const PROPOSAL = {
  recipientKind: 'EMPLOYER',
  recipientDescription: 'Site manager, Example Construction Ltd',
  recipientIsChild: false,
  recipientIsAdultAtRisk: false,
  purpose: 'The employer runs a site next to a primary school; supervision arrangements must reflect the risk.',
  lawfulBasis: 'CJA_2003_S327A',
  alternativesConsidered: "Licence condition alone: does not cover the employer's site rota.",
  recipientGuidance: 'Contact the offender manager on 0300 000 0000 if he is seen near the school gate.',
};

export const POLICE_ITEM = {
  kind: 'RECORD_FIELD',
  sourceAgency: 'police',
  fieldCoordinate: 'SexOffenderNotification.indefinite',
  wording: 'He is subject to indefinite notification requirements.',
  victimIdentifying: false,
  photograph: false,
};
export const PROBATION_ITEM = {
  kind: 'FREE_TEXT',
  sourceAgency: 'probation',
  wording: 'He must not work within sight of a school.',
  victimIdentifying: false,
  photograph: false,
};

export interface Decision {
  decisionId: string;
  status: string;
  outcome: string | null;
  subjectUnder18: boolean;
  requiredConsultations: string[];
  executingAgency: string | null;
  contentSha256: string | null;
  items: {
    itemId: string;
    position: number;
    sourceAgency: string;
    wording: string;
    wordingSha256: string;
    ownerAgreement: string;
    victimLiaisonAgreement: string | null;
    removedAt: string | null;
  }[];
  consultations: { kind: string; response: string | null; satisfied: boolean }[];
  transitions: { fromStatus: string | null; toStatus: string; staffId: string }[];
}

/** The workflow's operations against one running MAPPA subgraph. */
export function disclosureClient(stack: MeetingTestStack) {
  const mutate = (field: string, inputType: string, input: Record<string, unknown>, caller: Caller) =>
    post(stack, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${DECISION} } }`, { input }, caller);
  return {
    propose: (meeting: MeetingRow, caller: Caller, overrides: Record<string, unknown> = {}) =>
      post(
        stack,
        'mutation($input: ProposeDisclosureInput!) { proposeDisclosure(input: $input) { decisionId status subjectUnder18 requiredConsultations } }',
        { input: { meetingId: meeting.meetingId, ...PROPOSAL, ...overrides } },
        caller,
      ),
    read: (decisionId: string, caller: Caller) =>
      post(stack, `query($id: ID!) { disclosureDecision(decisionId: $id) { ${DECISION} } }`, { id: decisionId }, caller),
    preview: (decisionId: string, caller: Caller) =>
      post(
        stack,
        'query($id: ID!) { disclosurePreview(decisionId: $id) { decisionId status html contentSha256 frozen items { position sourceAgency fieldCoordinate wording agreement } } }',
        { id: decisionId },
        caller,
      ),
    addItem: (decisionId: string, caller: Caller, item: Record<string, unknown>) =>
      mutate('addDisclosureItem', 'AddDisclosureItemInput', { decisionId, ...item }, caller),
    removeItem: (decisionId: string, caller: Caller, itemId: string) =>
      mutate('removeDisclosureItem', 'RemoveDisclosureItemInput', { decisionId, itemId }, caller),
    startConsultation: (decisionId: string, caller: Caller) =>
      post(stack, `mutation($id: ID!) { startDisclosureConsultation(decisionId: $id) { ${DECISION} } }`, { id: decisionId }, caller),
    answer: (decisionId: string, caller: Caller, kind: string, response: string) =>
      mutate(
        'answerDisclosureConsultation',
        'AnswerDisclosureConsultationInput',
        { decisionId, kind, response, note: 'Considered with our records.' },
        caller,
      ),
    agree: (
      decisionId: string,
      caller: Caller,
      item: { itemId: string; wordingSha256: string },
      options: { kind?: string; agreed?: boolean; note?: string } = {},
    ) =>
      mutate(
        'recordDisclosureItemAgreement',
        'RecordDisclosureItemAgreementInput',
        {
          decisionId,
          itemId: item.itemId,
          wordingSha256: item.wordingSha256,
          kind: options.kind ?? 'OWNER',
          agreed: options.agreed ?? true,
          note: options.note ?? null,
        },
        caller,
      ),
    representations: (decisionId: string, caller: Caller) =>
      mutate(
        'recordDisclosureRepresentations',
        'RecordDisclosureRepresentationsInput',
        { decisionId, sought: true, summary: 'He objects; says the employer already knows.' },
        caller,
      ),
    decide: (
      decisionId: string,
      caller: Caller,
      outcome: 'DISCLOSE' | 'NOT_DISCLOSE',
      executingAgency: string | null = outcome === 'DISCLOSE' ? 'police' : null,
    ) =>
      mutate(
        'decideDisclosure',
        'DecideDisclosureInput',
        {
          decisionId,
          outcome,
          rationale: 'Necessary and proportionate to protect the children at the school.',
          disclosureRiskAssessment: 'Low risk of vigilantism; employer briefed in person.',
          contingencyPlans: 'Police to visit the home address if the disclosure becomes known locally.',
          dissent: [],
          executingAgency,
        },
        caller,
      ),
    made: (decisionId: string, caller: Caller) =>
      mutate(
        'recordDisclosureMade',
        'RecordDisclosureMadeInput',
        { decisionId, madeTo: 'J. Example, site manager', offenderTold: true, signedFormReference: 'FORM-1' },
        caller,
      ),
    withdraw: (decisionId: string, caller: Caller) =>
      mutate('withdrawDisclosure', 'WithdrawDisclosureInput', { decisionId, reason: 'Circumstances changed.' }, caller),
  };
}

export const decisionOf = (response: GraphQLResponse, field: string): Decision => {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return response.data?.[field] as Decision;
};

export type { MappaCaseRow };
