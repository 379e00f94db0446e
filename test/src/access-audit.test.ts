import { sql } from 'drizzle-orm';
import {
  accessAuditQueryName,
  AGENCY_SUBGRAPH_NAMES,
  appendAuditEntries,
  AUDIT_LOGS,
  byAgency,
  isNotifiedForeignNational,
  MappaArea,
  PRINCIPAL_AGENCY_OF_OWNER,
} from '@mappa/shared';
import type { AuditEntry, AuditLogName, AuditPayloadInput, DeclaredPurpose, PrincipalClaims, SyntheticPerson } from '@mappa/shared';
import { postGraphQL } from '@mappa/testing';
import { startTestStack } from '@mappa/testing/stack';
import type { GraphQLResponse } from '@mappa/testing';
import type { TestStack } from '@mappa/testing/stack';

// Issue 4, "who can read it", end to end: information governance asks the gateway, under AUDIT, who
// accessed its agency's records about a subject. Entries are appended straight to each service's
// log, beside the ones the services write themselves. Principle 10 (owner control): each owner answers from
// its own log, for its own information governance only; the gateway refuses everyone else before any
// agency is asked.

// Every registered owner (the agency registry): a new agency's log is held to the same rules.
const OWNERS = AGENCY_SUBGRAPH_NAMES;
type Owner = (typeof OWNERS)[number];
const AGENCY_OF = byAgency(({ agency }) => agency);
const AUDIT: DeclaredPurpose = { purpose: 'AUDIT', caseId: null };

let env: TestStack;
/** The police's subject, the one most tests ask about. */
let subject: SyntheticPerson;
/** For each owner, a person it holds: an owner answers from its log only about a subject it holds and the reader may know (principle 9). */
let subjectOf: Record<Owner, SyntheticPerson>;
const appended: Partial<Record<AuditLogName, AuditEntry[]>> = {};
let from: string;
let to: string;

const informationGovernance = (owner: Owner, clearance: PrincipalClaims['clearance'] = 'SC'): PrincipalClaims => ({
  staffId: `IG-${owner.toUpperCase()}-01`,
  agency: PRINCIPAL_AGENCY_OF_OWNER[AGENCY_OF[owner]],
  roles: ['information_governance'],
  area: MappaArea.LONDON,
  clearance,
});

/** Where each owner keeps the counter-terrorism marker its row scope uses, and whom it holds a record for. */
const CT_MARKER: Record<Owner, { schema: string; table: string; holds: (person: SyntheticPerson) => boolean }> = {
  police: { schema: 'police', table: 'person', holds: () => true },
  probation: { schema: 'probation', table: 'probation_case', holds: (person) => person.crn !== null },
  prison: { schema: 'prison', table: 'prisoner', holds: (person) => person.prisonNumber !== null },
  yot: { schema: 'yot', table: 'youth_case', holds: (person) => person.yotReference !== null },
  mappa: { schema: 'mappa', table: 'mappa_case', holds: () => true },
  // Issue 14: the Home Office holds a case for each foreign national the prison notified (C.70).
  'home-office': { schema: 'home_office', table: 'immigration_case', holds: isNotifiedForeignNational },
};

const payload = (service: string, subjects: string[]): AuditPayloadInput => ({
  principal: { staffId: 'PPU0777', agency: 'police', roles: ['ppu_officer'], area: MappaArea.LONDON },
  purpose: 'MAPPA_SCREENING',
  caseId: null,
  operationName: 'OffenderView',
  documentHash: 'e'.repeat(64),
  subjects,
  fields: [{ service, returned: ['Offender.pncId'], denied: [] }],
  outcome: 'ALLOWED',
  durationMs: 5,
});

const auditQuery = (owner: Owner) => `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  ${accessAuditQueryName(owner)}(pncId: $pncId, from: $from, to: $to) {
    edges { node { sequence requestId staffId agency purpose outcome fieldsReturned } }
    pageInfo { hasNextPage }
  }
}`;

type AuditResult = Record<string, { edges: { node: { requestId: string; purpose: string } }[]; pageInfo: { hasNextPage: boolean } } | null>;

async function ask(
  principal: PrincipalClaims,
  purpose: DeclaredPurpose,
  query: string,
  pncId: string = subject.pncId,
): Promise<GraphQLResponse<AuditResult>> {
  return postGraphQL<AuditResult>(`${env.stack.gateway.url}/graphql`, query, { pncId, from, to }, await env.headersFor(principal, purpose));
}

// The entries this file appended: reading the audit is itself audited, so earlier reads (purpose AUDIT) are there too.
const requestIds = (result: GraphQLResponse<AuditResult>, owner: Owner) =>
  result.data?.[accessAuditQueryName(owner)]?.edges.filter((edge) => edge.node.purpose !== 'AUDIT').map((edge) => edge.node.requestId);
