import type { Database } from '../db/database';
import { StatementCounter } from '../db/statement-counter';
import { encodeCursor } from '../pagination/cursor';
import { AUDIT_STORE_TEMPLATE, openTestDatabase } from '@mappa/testing';
import type { TestDatabase } from '@mappa/testing';
import { formatPncId } from '../validation/identifiers';
import {
  ACCESS_AUDIT_MAX_RANGE_DAYS,
  accessAuditArgsSchema,
  fetchAccessAuditPage,
  toAccessAuditEntry,
  toAccessAuditPage,
} from './access-audit.query';
import type { AccessAuditPageQuery } from './access-audit.query';
import { appendAuditEntries } from './audit-log';
import type { AuditEntry } from './audit-log';
import type { AuditLogName, AuditPayloadInput } from './audit-payload';

const SUBJECT = formatPncId(2008, 545166);
const OTHER_SUBJECT = formatPncId(2011, 1234);
const DAY_MS = 86_400_000;

const payload = (subjects: string[], overrides: Partial<AuditPayloadInput> = {}): AuditPayloadInput => ({
  principal: { staffId: 'PPU0001', agency: 'police', roles: ['ppu_officer'], area: null },
  purpose: 'CASE_MANAGEMENT',
  caseId: null,
  operationName: 'OffenderSummary',
  documentHash: 'a'.repeat(64),
  subjects,
  fields: [{ service: 'police', returned: ['Offender.pncId'], denied: [] }],
  outcome: 'ALLOWED',
  durationMs: 3,
  ...overrides,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('access-audit query over one log', () => {
  let database: TestDatabase;
  let db: Database;
  // Three batches, each one transaction with one time, appended a few milliseconds apart.
  let early: AuditEntry[];
  let middle: AuditEntry[];
  let late: AuditEntry[];

  const query = (overrides: Partial<AccessAuditPageQuery> = {}): AccessAuditPageQuery => ({
    log: 'police',
    pncId: SUBJECT,
    from: new Date(Date.now() - DAY_MS),
    to: new Date(Date.now() + DAY_MS),
    beforeSequence: null,
    limit: 100,
    ...overrides,
  });

  beforeAll(async () => {
    database = await openTestDatabase(AUDIT_STORE_TEMPLATE);
    db = database.connection.database();
    const batch = (log: AuditLogName, prefix: string, subjectsPerEntry: string[][]) =>
      appendAuditEntries(
        db,
        log,
        subjectsPerEntry.map((subjects, index) => ({ requestId: `${prefix}-${index}`, payload: payload(subjects) })),
      );
    early = await batch('police', 'early', [[SUBJECT], [OTHER_SUBJECT], [OTHER_SUBJECT, SUBJECT]]);
    await pause(5);
    middle = await batch('police', 'middle', [[SUBJECT], [SUBJECT]]);
    // Another agency's log, about the same subject, at the same time.
    await batch('probation', 'probation', [[SUBJECT], [SUBJECT]]);
    await pause(5);
    late = await batch('police', 'late', [[SUBJECT], []]);
  });
  afterAll(async () => {
    await database.drop();
  });

  const requestIds = (rows: readonly { requestId: string }[]) => rows.map((row) => row.requestId);

  it("returns only that log's entries naming the subject, newest first", async () => {
    const rows = await fetchAccessAuditPage(db, query());
    expect(requestIds(rows)).toEqual(['late-0', 'middle-1', 'middle-0', 'early-2', 'early-0']);
    expect(rows.map((row) => row.sequence)).toEqual([6, 5, 4, 3, 1]);
  });

  it('keeps to [from, to): from inclusive, to exclusive', async () => {
    const [middleAt, lateAt] = [middle[0]!.recordedAt, late[0]!.recordedAt];
    expect(requestIds(await fetchAccessAuditPage(db, query({ from: middleAt, to: lateAt })))).toEqual(['middle-1', 'middle-0']);
    expect(requestIds(await fetchAccessAuditPage(db, query({ from: early[0]!.recordedAt, to: middleAt })))).toEqual(['early-2', 'early-0']);
    expect(requestIds(await fetchAccessAuditPage(db, query({ from: lateAt, to: new Date(lateAt.getTime() + 1) })))).toEqual(['late-0']);
  });

  it('pages by sequence, one statement per page, until the last page says no more follow', async () => {
    const counter = new StatementCounter();
    const counted = database.connection.database(counter);
    const seen: string[] = [];
    let before: number | null = null;
    let pages = 0;
    for (;;) {
      counter.reset();
      const rows = await fetchAccessAuditPage(counted, query({ beforeSequence: before, limit: 3 }));
      expect(counter.count).toBe(1);
      const page = toAccessAuditPage(rows, 2, 'police', SUBJECT);
      pages += 1;
      seen.push(...page.edges.map((edge) => edge.node.requestId));
      if (!page.pageInfo.hasNextPage) break;
      before = page.edges.at(-1)!.node.sequence;
      expect(page.pageInfo.endCursor).toBe(encodeCursor(String(before)));
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['late-0', 'middle-1', 'middle-0', 'early-2', 'early-0']);
  });

  it("shows only what the log's own service returned and denied, and never the entry's other subjects", () => {
    const entry = toAccessAuditEntry(
      {
        sequence: 9,
        recordedAt: new Date('2026-11-01T10:00:00.000Z'),
        requestId: 'req-9',
        payload: {
          ...payload([SUBJECT, OTHER_SUBJECT]),
          fields: [
            {
              service: 'police',
              returned: ['Offender.pncId', 'Offender.identity'],
              denied: [{ field: 'Offender.intelligence', policy: 'police.intelligence' }],
            },
            { service: 'probation', returned: ['Offender.probationCase'], denied: [] },
          ],
          changes: [],
          served: [
            { subject: SUBJECT, field: 'PoliceIdentity.lastName', valueHash: 'a'.repeat(64) },
            { subject: OTHER_SUBJECT, field: 'PoliceIdentity.lastName', valueHash: 'b'.repeat(64) },
          ],
          errorCodes: ['FORBIDDEN'],
          outcome: 'PARTLY_DENIED',
        },
      },
      'police',
      SUBJECT,
    );
    expect(entry).toEqual({
      sequence: 9,
      recordedAt: new Date('2026-11-01T10:00:00.000Z'),
      requestId: 'req-9',
      staffId: 'PPU0001',
      agency: 'police',
      roles: ['ppu_officer'],
      area: null,
      purpose: 'CASE_MANAGEMENT',
      caseId: null,
      operationName: 'OffenderSummary',
      outcome: 'PARTLY_DENIED',
      fieldsReturned: ['Offender.pncId', 'Offender.identity'],
      fieldsDenied: [{ field: 'Offender.intelligence', policy: 'police.intelligence' }],
      changes: [],
      // Only the values served about the subject asked about: another subject's hashes stay in the log.
      valuesServed: [{ field: 'PoliceIdentity.lastName', valueHash: 'a'.repeat(64) }],
      errorCodes: ['FORBIDDEN'],
    });
    expect(JSON.stringify(entry)).not.toContain(OTHER_SUBJECT);
    expect(JSON.stringify(entry)).not.toContain('b'.repeat(64));
  });
});

describe('access-audit arguments', () => {
  const from = new Date('2026-01-01T00:00:00.000Z');
  const valid = { pncId: SUBJECT, from, to: new Date('2026-02-01T00:00:00.000Z'), first: 20, after: null };
  const issues = (input: Record<string, unknown>) => {
    const result = accessAuditArgsSchema.safeParse({ ...valid, ...input });
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts a valid query, a range of exactly the longest allowed, and a cursor it made', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ to: new Date(from.getTime() + ACCESS_AUDIT_MAX_RANGE_DAYS * DAY_MS) })).toEqual([]);
    expect(accessAuditArgsSchema.parse({ ...valid, after: encodeCursor('42') }).after).toBe(42);
  });

  it.each([
    ['a PNC ID with the wrong check letter', { pncId: '2008/0545166A' }, ['pncId']],
    ['a malformed PNC ID', { pncId: 'not-a-pnc' }, ['pncId']],
    ['to equal to from', { to: from }, ['to']],
    ['to before from', { to: new Date(from.getTime() - 1) }, ['to']],
    ['a range one millisecond longer than allowed', { to: new Date(from.getTime() + ACCESS_AUDIT_MAX_RANGE_DAYS * DAY_MS + 1) }, ['to']],
    ['an invalid date', { from: new Date('not a date') }, ['from']],
    ['a page size of 0', { first: 0 }, ['first']],
    ['a page size of 101', { first: 101 }, ['first']],
    ['a cursor this API did not make', { after: 'bm90LWEtY3Vyc29y' }, ['after']],
    ['a cursor holding something other than a sequence number', { after: encodeCursor('2008/0545166T') }, ['after']],
    ['a cursor holding a sequence number beyond 2^53', { after: encodeCursor('9999999999999999') }, ['after']],
    ['every problem at once', { pncId: 'x', first: 0, after: 'x' }, ['pncId', 'first', 'after']],
  ])('refuses %s', (_name, input, paths) => {
    expect(issues(input)).toEqual(paths);
  });
});
