import { z } from 'zod';
import { PRINCIPAL_AGENCIES, ROLES } from '../auth/principal';
import { PURPOSES } from '../auth/purpose';
import { MappaArea } from '../domain/mappa-area';
import { AGENCY_REGISTRY } from '../federation/agency-registry';
import type { AgencyAuditLogName } from '../federation/agency-registry';

/** The named chains: the gateway's, and one per data owner (the agency registry's). */
export const AUDIT_LOGS: readonly ['gateway', ...AgencyAuditLogName[]] = ['gateway', ...AGENCY_REGISTRY.map(({ auditLog }) => auditLog)];
export type AuditLogName = (typeof AUDIT_LOGS)[number];

/** True for the name of one of the known chains. */
export function isAuditLogName(log: string): log is AuditLogName {
  return (AUDIT_LOGS as readonly string[]).includes(log);
}

// "No values, no variables, no bodies": every string in a payload is an id, a name, a code or a
// hash, so none of them may hold spaces or free text. This is the one shape later writers can use.
const code = z.string().regex(/^[A-Za-z0-9_.:/@-]{1,128}$/, 'audit strings are ids, names or codes: 1-128 characters, no spaces');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
const pncId = z.string().regex(/^\d{4}\/\d{7}[A-Z]$/, 'a PNC ID');

/** Which fields one service returned and denied, and which policy denied each. */
export const auditFieldsSchema = z.strictObject({
  service: code,
  returned: z.array(code).max(1_000),
  denied: z.array(z.strictObject({ field: code, policy: code })).max(1_000),
});

/** A field a mutation changed, proven by hashes of the old and new values, never the values. */
export const auditChangeSchema = z.strictObject({
  record: code,
  field: code,
  oldValueHash: sha256Hex.nullable(),
  newValueHash: sha256Hex.nullable(),
});

/**
 * What a meeting relied on (issue 10): one field of the owner's that it served about a subject under
 * MAPPA_MEETING, proven by the SHA-256 of the value it served (`servedValueHash`: meeting id, PNC ID,
 * field and value, domain-separated), never the value. Kept in the owner's own log only.
 */
export const auditServedValueSchema = z.strictObject({
  subject: pncId,
  field: code,
  valueHash: sha256Hex,
});

/**
 * A statistics query the gateway's statistics service ran (issue 13): which query, its dimensions, its
 * filters (a dimension and the values kept: codes from fixed lists, never a person), the owners asked,
 * and for an ad-hoc table its measure and the period of its events.
 */
export const auditStatisticsSchema = z.strictObject({
  query: z.enum(['ANNUAL_REPORT', 'NATIONAL_ANNUAL_REPORT', 'AD_HOC_AGGREGATE', 'KPIS', 'DISCLOSURE_STATISTICS']),
  dimensions: z.array(code).max(8),
  filters: z.array(z.strictObject({ dimension: code, values: z.array(code).max(16) })).max(16),
  owners: z.array(code).max(8),
  // An ad-hoc table's measure (PEOPLE or an event measure) and the period its events were counted in.
  measure: code.optional(),
  period: z.strictObject({ from: z.iso.date(), to: z.iso.date() }).optional(),
});

export const AUDIT_OUTCOMES = ['ALLOWED', 'PARTLY_DENIED', 'REJECTED', 'UNAUTHENTICATED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * What one audit entry says. Strict objects: an unknown key (a variable, a body) is refused rather
 * than stored. `principal` is null when authentication failed before anyone was known.
 */
export const auditPayloadSchema = z.strictObject({
  principal: z
    .strictObject({
      staffId: code,
      // The identity provider that vouched for the staff id (a staff id means something only with
      // it). Absent only from entries written before issuers were recorded.
      issuer: code.optional(),
      agency: z.enum(PRINCIPAL_AGENCIES),
      roles: z.array(z.enum(ROLES)).max(32),
      area: z.enum(MappaArea).nullable(),
    })
    .nullable(),
  purpose: z.enum(PURPOSES).nullable(),
  caseId: code.nullable(),
  operationName: code.nullable(),
  documentHash: sha256Hex.nullable(),
  subjects: z.array(pncId).max(10_000),
  fields: z.array(auditFieldsSchema).max(64),
  changes: z.array(auditChangeSchema).max(1_000).default([]),
  /**
   * Only on an owner's entry for a request under MAPPA_MEETING that served it values about a subject:
   * each distinct (subject, field, value) it served, as a value hash (`auditServedValueSchema`). Absent
   * on every other entry, so entries written before it existed hash and verify as they did.
   */
  served: z.array(auditServedValueSchema).max(5_000).optional(),
  /**
   * Only on the gateway's entry for a request that ran statistics queries (issue 13): each query's
   * dimensions, filters and the owners that contributed. Absent on every other entry, so entries
   * written before it existed hash and verify as they did.
   */
  statistics: z.array(auditStatisticsSchema).max(8).optional(),
  outcome: z.enum(AUDIT_OUTCOMES),
  errorCodes: z.array(code).max(64).default([]),
  durationMs: z.number().int().min(0),
  /**
   * Only on the gateway's entry for a burst of refusals before authentication (issue 9 §1): how
   * many requests of the same kind from one source (or one rate-limited principal) were refused in
   * the window that started at `windowStartedAt`; the rest of the entry describes the first of them.
   * Absent on every other entry, so entries written before it existed hash and verify as they did.
   */
  refusals: z
    .strictObject({
      count: z.number().int().min(1),
      windowStartedAt: z.iso.datetime(),
      windowMs: z.number().int().min(1),
    })
    .optional(),
});

export type AuditPayload = z.infer<typeof auditPayloadSchema>;
export type AuditPayloadInput = z.input<typeof auditPayloadSchema>;

const years = z.number().int().min(1).max(100);

/**
 * How long each log keeps its entries, in years. The default, 7 years, is conservative: MAPPA
 * case records are kept long and an access must be defensible for as long as the record it was
 * about; it is pending information-governance sign-off. Read from the environment with
 * `auditRetentionEnv`; `npm run audit:prune` applies it (`pruneAuditLog`), and the database lets
 * a log's checkpoint move only past entries older than the retention it records.
 */
export const auditRetentionSchema = z.strictObject({
  defaultYears: years.default(7),
  perLog: z.partialRecord(z.enum(AUDIT_LOGS), years).default({}),
});

export type AuditRetention = z.infer<typeof auditRetentionSchema>;

/** The retention period of `log` in years. */
export function retentionYears(retention: AuditRetention, log: AuditLogName): number {
  return retention.perLog[log] ?? retention.defaultYears;
}
