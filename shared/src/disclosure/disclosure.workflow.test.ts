import 'reflect-metadata';
import { fieldOwnersOfSdl } from './disclosure-level1.resolver';
import { disclosureFieldName } from './disclosure.resolver';
import type { DisclosureConsultationRow, DisclosureDecisionRow, DisclosureItemAgreementRow, DisclosureItemRow } from './disclosure.tables';
import { decisionBlockers, wordingSha256 } from './disclosure.workflow';

const decision = (overrides: Partial<DisclosureDecisionRow> = {}) =>
  ({
    decisionId: 'DSC-MAPPA-1',
    subjectUnder18: false,
    recipientKind: 'EMPLOYER',
    recipientIsChild: false,
    recipientIsAdultAtRisk: false,
    representationsRecordedAt: new Date(),
    ...overrides,
  }) as DisclosureDecisionRow;
const item = (overrides: Partial<DisclosureItemRow> = {}) =>
  ({
    itemId: 'I1',
    position: 1,
    sourceAgency: 'police',
    wording: 'w',
    wordingSha256: wordingSha256('w'),
    victimIdentifying: false,
    removedAt: null,
    ...overrides,
  }) as DisclosureItemRow;
const agreement = (overrides: Partial<DisclosureItemAgreementRow> = {}) =>
  ({
    itemId: 'I1',
    kind: 'OWNER',
    agreed: true,
    wordingSha256: wordingSha256('w'),
    recordedAt: new Date(1_000),
    ...overrides,
  }) as DisclosureItemAgreementRow;
const consultation = (kind: DisclosureConsultationRow['kind'], response: DisclosureConsultationRow['response']) =>
  ({ kind, response }) as DisclosureConsultationRow;

describe('the decision rules, before any database', () => {
  it('B.8, C.29: DISCLOSE needs the latest owner answer to be an agreement to the current wording', () => {
    const state = { decision: decision(), items: [item()], consultations: [] };
    expect(decisionBlockers({ ...state, agreements: [agreement()] }, 'DISCLOSE')).toEqual([]);
    expect(
      decisionBlockers({ ...state, agreements: [agreement(), agreement({ agreed: false, recordedAt: new Date(2_000) })] }, 'DISCLOSE'),
    ).toHaveLength(1);
    expect(
      decisionBlockers({ ...state, agreements: [agreement({ wordingSha256: wordingSha256('another wording') })] }, 'DISCLOSE'),
    ).toHaveLength(1);
    // A removed item needs nothing, but something must be left to disclose.
    expect(
      decisionBlockers({ ...state, items: [item({ removedAt: new Date() })], agreements: [] }, 'DISCLOSE').map((issue) => issue.message),
    ).toEqual(['nothing to disclose: no live item']);
    // NOT_DISCLOSE needs no agreements.
    expect(decisionBlockers({ ...state, agreements: [] }, 'NOT_DISCLOSE')).toEqual([]);
  });

  it('B.10, B.12, 10.20: the consultations the facts require, satisfied, and the representations, all listed at once', () => {
    const child = decision({ subjectUnder18: true, recipientKind: 'MEDIA', representationsRecordedAt: null });
    const messages = decisionBlockers(
      {
        decision: child,
        items: [],
        agreements: [],
        consultations: [consultation('ACC_APPROVAL', 'NOT_APPROVED'), consultation('YOT_SENIOR', 'CONCERNS')],
      },
      'NOT_DISCLOSE',
    ).map((issue) => issue.message);
    expect(messages).toEqual([
      expect.stringMatching(/representations/),
      expect.stringMatching(/CHILDRENS_SERVICES/),
      expect.stringMatching(/ACC_APPROVAL is required and not approved/),
      expect.stringMatching(/MOJ_PRESS_OFFICE/),
    ]);
  });

  it('names each holder\'s root fields uniquely: the MAPPA unit\'s as specified, level 1 with the holder before "Disclosure"', () => {
    expect(
      ['disclosureDecision', 'decideDisclosure', 'recordDisclosureItemAgreement'].map((base) => disclosureFieldName('MAPPA', base)),
    ).toEqual(['disclosureDecision', 'decideDisclosure', 'recordDisclosureItemAgreement']);
    expect(
      ['disclosureDecision', 'disclosurePreview', 'proposeDisclosure', 'recordDisclosureMade'].map((base) =>
        disclosureFieldName('PROBATION', base),
      ),
    ).toEqual(['probationDisclosureDecision', 'probationDisclosurePreview', 'proposeProbationDisclosure', 'recordProbationDisclosureMade']);
    expect(disclosureFieldName('POLICE', 'withdrawDisclosure')).toBe('withdrawPoliceDisclosure');
  });

  it("reads which fields an owner guards from a subgraph's SDL, by the policy on each field", () => {
    const owners = fieldOwnersOfSdl(`
      directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
      type Query { offender(pncId: ID!): Offender @mappaAccess(policy: "police.subjectKey", grants: []) }
      type Offender { pncId: ID! @mappaAccess(policy: "police.subjectKey", grants: []) mappaCase: String @mappaAccess(policy: "mappa.mappaCase", grants: []) plain: String }
    `);
    expect([...owners.entries()]).toEqual([
      ['Offender.pncId', 'police'],
      ['Offender.mappaCase', 'mappa_unit'],
    ]);
  });
});
