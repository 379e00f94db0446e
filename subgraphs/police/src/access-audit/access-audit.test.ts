import { TEST_ISSUER, startTestSubgraph, querySubgraph } from '@mappa/testing';
import { appendAuditEntries, MappaArea, syntheticPeople } from '@mappa/shared';
import type { AuditEntry, AuditLogName, AuditPayloadInput, Caller, Database, RunningSubgraph } from '@mappa/shared';
import type { TestDatabase, TestGatewayKeys } from '@mappa/testing';
import { policeSubgraph } from '../index';

// The police's own access audit, as its information governance reads it from the police subgraph:
// entries appended straight to the audit store (the writers are not part of this test), then read
// over HTTP with the assertions the gateway would sign. Principle 10 (owner control): the police log
// only, and for the police's own information governance only.

// 300 offenders: enough for counter-terrorism restricted people (category 4, restricted ViSOR records) to be among them.
const dataset = { offenders: 300, seed: 7, asOf: '2026-11-01', areas: [MappaArea.KENT] };
const people = syntheticPeople(0, dataset.offenders, dataset);
const isRestricted = (person: (typeof people)[number]) => person.category === 4 || person.restrictedAccess;
const subject = people.find((person) => !isRestricted(person))!;
const otherSubject = people.find((person) => !isRestricted(person) && person !== subject)!;
const restrictedSubject = people.find(isRestricted)!;

let database: TestDatabase;
let subgraph: RunningSubgraph;
let gateway: TestGatewayKeys;
let db: Database;
let inRange: AuditEntry[];
let after: AuditEntry[];
let restricted: AuditEntry[];

const auditor = (overrides: Partial<Caller['principal']> = {}, purpose: Caller['declaredPurpose']['purpose'] = 'AUDIT'): Caller => ({
  principal: {
    issuer: TEST_ISSUER,
    staffId: 'IGP0001',
    agency: 'police',
    roles: ['information_governance'],
    area: MappaArea.KENT,
    clearance: 'SC',
    ...overrides,
  },
  declaredPurpose: { purpose, caseId: null },
});
const POLICE_IG = auditor();

const payload = (subjects: string[], overrides: Partial<AuditPayloadInput> = {}): AuditPayloadInput => ({
  principal: { staffId: 'PPU0042', agency: 'police', roles: ['ppu_officer'], area: MappaArea.KENT },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'OffenderSummary',
  documentHash: 'b'.repeat(64),
  subjects,
  fields: [{ service: 'police', returned: ['Offender.pncId', 'Offender.identity'], denied: [] }],
  outcome: 'ALLOWED',
  durationMs: 4,
  ...overrides,
});

const append = (log: AuditLogName, entries: [string, AuditPayloadInput][]) =>
  appendAuditEntries(
    db,
    log,
    entries.map(([requestId, entryPayload]) => ({ requestId, payload: entryPayload })),
  );
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Page {
  edges: { cursor: string; node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Response {
  data?: { policeAccessAudit: Page | null } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; policy?: string; issues?: unknown } }[];
}

const ENTRY_FIELDS = `sequence recordedAt requestId staffId agency roles area purpose caseId operationName outcome
  fieldsReturned fieldsDenied { field policy } changes { record field oldValueHash newValueHash } errorCodes`;
