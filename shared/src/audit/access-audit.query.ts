import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database';
import type { MappaArea } from '../domain/mappa-area';
import { cursorKey, encodeCursor, pageSizeSchema } from '../pagination/cursor';
import { pncIdSchema } from '../validation/identifiers';
import { auditEntryTable } from './audit-log.table';
import { auditPayloadSchema } from './audit-payload';
import type { AuditLogName, AuditPayload } from './audit-payload';

/**
 * The longest time range one access-audit query covers: 366 days, so any calendar year fits. Each
 * page is one statement whatever the range, but a bounded range bounds how much of a busy log one
 * statement may have to look through; a subject-access review over several years asks year by year.
 */
export const ACCESS_AUDIT_MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

// A log's sequence numbers are positive integers below 2^53 (bigint read in drizzle's number mode).
const sequenceCursorSchema = z
  .string()
  .max(400)
  .transform((cursor, context) => {
    const key = cursorKey(cursor);
    const sequence = key !== null && /^[1-9]\d{0,15}$/.test(key) ? Number(key) : Number.NaN;
    if (!Number.isSafeInteger(sequence)) {
      context.addIssue({ code: 'custom', message: 'not a cursor returned by this query' });
      return z.NEVER;
    }
    return sequence;
  });

/**
 * The arguments of an access-audit query once validated: a valid PNC ID, `from` before `to` and
 * at most `ACCESS_AUDIT_MAX_RANGE_DAYS` apart, a page size of 1 to 100, and a cursor this query
 * made. Every problem is reported at once, each under its argument's name.
 */
