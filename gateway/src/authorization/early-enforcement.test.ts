import { TEST_ISSUER } from '@mappa/testing';
import { MappaArea } from '@mappa/shared';
import { defaultFieldResolver, execute, parse, print } from 'graphql';
import type { GraphQLFieldResolver } from 'graphql';
import type { Caller } from '@mappa/shared';
import { applyDenials, enforceBeforePlanning } from './early-enforcement';
import { readSupergraphPolicies } from './supergraph-policies';

// A small supergraph-shaped schema whose non-null fields sit under parents the caller may read (none
// of today's policies does that), to check null propagation against what GraphQL itself does when
// a non-null field errors. Synthetic data only.
const PERSONAL = 'roles=ppu_officer;purposes=MAPPA_MEETING';
const SUMMARY = 'roles=ppu_officer,lay_adviser;purposes=MAPPA_MEETING';
const SDL = `
directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
directive @join__type(graph: String!, key: String) repeatable on OBJECT
type Query {
  offender(pncId: ID!): Offender @mappaAccess(policy: "test.summary", grants: ["${SUMMARY}"])
  register: [Offender!]! @mappaAccess(policy: "test.summary", grants: ["${SUMMARY}"])
}
type Offender @join__type(graph: "TEST", key: "pncId") {
  pncId: ID! @mappaAccess(policy: "test.subjectKey", grants: ["${PERSONAL}"])
  level: Int @mappaAccess(policy: "test.summary", grants: ["${SUMMARY}"])
  notes: [Note!] @mappaAccess(policy: "test.summary", grants: ["${SUMMARY}"])
}
type Note {
  kind: String @mappaAccess(policy: "test.summary", grants: ["${SUMMARY}"])
  text: String! @mappaAccess(policy: "test.narrative", grants: ["${PERSONAL}"])
  author: String @mappaAccess(policy: "test.narrative", grants: ["${PERSONAL}"])
}`;

const policies = readSupergraphPolicies(SDL);
const layAdviser: Caller = {
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'LAY0201',
    agency: 'mappa_unit',
    roles: ['lay_adviser'],
    area: MappaArea.LONDON,
    clearance: 'BPSS',
  },
  declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-TEST-0201' },
};
const DENIED_FOR_LAY_ADVISER = new Set(['Offender.pncId', 'Note.text', 'Note.author']);

const person = (pncId: string) => ({
  pncId,
  level: 2,
  notes: [
    { kind: 'VISIT', text: 'Synthetic note one', author: 'PPU0001' },
    { kind: 'CALL', text: 'Synthetic note two', author: 'PPU0002' },
  ],
});
/** A person the test schema holds with no notes at all. */
const WITHOUT_NOTES = '2010/0000001A';
const rootValue = {
  offender: ({ pncId }: { pncId: string }) =>
    pncId === '2008/0000000Z' ? null : pncId === WITHOUT_NOTES ? { ...person(pncId), notes: null } : person(pncId),
  register: () => [person('2008/0545166T'), person('2009/0012345A')],
};

/** What GraphQL answers when each denied field's resolver errors: the reference for the data. */
const refusingResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (DENIED_FOR_LAY_ADVISER.has(`${info.parentType.name}.${info.fieldName}`)) throw new Error('denied');
  return defaultFieldResolver(source, args, context, info);
};

async function viaEarlyEnforcement(query: string) {
  const document = parse(query);
  const enforced = enforceBeforePlanning(policies, layAdviser, document, null, 'hash-of-the-text')!;
  const result = await execute({ schema: policies.schema, document: enforced.document, rootValue });
  expect(result.errors).toBeUndefined();
  const { data, errors } = applyDenials(result.data as Record<string, unknown> | null, enforced.denied, policies.entityTypeNames);
  return {
    enforced,
    data,
    errors: errors.map((error) => [error.path?.join('.'), error.extensions.code, error.extensions.policy, error.extensions.serviceName]),
  };
}

async function asGraphQLWould(query: string) {
  return (await execute({ schema: policies.schema, document: parse(query), rootValue, fieldResolver: refusingResolver })).data;
}