const AUDIT_QUERY = `query($pncId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int, $after: String) {
  policeAccessAudit(pncId: $pncId, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { ${ENTRY_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Asks as `caller`, and counts the SQL statements the subgraph sent for it. */
async function askAudit(variables: Record<string, unknown>, caller: Caller = POLICE_IG): Promise<{ result: Response; statements: number }> {
  subgraph.statements.reset();
  const result = (await querySubgraph(subgraph, gateway, AUDIT_QUERY, variables, caller)) as Response;
  return { result, statements: subgraph.statements.count };
}

// [from, to): from the first in-range batch to the batch after it, exclusive.
const range = () => ({ pncId: subject.pncId, from: inRange[0]!.recordedAt.toISOString(), to: after[0]!.recordedAt.toISOString() });
const requestIds = (page: Page | null | undefined) => page?.edges.map((edge) => edge.node.requestId);

beforeAll(async () => {
  ({ database, subgraph, gateway } = await startTestSubgraph(policeSubgraph, dataset));
  db = database.connection.database();
  // Each batch is one transaction with one time; a pause between them keeps their times apart.
  await append('police', [['before-0', payload([subject.pncId])]]);
  await pause(5);
  inRange = await append('police', [
    [
      'in-0',
      payload([subject.pncId, otherSubject.pncId], {
        principal: { staffId: 'PPU0042', agency: 'police', roles: ['ppu_officer', 'visor_administrator'], area: MappaArea.KENT },
        purpose: 'MAPPA_MEETING',
        caseId: 'MTG-0001',
        fields: [
          { service: 'police', returned: ['Offender.pncId'], denied: [{ field: 'Offender.intelligence', policy: 'police.intelligence' }] },
          // What another service returned is never the police's to show, however an entry was written.
          { service: 'probation', returned: ['Offender.probationCase'], denied: [] },
        ],
        changes: [{ record: 'VisorNominal:VN-000001', field: 'status', oldValueHash: 'c'.repeat(64), newValueHash: 'd'.repeat(64) }],
        outcome: 'PARTLY_DENIED',
        errorCodes: ['FORBIDDEN'],
      }),
    ],
    ['in-1', payload([subject.pncId])],
    ['in-other', payload([otherSubject.pncId])],
    ['in-2', payload([subject.pncId])],
    ['in-3', payload([subject.pncId])],
    ['in-4', payload([subject.pncId])],
  ]);
  // Another agency's log about the same subject at the same time: not the police's to show.
  await append('probation', [
    ['probation-0', payload([subject.pncId], { fields: [{ service: 'probation', returned: ['Offender.probationCase'], denied: [] }] })],
    ['probation-1', payload([subject.pncId])],
  ]);
  await pause(5);
  after = await append('police', [['after-0', payload([subject.pncId])]]);
  await pause(5);
  restricted = await append('police', [['restricted-0', payload([restrictedSubject.pncId])]]);
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

describe('policeAccessAudit', () => {
  it("principle 10: gives the police's information governance the police log's entries about the subject in [from, to), newest first", async () => {
    const { result, statements } = await askAudit({ ...range(), first: 100 });
    expect(result.errors).toBeUndefined();
    expect(requestIds(result.data?.policeAccessAudit)).toEqual(['in-4', 'in-3', 'in-2', 'in-1', 'in-0']);
    expect(result.data?.policeAccessAudit?.pageInfo.hasNextPage).toBe(false);
    // Whether the police hold the subject and the reader may know it (the loader `_entities` uses), then the page.
    expect(statements).toBe(2);
  });

  it("shows who asked, why, and what the police returned and denied; never another service's fields or another subject", async () => {
    const { result } = await askAudit({ ...range(), first: 100 });
    const oldest = result.data?.policeAccessAudit?.edges.at(-1)?.node;
    expect(oldest).toEqual({
      sequence: inRange[0]!.sequence,
      recordedAt: inRange[0]!.recordedAt.toISOString(),
      requestId: 'in-0',
      staffId: 'PPU0042',
      agency: 'police',
      roles: ['ppu_officer', 'visor_administrator'],
      area: 'KENT',
      purpose: 'MAPPA_MEETING',
      caseId: 'MTG-0001',
      operationName: 'OffenderSummary',
      outcome: 'PARTLY_DENIED',
      fieldsReturned: ['Offender.pncId'],
      fieldsDenied: [{ field: 'Offender.intelligence', policy: 'police.intelligence' }],
      changes: [{ record: 'VisorNominal:VN-000001', field: 'status', oldValueHash: 'c'.repeat(64), newValueHash: 'd'.repeat(64) }],
      errorCodes: ['FORBIDDEN'],
    });
    expect(JSON.stringify(result)).not.toContain(otherSubject.pncId);
  });

  it('pages with cursors, one SQL statement per page after the subject check, until no more follow', async () => {
    const pages: (unknown[] | undefined)[] = [];
    let cursor: string | null = null;
    for (;;) {
      const { result, statements }: { result: Response; statements: number } = await askAudit({ ...range(), first: 2, after: cursor });
      expect(result.errors).toBeUndefined();
      expect(statements).toBe(2);
      const page = result.data?.policeAccessAudit;
      pages.push(requestIds(page));
      if (!page?.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(pages).toEqual([['in-4', 'in-3'], ['in-2', 'in-1'], ['in-0']]);
  });

  it("principle 7: a restricted subject's entries only for cleared information governance; for anyone else an empty page, as for no entries", async () => {
    const restrictedRange = {
      pncId: restrictedSubject.pncId,
      from: restricted[0]!.recordedAt.toISOString(),
      to: new Date(restricted[0]!.recordedAt.getTime() + 1).toISOString(),
    };
    const cleared = await askAudit(restrictedRange);
    expect(requestIds(cleared.result.data?.policeAccessAudit)).toEqual(['restricted-0']);
    const uncleared = await askAudit(restrictedRange, auditor({ clearance: 'BPSS' }));
    expect(uncleared.result.errors).toBeUndefined();
    expect(uncleared.result.data?.policeAccessAudit).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // Principle 9: the subject check alone; the log is not read for a subject the reader may not know.
    expect(uncleared.statements).toBe(1);
  });

  it.each([
    ["another agency's information governance", auditor({ agency: 'probation', staffId: 'IGN0001' })],
    ["the MAPPA unit's information governance", auditor({ agency: 'mappa_unit', staffId: 'IGM0001' })],
    ['a police analyst', auditor({ roles: ['analyst'], staffId: 'ANP0001' })],
    ['a MAPPA co-ordinator', auditor({ agency: 'mappa_unit', roles: ['mappa_coordinator'], staffId: 'MCU0001' })],
    ['a PPU officer', auditor({ roles: ['ppu_officer'], staffId: 'PPU0001' })],
    ["the police's information governance under CASE_MANAGEMENT", auditor({}, 'CASE_MANAGEMENT')],
    ["the police's information governance under STATISTICS", auditor({}, 'STATISTICS')],
  ])('principle 10: denies %s (FORBIDDEN, no entries, no SQL)', async (_name, caller) => {
    const { result, statements } = await askAudit({ ...range(), first: 100 }, caller);
    expect(result.data?.policeAccessAudit).toBeNull();
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.policy, error.path])).toEqual([
      ['FORBIDDEN', 'police.accessAudit', ['policeAccessAudit']],
    ]);
    expect(statements).toBe(0);
  });

  it.each([
    ['a PNC ID with the wrong check letter', { pncId: '2008/0545166A' }, 'pncId'],
    ['to not after from', { to: new Date(0).toISOString() }, 'to'],
    ['a range of more than 366 days', { from: '2024-01-01T00:00:00Z', to: '2025-01-02T00:00:00.001Z' }, 'to'],
    ['a page size over 100', { first: 101 }, 'first'],
    ['a cursor this query did not make', { after: 'not-a-cursor' }, 'after'],
  ])('answers %s with BAD_USER_INPUT, before any SQL', async (_name, overrides, path) => {
    const { result, statements } = await askAudit({ ...range(), ...overrides });
    expect(result.data?.policeAccessAudit).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path })]);
    expect(statements).toBe(0);
  });
});
