import type { Caller, Principal, DisclosureHolder } from '@mappa/shared';
import { disclosureFieldName } from '@mappa/shared';
import { withDisclosureEvidence } from './case-grants';
import { querySubgraph } from './test-subgraph';
import type { TestSubgraph } from './test-subgraph';

/*
 * TESTS ONLY: a holder's disclosure workflow driven through its running subgraph, as the gateway would
 * sign each call, with the holder's root field names (`disclosureFieldName`). Synthetic data only.
 */

export interface DisclosureTestResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; issues?: { path: string; message: string }[] } }[];
}

const DECISION =
  'decisionId status outcome level subjectUnder18 requiredConsultations executingAgency contentSha256 items { itemId wordingSha256 ownerAgreement } transitions { fromStatus toStatus staffId }';

/** A caller under DISCLOSURE_DECISION for `decisionId`, vouched a party (the holder checks the rest). */
export function actingOnDecision(principal: Principal, decisionId: string, pncId: string): Caller {
  return withDisclosureEvidence({ principal, declaredPurpose: { purpose: 'DISCLOSURE_DECISION', caseId: decisionId } }, pncId);
}

/** The workflow's operations against one holder's running subgraph. */
export function disclosureTestClient(stack: TestSubgraph, service: 'mappa' | 'probation' | 'police', holder: DisclosureHolder) {
  const name = (base: string) => disclosureFieldName(holder, base);
  const post = async (query: string, variables: Record<string, unknown>, caller: Caller): Promise<DisclosureTestResponse> => {
    return querySubgraph(stack.subgraph, stack.gateway, query, variables, caller) as Promise<DisclosureTestResponse>;
  };
  const mutate = (base: string, inputType: string, input: Record<string, unknown>, caller: Caller) =>
    post(`mutation($input: ${inputType}!) { ${name(base)}(input: $input) { ${DECISION} } }`, { input }, caller);
  return {
    name,
    post,
    proposeLevel1: (pncId: string, caller: Caller, overrides: Record<string, unknown> = {}) =>
      post(
        `mutation($input: ProposeLevel1DisclosureInput!) { ${name('proposeDisclosure')}(input: $input) { decisionId status subjectUnder18 requiredConsultations } }`,
        {
          input: {
            pncId,
            recipientKind: 'ACCOMMODATION',
            recipientDescription: 'Manager, Example Supported Housing',
            recipientIsChild: false,
            recipientIsAdultAtRisk: false,
            purpose: 'Other residents include vulnerable adults; the manager must know the risk to place him safely.',
            lawfulBasis: 'COMMON_LAW',
            alternativesConsidered: 'Placing him elsewhere: no other vacancy in the area.',
            recipientGuidance: 'Tell the offender manager at once of any visitor under 18.',
            ...overrides,
          },
        },
        caller,
      ),
    read: (decisionId: string, caller: Caller) =>
      post(`query($id: ID!) { ${name('disclosureDecision')}(decisionId: $id) { ${DECISION} } }`, { id: decisionId }, caller),
    preview: (decisionId: string, caller: Caller) =>
      post(
        `query($id: ID!) { ${name('disclosurePreview')}(decisionId: $id) { html contentSha256 frozen items { sourceAgency agreement } } }`,
        { id: decisionId },
        caller,
      ),
    addItem: (decisionId: string, caller: Caller, item: Record<string, unknown>) =>
      mutate('addDisclosureItem', 'AddDisclosureItemInput', { decisionId, victimIdentifying: false, photograph: false, ...item }, caller),
    startConsultation: (decisionId: string, caller: Caller) =>
      post(`mutation($id: ID!) { ${name('startDisclosureConsultation')}(decisionId: $id) { ${DECISION} } }`, { id: decisionId }, caller),
    representations: (decisionId: string, caller: Caller) =>
      mutate(
        'recordDisclosureRepresentations',
        'RecordDisclosureRepresentationsInput',
        { decisionId, sought: false, exception: 'INCREASE_RISK_TO_CHILDREN_OR_ADULTS_AT_RISK' },
        caller,
      ),
    agree: (decisionId: string, caller: Caller, item: { itemId: string; wordingSha256: string }) =>
      mutate(
        'recordDisclosureItemAgreement',
        'RecordDisclosureItemAgreementInput',
        { decisionId, itemId: item.itemId, wordingSha256: item.wordingSha256, kind: 'OWNER', agreed: true },
        caller,
      ),
    decide: (decisionId: string, caller: Caller, executingAgency: string) =>
      mutate(
        'decideDisclosure',
        'DecideDisclosureInput',
        {
          decisionId,
          outcome: 'DISCLOSE',
          rationale: 'Necessary to protect the other residents.',
          disclosureRiskAssessment: 'Manager trained; low risk of onward sharing.',
          contingencyPlans: 'Move him if the placement breaks down.',
          dissent: [],
          executingAgency,
        },
        caller,
      ),
    made: (decisionId: string, caller: Caller) =>
      mutate(
        'recordDisclosureMade',
        'RecordDisclosureMadeInput',
        { decisionId, madeTo: 'A. Example, manager', offenderTold: false },
        caller,
      ),
  };
}

/** The extension codes of a response's errors. */
export const disclosureErrorCodes = (response: DisclosureTestResponse) => response.errors?.map((error) => error.extensions?.code);