describe('early enforcement: removing never-visible fields before planning', () => {
  it("principle 8, A.R27: a lay adviser's pncId (non-null) is removed and nulls its nearest nullable parent, with one FORBIDDEN error", async () => {
    const query = '{ offender(pncId: "2008/0545166T") { level pncId } }';
    const { enforced, data, errors } = await viaEarlyEnforcement(query);
    expect(print(enforced.document)).toContain('pncId: __typename');
    expect(data).toEqual({ offender: null });
    expect(data).toEqual(await asGraphQLWould(query));
    expect(errors).toEqual([['offender.pncId', 'FORBIDDEN', 'test.subjectKey', 'test']]);
  });

  it('principle 8: through a non-null list of non-null items the null reaches the root, one error for the whole list', async () => {
    const query = '{ register { pncId level } }';
    const { data, errors } = await viaEarlyEnforcement(query);
    expect(data).toBeNull();
    expect(data).toEqual(await asGraphQLWould(query));
    expect(errors).toEqual([['register.0.pncId', 'FORBIDDEN', 'test.subjectKey', 'test']]);
  });

  it('principle 4: a denied non-null field in list items nulls the nullable list; a denied nullable one nulls itself in every item', async () => {
    for (const query of [
      '{ offender(pncId: "2008/0545166T") { level notes { kind text } } }',
      '{ offender(pncId: "2008/0545166T") { level notes { kind author } } }',
    ]) {
      const { data } = await viaEarlyEnforcement(query);
      expect(data).toEqual(await asGraphQLWould(query));
    }
    const { data, errors } = await viaEarlyEnforcement('{ offender(pncId: "2008/0545166T") { notes { kind writer: author } } }');
    expect(data).toEqual({
      offender: {
        notes: [
          { kind: 'VISIT', writer: null },
          { kind: 'CALL', writer: null },
        ],
      },
    });
    expect(errors).toEqual([['offender.notes.0.writer', 'FORBIDDEN', 'test.narrative', 'test']]);
  });

  it('principle 8: every denied field path gets its error, whatever order the nulls travel in', async () => {
    const { data, errors } = await viaEarlyEnforcement('{ offender(pncId: "2008/0545166T") { pncId level notes { author } id: pncId } }');
    expect(data).toEqual({ offender: null });
    expect(errors).toEqual([
      ['offender.pncId', 'FORBIDDEN', 'test.subjectKey', 'test'],
      ['offender.notes.0.author', 'FORBIDDEN', 'test.narrative', 'test'],
      ['offender.id', 'FORBIDDEN', 'test.subjectKey', 'test'],
    ]);
  });

  it('principle 9: a denied field under a record the person does not have still gets its error, as the owner gives it from the operation', async () => {
    const withNotes = await viaEarlyEnforcement('{ offender(pncId: "2008/0545166T") { notes { author } } }');
    const withoutNotes = await viaEarlyEnforcement(`{ offender(pncId: "${WITHOUT_NOTES}") { notes { author } } }`);
    expect(withoutNotes.data).toEqual({ offender: { notes: null } });
    expect(withoutNotes.errors).toEqual([['offender.notes.0.author', 'FORBIDDEN', 'test.narrative', 'test']]);
    expect(withoutNotes.errors).toEqual(withNotes.errors);
  });

  it('principle 9: no error where there is no parent to hold the field (unknown person, skipped field)', async () => {
    const unknown = await viaEarlyEnforcement('{ offender(pncId: "2008/0000000Z") { pncId } }');
    expect(unknown.data).toEqual({ offender: null });
    expect(unknown.errors).toEqual([]);
    const skipped = await viaEarlyEnforcement('{ offender(pncId: "2008/0545166T") { level pncId @skip(if: true) } }');
    expect(skipped.data).toEqual({ offender: { level: 2 } });
    expect(skipped.errors).toEqual([]);
  });

  it('principle 1: keys the plan by the denied policies: nothing denied keeps the hash, different denials never share one', () => {
    const document = parse('{ offender(pncId: "2008/0545166T") { level pncId notes { text } } }');
    const officer: Caller = { ...layAdviser, principal: { ...layAdviser.principal, roles: ['ppu_officer'] } };
    const asOfficer = enforceBeforePlanning(policies, officer, document, null, 'hash-of-the-text')!;
    const asLayAdviser = enforceBeforePlanning(policies, layAdviser, document, null, 'hash-of-the-text')!;
    const asNobody = enforceBeforePlanning(
      policies,
      { ...layAdviser, declaredPurpose: { purpose: 'STATISTICS', caseId: null } },
      document,
      null,
      'hash-of-the-text',
    )!;
    expect(asOfficer.planKey).toBe('hash-of-the-text');
    expect(asOfficer.document).toBe(document);
    expect(new Set([asOfficer.planKey, asLayAdviser.planKey, asNobody.planKey]).size).toBe(3);
    // The cached, shared document is never changed in place.
    expect(print(document)).toContain('pncId');
  });

  it('principle 1: a remembered walk of a document serves only callers given the same decisions; every other caller gets its own removals', () => {
    const document = parse('{ register { level pncId notes { kind text author } } }');
    const officer: Caller = { ...layAdviser, principal: { ...layAdviser.principal, roles: ['ppu_officer'] } };
    const nobody: Caller = { ...layAdviser, declaredPurpose: { purpose: 'STATISTICS', caseId: null } };
    const removalsOf = (caller: Caller) => {
      const enforced = enforceBeforePlanning(policies, caller, document, null, 'hash-of-the-register')!;
      return {
        planKey: enforced.planKey,
        paths: enforced.denied.map((selection) => selection.path.join('.')).sort(),
        text: print(enforced.document),
      };
    };
    // Each caller in turn, then each again in the reverse order: by then every walk is remembered.
    const first = [layAdviser, officer, nobody].map(removalsOf);
    const again = [nobody, officer, layAdviser].map(removalsOf).reverse();
    expect(again).toEqual(first);
    expect(first.map(({ paths }) => paths)).toEqual([
      ['register.0.notes.0.author', 'register.0.notes.0.text', 'register.0.pncId'],
      [],
      ['register'],
    ]);
    expect(new Set(first.map(({ planKey }) => planKey)).size).toBe(3);
  });
});