const requestsServed = () => Object.fromEntries(OWNERS.map((owner) => [owner, env.stack.subgraphs[owner].requests.count]));
const denials = (result: GraphQLResponse) =>
  (result.errors ?? []).map((error) => [
    error.path?.join('.'),
    error.extensions?.code,
    error.extensions?.policy,
    error.extensions?.serviceName,
  ]);

beforeAll(async () => {
  // A dataset of its own, not the default: on 300/11 the person the counter-terrorism tests pick below
  // is the "other" person these fixtures already wrote entries about.
  env = await startTestStack({ dataset: { offenders: 100, seed: 3, asOf: '2026-11-01' } });
  const ordinaryHeldBy = (owner: Owner) =>
    env.people.find((person) => CT_MARKER[owner].holds(person) && person.category !== 4 && !person.restrictedAccess)!;
  subjectOf = byAgency(({ name }) => ordinaryHeldBy(name));
  subject = subjectOf.police;
  const db = env.connection.database();
  const before = Date.now();
  // Every log, the gateway's included, holds entries about its subject; only the owner's own may be read.
  for (const log of AUDIT_LOGS) {
    const subject = log === 'gateway' ? subjectOf.police : subjectOf[log];
    const other = env.people.find((person) => person !== subject)!;
    appended[log] = await appendAuditEntries(db, log, [
      { requestId: `${log}-0`, payload: payload(log, [subject.pncId]) },
      { requestId: `${log}-other`, payload: payload(log, [other.pncId]) },
      { requestId: `${log}-1`, payload: payload(log, [other.pncId, subject.pncId]) },
    ]);
  }
  from = new Date(before - 1_000).toISOString();
  to = new Date(Date.now() + 3_600_000).toISOString();
  // Six subgraphs start here; on a loaded machine that outlasts the default hook timeout.
}, 300_000);

afterAll(async () => {
  await env.close();
});