export const accessAuditArgsSchema = z
  .object({
    pncId: pncIdSchema,
    from: z.date({ error: 'from must be a date-time' }),
    to: z.date({ error: 'to must be a date-time' }),
    first: pageSizeSchema,
    after: sequenceCursorSchema.nullish().transform((sequence) => sequence ?? null),
  })
  .superRefine(({ from, to }, context) => {
    if (from.getTime() >= to.getTime()) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    } else if (to.getTime() - from.getTime() > ACCESS_AUDIT_MAX_RANGE_DAYS * DAY_MS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range from from to to must be at most ${ACCESS_AUDIT_MAX_RANGE_DAYS} days`,
      });
    }
  });

export type AccessAuditArgsInput = z.input<typeof accessAuditArgsSchema>;

/** What one page of an access-audit query asks of one log. */
export interface AccessAuditPageQuery {
  readonly log: AuditLogName;
  readonly pncId: string;
  /** Inclusive. */
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  /** Only entries before this sequence number (the cursor); null for the first page. */
  readonly beforeSequence: number | null;
  readonly limit: number;
}

/** One entry as read back for an access-audit query, its payload validated by the store's own schema. */
export interface AccessAuditRow {
  readonly sequence: number;
  readonly recordedAt: Date;
  readonly requestId: string;
  readonly payload: AuditPayload;
}

/**
 * Up to `limit` entries of one log whose subjects include the PNC ID, recorded in [from, to), before
 * the cursor, newest first: one SELECT. Newest first is by sequence, which is the log's own order
 * (times are read under the head lock, so they follow it) and a unique, stable keyset position.
 */
export async function fetchAccessAuditPage(db: Database, query: AccessAuditPageQuery): Promise<AccessAuditRow[]> {
  const rows = await db
    .select({
      sequence: auditEntryTable.sequence,
      recordedAt: auditEntryTable.recordedAt,
      requestId: auditEntryTable.requestId,
      payload: auditEntryTable.payload,
    })
    .from(auditEntryTable)
    .where(
      and(
        eq(auditEntryTable.log, query.log),
        // The very expression `entry_subjects_idx` is built on, so the GIN index can answer it; the
        // PNC ID travels as a bound parameter (a JSON array of one string), never in the SQL text.
        sql`(${auditEntryTable.payload} -> 'subjects') @> ${JSON.stringify([query.pncId])}::jsonb`,
        gte(auditEntryTable.recordedAt, query.from),
        lt(auditEntryTable.recordedAt, query.to),
        query.beforeSequence === null ? undefined : lt(auditEntryTable.sequence, query.beforeSequence),
      ),
    )
    .orderBy(desc(auditEntryTable.sequence))
    .limit(query.limit);
  return rows.map((row) => ({ ...row, payload: auditPayloadSchema.parse(row.payload) }));
}

/** A denied field as an access-audit answer shows it. */
export interface AccessAuditDeniedFieldView {
  readonly field: string;
  readonly policy: string;
}

/** A changed field as an access-audit answer shows it. */
export interface AccessAuditChangeView {
  readonly record: string;
  readonly field: string;
  readonly oldValueHash: string | null;
  readonly newValueHash: string | null;
}

/** A value served to a MAPP meeting as an access-audit answer shows it: the field and the value's hash. */
export interface AccessAuditServedValueView {
  readonly field: string;
  readonly valueHash: string;
}

/** The GraphQL shape of one entry (`AccessAuditEntry`). */
export interface AccessAuditEntryView {
  readonly sequence: number;
  readonly recordedAt: Date;
  readonly requestId: string;
  readonly staffId: string | null;
  readonly agency: string | null;
  readonly roles: string[];
  readonly area: MappaArea | null;
  readonly purpose: string | null;
  readonly caseId: string | null;
  readonly operationName: string | null;
  readonly outcome: AuditPayload['outcome'];
  readonly fieldsReturned: string[];
  readonly fieldsDenied: AccessAuditDeniedFieldView[];
  readonly changes: AccessAuditChangeView[];
  readonly valuesServed: AccessAuditServedValueView[];
  readonly errorCodes: string[];
}

/**
 * Maps a stored entry to its GraphQL shape. Only what the log's own service returned and denied
 * is shown (an owner's log should hold nothing else, but its reader sees its own agency's data
 * only however the entry was written); the entry's other subjects are never shown, nor its
 * document hash or duration, which say nothing about who saw what. The values served to a meeting are
 * shown only for `pncId`, the subject asked about, never for the entry's other subjects.
 */
export function toAccessAuditEntry(row: AccessAuditRow, log: AuditLogName, pncId: string): AccessAuditEntryView {
  const { principal, fields } = row.payload;
  const own = fields.filter((entry) => entry.service === log);
  return {
    sequence: row.sequence,
    recordedAt: row.recordedAt,
    requestId: row.requestId,
    staffId: principal?.staffId ?? null,
    agency: principal?.agency ?? null,
    roles: principal ? [...principal.roles] : [],
    area: principal?.area ?? null,
    purpose: row.payload.purpose,
    caseId: row.payload.caseId,
    operationName: row.payload.operationName,
    outcome: row.payload.outcome,
    fieldsReturned: own.flatMap((entry) => entry.returned),
    fieldsDenied: own.flatMap((entry) => entry.denied.map(({ field, policy }) => ({ field, policy }))),
    changes: row.payload.changes.map(({ record, field, oldValueHash, newValueHash }) => ({ record, field, oldValueHash, newValueHash })),
    valuesServed: (row.payload.served ?? [])
      .filter((served) => served.subject === pncId)
      .map(({ field, valueHash }) => ({ field, valueHash })),
    errorCodes: [...row.payload.errorCodes],
  };
}

/** A page of entries as the connection type shows it. */
export interface AccessAuditPage {
  readonly edges: { readonly cursor: string; readonly node: AccessAuditEntryView }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** Builds the page from `pageSize + 1` rows: the extra row only tells whether another page follows. */
export function toAccessAuditPage(rows: readonly AccessAuditRow[], pageSize: number, log: AuditLogName, pncId: string): AccessAuditPage {
  const edges = rows
    .slice(0, pageSize)
    .map((row) => ({ cursor: encodeCursor(String(row.sequence)), node: toAccessAuditEntry(row, log, pncId) }));
  return { edges, pageInfo: { hasNextPage: rows.length > pageSize, endCursor: edges.at(-1)?.cursor ?? null } };
}