describe('early enforcement and per-record conditions', () => {
  // A conditional grant is decided by the owner on each record; the gateway cannot see records.
  const PARTNER = 'roles=probation_practitioner;purposes=CASE_MANAGEMENT;agencies=probation;condition=visorPartnerAgency';
  const conditional = readSupergraphPolicies(`
directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
directive @join__type(graph: String!, key: String) repeatable on OBJECT
type Query {
  offender(pncId: ID!): Offender @mappaAccess(policy: "test.subjectKey", grants: ["roles=probation_practitioner;purposes=CASE_MANAGEMENT,MAPPA_MEETING"])
}
type Offender @join__type(graph: "TEST", key: "pncId") {
  pncId: ID! @mappaAccess(policy: "test.subjectKey", grants: ["roles=probation_practitioner;purposes=CASE_MANAGEMENT,MAPPA_MEETING"])
  visorNominal: String @mappaAccess(policy: "test.visorNominal", grants: ["${PARTNER}"])
}`);
  const practitioner: Caller = {
    principal: {
      issuer: TEST_ISSUER,
      staffId: 'PP0201',
      agency: 'probation',
      roles: ['probation_practitioner'],
      area: MappaArea.KENT,
      clearance: 'BPSS',
    },
    declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null },
  };
  const QUERY = '{ offender(pncId: "2008/0545166T") { pncId visorNominal } }';

  it('A.R6, principle 9: a conditional grant whose role, purpose and agency match is not removed (the owner decides the record) and gives no error', () => {
    const document = parse(QUERY);
    const enforced = enforceBeforePlanning(conditional, practitioner, document, null, 'hash-of-the-text')!;
    expect(enforced.denied).toEqual([]);
    expect(enforced.document).toBe(document);
    expect(enforced.planKey).toBe('hash-of-the-text');
  });

  it('A.R6: the same conditional grant is removed with a FORBIDDEN error for a purpose or agency it can never allow', () => {
    const otherPurpose: Caller = { ...practitioner, declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-0201' } };
    const otherAgency: Caller = { ...practitioner, principal: { ...practitioner.principal, agency: 'prison' } };
    for (const caller of [otherPurpose, otherAgency]) {
      const enforced = enforceBeforePlanning(conditional, caller, parse(QUERY), null, 'hash-of-the-text')!;
      expect(enforced.denied.map((selection) => [selection.policyName, selection.path.join('.')])).toEqual([
        ['test.visorNominal', 'offender.visorNominal'],
      ]);
      expect(print(enforced.document)).toContain('visorNominal: __typename');
    }
  });
});