describe("information governance reads its own agency's access audit through the gateway", () => {
  it("principle 10: the police's information governance reads the police log's entries about the subject, newest first", async () => {
    env.resetCounters();
    const result = await ask(informationGovernance('police'), AUDIT, auditQuery('police'));
    expect(result.errors).toBeUndefined();
    expect(result.data?.policeAccessAudit).toEqual({
      edges: [
        {
          node: {
            sequence: appended.police![2]!.sequence,
            requestId: 'police-1',
            staffId: 'PPU0777',
            agency: 'police',
            purpose: 'MAPPA_SCREENING',
            outcome: 'ALLOWED',
            fieldsReturned: ['Offender.pncId'],
          },
        },
        {
          node: {
            sequence: appended.police![0]!.sequence,
            requestId: 'police-0',
            staffId: 'PPU0777',
            agency: 'police',
            purpose: 'MAPPA_SCREENING',
            outcome: 'ALLOWED',
            fieldsReturned: ['Offender.pncId'],
          },
        },
      ],
      pageInfo: { hasNextPage: false },
    });
    // The owner alone is asked, and answers in two statements: whether it holds the subject and the reader may know it, then the page.
    expect(requestsServed()).toEqual({ police: 1, probation: 0, prison: 0, yot: 0, mappa: 0, 'home-office': 0 });
    expect(env.stack.subgraphs.police.statements.count).toBe(2);
  });

  it.each(OWNERS)(
    "principle 10: the %s log is read by its own information governance only; the gateway refuses every other agency's without asking it",
    async (owner) => {
      const own = await ask(informationGovernance(owner), AUDIT, auditQuery(owner), subjectOf[owner].pncId);
      expect(own.errors).toBeUndefined();
      expect(requestIds(own, owner)).toEqual([`${owner}-1`, `${owner}-0`]);
      for (const reader of OWNERS.filter((other) => other !== owner)) {
        env.resetCounters();
        const result = await ask(informationGovernance(reader), AUDIT, auditQuery(owner), subjectOf[owner].pncId);
        expect(result.data?.[accessAuditQueryName(owner)]).toBeNull();
        expect(denials(result)).toEqual([[accessAuditQueryName(owner), 'FORBIDDEN', `${owner}.accessAudit`, owner]]);
        expect(requestsServed()[owner]).toBe(0);
      }
    },
  );

  it.each<[string, PrincipalClaims, DeclaredPurpose]>([
    [
      'a MAPPA co-ordinator',
      { staffId: 'MCU0777', agency: 'mappa_unit', roles: ['mappa_coordinator'], area: MappaArea.LONDON, clearance: 'SC' },
      AUDIT,
    ],
    [
      'an analyst',
      { staffId: 'ANL0777', agency: 'police', roles: ['analyst'], area: MappaArea.LONDON, clearance: 'SC' },
      { purpose: 'STATISTICS', caseId: null },
    ],
    [
      'a PPU officer',
      { staffId: 'PPU0778', agency: 'police', roles: ['ppu_officer'], area: MappaArea.LONDON, clearance: 'SC' },
      { purpose: 'CASE_MANAGEMENT', caseId: null },
    ],
    [
      "the police's information governance under CASE_MANAGEMENT",
      informationGovernance('police'),
      { purpose: 'CASE_MANAGEMENT', caseId: null },
    ],
  ])("principle 10: %s reads no agency's access audit (FORBIDDEN, no agency asked)", async (_name, principal, purpose) => {
    env.resetCounters();
    const query = `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
      ${OWNERS.map((owner) => `${accessAuditQueryName(owner)}(pncId: $pncId, from: $from, to: $to) { edges { node { requestId } } }`).join('\n')}
    }`;
    const result = await ask(principal, purpose, query);
    expect(result.data).toEqual(Object.fromEntries(OWNERS.map((owner) => [accessAuditQueryName(owner), null])));
    expect(denials(result).sort()).toEqual(
      OWNERS.map((owner) => [accessAuditQueryName(owner), 'FORBIDDEN', `${owner}.accessAudit`, owner]).sort(),
    );
    expect(requestsServed()).toEqual({ police: 0, probation: 0, prison: 0, yot: 0, mappa: 0, 'home-office': 0 });
  });

  it("principle 10: asking for two agencies' audits at once answers the reader's own and refuses the other's", async () => {
    env.resetCounters();
    const query = `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
      policeAccessAudit(pncId: $pncId, from: $from, to: $to) { edges { node { requestId purpose } } pageInfo { hasNextPage } }
      probationAccessAudit(pncId: $pncId, from: $from, to: $to) { edges { node { requestId purpose } } pageInfo { hasNextPage } }
    }`;
    const result = await ask(informationGovernance('police'), AUDIT, query);
    expect(requestIds(result, 'police')).toEqual(['police-1', 'police-0']);
    expect(result.data?.probationAccessAudit).toBeNull();
    expect(denials(result)).toEqual([['probationAccessAudit', 'FORBIDDEN', 'probation.accessAudit', 'probation']]);
    expect(requestsServed()).toEqual({ police: 1, probation: 0, prison: 0, yot: 0, mappa: 0, 'home-office': 0 });
  });

  it("reading the audit is itself audited: the reader's own read is in the owner's log, against the subject, under AUDIT", async () => {
    const reader = { ...informationGovernance('prison'), staffId: 'IG-PRISON-READ' };
    const query = `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
      prisonAccessAudit(pncId: $pncId, from: $from, to: $to) { edges { node { requestId staffId purpose outcome fieldsReturned } } }
    }`;
    const first = await ask(reader, AUDIT, query, subjectOf.prison.pncId);
    expect(first.errors).toBeUndefined();
    const second = await ask(reader, AUDIT, query, subjectOf.prison.pncId);
    const reads = second.data?.prisonAccessAudit?.edges
      .map((edge) => edge.node)
      .filter((node) => node.purpose === 'AUDIT' && 'staffId' in node && node.staffId === reader.staffId);
    // The first read, as the owner recorded it: who read, why, and which of its own fields it handed over.
    expect(reads).toEqual([
      expect.objectContaining({
        staffId: 'IG-PRISON-READ',
        purpose: 'AUDIT',
        outcome: 'ALLOWED',
        fieldsReturned: expect.arrayContaining(['Query.prisonAccessAudit', 'AccessAuditEntry.requestId']),
      }),
    ]);
  });

  it.each(OWNERS)(
    'principle 7: the %s log hides a subject the owner marks counter-terrorism restricted from uncleared information governance only',
    async (owner) => {
      const { schema, table, holds } = CT_MARKER[owner];
      // Not the subject of the other tests: its row in the owner's records is about to be marked.
      const person = env.people.find(
        (candidate) =>
          holds(candidate) && candidate.category !== 4 && !candidate.restrictedAccess && !Object.values(subjectOf).includes(candidate),
      )!;
      const db = env.connection.database();
      await appendAuditEntries(db, owner, [{ requestId: `${owner}-ct-0`, payload: payload(owner, [person.pncId]) }]);
      const uncleared = informationGovernance(owner, 'BPSS');
      expect(requestIds(await ask(uncleared, AUDIT, auditQuery(owner), person.pncId), owner)).toEqual([`${owner}-ct-0`]);
      await db.execute(
        sql`update ${sql.identifier(schema)}.${sql.identifier(table)} set ct_restricted = true where pnc_id = ${person.pncId}`,
      );
      const hidden = await ask(uncleared, AUDIT, auditQuery(owner), person.pncId);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data?.[accessAuditQueryName(owner)]).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
      expect(requestIds(await ask(informationGovernance(owner), AUDIT, auditQuery(owner), person.pncId), owner)).toEqual([`${owner}-ct-0`]);
    },
  );

  it('answers an invalid range with BAD_USER_INPUT from the owner', async () => {
    const result = await postGraphQL<AuditResult>(
      `${env.stack.gateway.url}/graphql`,
      auditQuery('police'),
      { pncId: subject.pncId, from: to, to: from },
      await env.headersFor(informationGovernance('police'), AUDIT),
    );
    expect(result.data?.policeAccessAudit).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