describe('early enforcement remembered per caller (issue 15)', () => {
  // Each field is allowed to the base caller and refused when exactly one of its claims changes.
  const EVERYONE = 'roles=mappa_chair,ppu_officer;purposes=MAPPA_MEETING,CASE_MANAGEMENT';
  const perClaim = readSupergraphPolicies(`
directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
directive @join__type(graph: String!, key: String) repeatable on OBJECT
type Query {
  offender(pncId: ID!): Offender @mappaAccess(policy: "test.summary", grants: ["${EVERYONE}"])
}
type Offender @join__type(graph: "TEST", key: "pncId") {
  pncId: ID! @mappaAccess(policy: "test.summary", grants: ["${EVERYONE}"])
  chairNote: String @mappaAccess(policy: "test.chairOnly", grants: ["roles=mappa_chair;purposes=MAPPA_MEETING,CASE_MANAGEMENT"])
  policeNote: String @mappaAccess(policy: "test.policeOnly", grants: ["${EVERYONE};agencies=police"])
  vettedNote: String @mappaAccess(policy: "test.developedVetting", grants: ["${EVERYONE};clearance=DV"])
  meetingNote: String @mappaAccess(policy: "test.meetingOnly", grants: ["roles=mappa_chair,ppu_officer;purposes=MAPPA_MEETING"])
}`);
  const QUERY = '{ offender(pncId: "2008/0545166T") { pncId chairNote policeNote vettedNote meetingNote } }';
  const chair: Caller = {
    principal: {
      issuer: TEST_ISSUER,
      staffId: 'CHAIR0301',
      agency: 'police',
      roles: ['mappa_chair'],
      area: MappaArea.LONDON,
      clearance: 'DV',
    },
    declaredPurpose: { purpose: 'MAPPA_MEETING', caseId: 'MTG-TEST-0301' },
  };
  const withPrincipal = (change: Partial<Caller['principal']>): Caller => ({ ...chair, principal: { ...chair.principal, ...change } });
  const differingInOneClaim: readonly (readonly [claim: string, caller: Caller, deniedPath: string])[] = [
    ['role', withPrincipal({ roles: ['ppu_officer'] }), 'offender.chairNote'],
    ['agency', withPrincipal({ agency: 'probation' }), 'offender.policeNote'],
    ['clearance', withPrincipal({ clearance: 'SC' }), 'offender.vettedNote'],
    ['purpose', { ...chair, declaredPurpose: { purpose: 'CASE_MANAGEMENT', caseId: null } }, 'offender.meetingNote'],
  ];
  const deniedPathsOf = (caller: Caller, document: ReturnType<typeof parse>) =>
    enforceBeforePlanning(perClaim, caller, document, null, 'hash-of-the-claims-query')!.denied.map((selection) =>
      selection.path.join('.'),
    );

  it.each(differingInOneClaim)(
    'principle 1: two callers differing only in %s, interleaved on one document, each get their own removals every time',
    (_claim, other, deniedPath) => {
      // One parsed document, as Apollo Server hands the same one to every request of the same text.
      const document = parse(QUERY);
      const answers = [chair, other, chair, other, other, chair].map((caller) => deniedPathsOf(caller, document));
      expect(answers).toEqual([[], [deniedPath], [], [deniedPath], [deniedPath], []]);
    },
  );

  it('principle 1: the same holds when the refused caller asks first', () => {
    for (const [, other, deniedPath] of differingInOneClaim) {
      const document = parse(QUERY);
      expect([other, chair, other].map((caller) => deniedPathsOf(caller, document))).toEqual([[deniedPath], [], [deniedPath]]);
    }
  });

  it("A.R6: whether the caller's case relationships are looked up follows the caller's agency, asked in turn on one document", () => {
    // visorPartnerAgency is decided on case relationships for a prison caller only (conditionNeedsCaseRelationships).
    const conditional = readSupergraphPolicies(`
directive @mappaAccess(policy: String!, grants: [String!]!) on FIELD_DEFINITION
directive @join__type(graph: String!, key: String) repeatable on OBJECT
type Query {
  offender(pncId: ID!): Offender @mappaAccess(policy: "test.summary", grants: ["roles=information_governance;purposes=AUDIT"])
}
type Offender @join__type(graph: "TEST", key: "pncId") {
  pncId: ID! @mappaAccess(policy: "test.summary", grants: ["roles=information_governance;purposes=AUDIT"])
  visorNominal: String @mappaAccess(policy: "test.visorNominal", grants: ["roles=information_governance;purposes=AUDIT;condition=visorPartnerAgency"])
}`);
    const auditor = (agency: 'prison' | 'police'): Caller => ({
      principal: {
        issuer: TEST_ISSUER,
        staffId: 'IG0301',
        agency,
        roles: ['information_governance'],
        area: MappaArea.LONDON,
        clearance: 'SC',
      },
      declaredPurpose: { purpose: 'AUDIT', caseId: null },
    });
    const document = parse('{ offender(pncId: "2008/0545166T") { pncId visorNominal } }');
    const needs = (['prison', 'police', 'prison', 'police'] as const).map(
      (agency) => enforceBeforePlanning(conditional, auditor(agency), document, null, 'hash-of-the-text')!.needsCaseRelationships,
    );
    expect(needs).toEqual([true, false, true, false]);
  });
});
