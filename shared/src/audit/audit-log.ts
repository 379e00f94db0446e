import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database, DatabaseConnection } from '../db/database';
import { auditPayloadSchema } from './audit-payload';
import type { AuditLogName, AuditPayload, AuditPayloadInput } from './audit-payload';
import {
  appendAuditEntriesUnderHeadLock,
  auditCheckpointWithCutoff,
  auditEntriesFrom,
  auditLogHeadRow,
  auditLogNames,
  countAuditEntries,
  newestAuditEntryBelow,
} from './audit-log.query';
import type { AuditEntryRow } from './audit-log.query';
import { RememberedParse } from '../validation/remembered-parse';

/** The previous hash of a log's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where the audit store's drizzle-kit migrations are, from the sources and from `dist` alike. */
export const AUDIT_MIGRATIONS_FOLDER = join(__dirname, '..', '..', 'drizzle');

/** Creates or updates the `audit` schema in this database (its bookkeeping in `audit_migrations`). */
export async function migrateAuditStore(connection: DatabaseConnection): Promise<void> {
  await connection.migrate(AUDIT_MIGRATIONS_FOLDER, 'audit');
}

/** One stored entry, as appended. */
export interface AuditEntry {
  readonly log: AuditLogName;
  readonly sequence: number;
  readonly recordedAt: Date;
  readonly requestId: string;
  readonly payload: AuditPayload;
  readonly previousHash: string;
  readonly hash: string;
}

// A JSON text with object keys sorted at every level: jsonb does not keep key order, so the hash
// must not depend on it. Every entry is hashed with it before its request is answered, so it builds
// one string with no intermediate arrays (about 40% less CPU than mapping, filtering and joining);
// the text is unchanged, so entries hashed before still verify: keys sorted by UTF-16 code unit
// (`sort()`'s order), undefined properties left out, an undefined item of an array as nothing.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      // JSON.stringify gives undefined for undefined and functions, which `join` wrote as nothing.
      text += (canonicalJson(value[index]) as string | undefined) ?? '';
    }
    return `${text}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      if (text.length > 1) text += ',';
      text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 over the canonical serialisation of everything an entry says. The request id is
 * included too (beyond log, sequence, time, payload and previous hash) so it cannot be changed
 * unseen either. Entries are hashed as they are appended by the database (`audit.append_entries`,
 * migration 0006), over the same text; this is the definition verification recomputes.
 */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash' | 'log'> & { readonly log: string }): string {
  const canonical = canonicalJson([
    entry.log,
    entry.sequence,
    entry.recordedAt.toISOString(),
    entry.requestId,
    entry.payload,
    entry.previousHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The hash a mutation's audit entry holds for a value it changed: SHA-256 over the record, the field
 * and the value together, so the same value in two places hashes differently. Null when there was no
 * value (a record created, a field first set). Proving a change later means hashing the value the
 * owner's records hold and comparing; the audit never holds the value itself. A value from a small
 * set (a MAPPA level) can be confirmed by guessing, by someone who may read the audit and not the
 * record: only the owner's information governance can read its log.
 */
export function auditValueHash(record: string, field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return createHash('sha256')
    .update(canonicalJson(['mappa-audit-value', record, field, value instanceof Date ? value.toISOString() : value]))
    .digest('hex');
}

/**
 * SHA-256 (hex) of a value an owner served to a MAPP meeting: over the meeting id, the subject's PNC
 * ID, the field (`Type.field`) and the value as served (canonical JSON), under its own domain tag, so
 * it can never be mistaken for a change's hash (`auditValueHash`) and the same value served to two
 * meetings, or about two people, hashes apart. The minutes can be proven later by recomputing it from
 * the owner's record; the hash stays in the owner's log, because a low-entropy value (a level, a yes
 * or no) could be recovered from it by guessing.
 */
export function servedValueHash(meetingId: string, pncId: string, field: string, value: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(['mappa-meeting-served-value', meetingId, pncId, field, value]))
    .digest('hex');
}

const requestIdFormat = /^[A-Za-z0-9._:-]{1,128}$/;

/** True when `requestId` can be stored: 1-128 letters, digits or . _ : - (never free text). */
export function isAuditRequestId(requestId: string): boolean {
  return requestIdFormat.test(requestId);
}

/** What a writer hands over for one entry: the log, sequence, time and hashes are the store's. */
export interface AuditEntryInput {
  readonly requestId: string;
  readonly payload: AuditPayloadInput;
}

declare const checkedEntry: unique symbol;

/**
 * An entry as it is stored: its request id storable and its payload as `auditPayloadSchema` parsed it
 * (ids, names, codes and hashes only; defaults applied). Only `checkAuditEntry` makes one, so an entry
 * of this type has been checked, once.
 */
export type CheckedAuditEntry = { readonly requestId: string; readonly payload: AuditPayload } & { readonly [checkedEntry]: true };

/**
 * Checks one entry against the audit schema: the entry to store, or why it is refused (the paths of
 * the offending keys, never their values). `AuditWriter` checks each entry once, when it is handed
 * over, rather than again for every attempt at appending its batch (about 14 µs of CPU a parse, on
 * every request's path for every service asked).
 */
export function checkAuditEntry(entry: AuditEntryInput): { readonly checked: CheckedAuditEntry } | { readonly refused: string } {
  if (!requestIdFormat.test(entry.requestId)) return { refused: 'audit request id must be 1-128 letters, digits or . _ : -' };
  const payload: unknown = entry.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { refused: 'audit payload refused: not an object' };
  const repeated: Record<string, unknown> = {};
  const perEntry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) (REPEATED_KEYS.has(key) ? repeated : perEntry)[key] = value;
  const repeatedPart = repeatedParts.safeParse(repeated);
  const perEntryPart = perEntryPartSchema.safeParse(perEntry);
  const issues = [...(repeatedPart.success ? [] : repeatedPart.error.issues), ...(perEntryPart.success ? [] : perEntryPart.error.issues)];
  if (!repeatedPart.success || !perEntryPart.success)
    return { refused: `audit payload refused: ${issues.map((issue) => issue.path.join('.')).join(', ')}` };
  const checked: AuditPayload = { ...repeatedPart.data, ...perEntryPart.data };
  return { checked: { requestId: entry.requestId, payload: checked } as CheckedAuditEntry };
}

/*
 * The payload is checked in two parts against the one schema (`auditPayloadSchema`), which has no
 * rule across its keys, so the two checks together are the whole schema's: the part that is the same
 * for every request of one caller and operation (who asked, why, which operation, which fields it
 * returned and was denied), and the rest (subjects, outcome, codes, duration, changes, …), which
 * holds every key not in the first, an unknown one included, so a strict check of each still refuses
 * any key the schema does not name. The first part's check is remembered by its exact JSON text
 * (issue 15: zod's parse of the entry was the largest piece of a subgraph's own code per request,
 * most of it this part, the same every time): what is stored is always the checked value, frozen,
 * never the value handed over.
 */
const REPEATED_PART = { principal: true, purpose: true, caseId: true, operationName: true, documentHash: true, fields: true } as const;
const REPEATED_KEYS: ReadonlySet<string> = new Set(Object.keys(REPEATED_PART));
const perEntryPartSchema = auditPayloadSchema.omit(REPEATED_PART);
/** Enough for every caller and operation active at once in a service; past it the memory starts again (a parse each, nothing else). */
const MAX_REMEMBERED_PARTS = 4_096;
const repeatedParts = new RememberedParse(auditPayloadSchema.pick(REPEATED_PART), MAX_REMEMBERED_PARTS);

// Every payload is validated first (ids, names, codes and hashes only), so one bad entry appends none.
function validatedEntries(entries: readonly AuditEntryInput[]): CheckedAuditEntry[] {
  return entries.map((entry) => {
    const result = checkAuditEntry(entry);
    if ('refused' in result) throw new Error(result.refused);
    return result.checked;
  });
}

/**
 * Appends entries to `log`, in order, in one statement: the database takes the log's head row lock,
 * then numbers and hashes each entry after the head (`audit.append_entries`, the hash `auditEntryHash`
 * defines) and moves the head. Concurrent writers (replicas, a mutation's evidence) wait their turn
 * on the lock and never fork the chain, and none is turned away to try again (issue 15). Inside a
 * transaction (a mutation's evidence commits with the mutation) the lock is held until it commits.
 */
export async function appendAuditEntries(db: Database, log: AuditLogName, entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
  return appendCheckedAuditEntries(db, log, validatedEntries(entries));
}

/** `appendAuditEntries` for entries already checked (`checkAuditEntry`): what `AuditWriter` appends. */
export async function appendCheckedAuditEntries(
  db: Database,
  log: AuditLogName,
  entries: readonly CheckedAuditEntry[],
): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  // Millisecond precision, as stored, so the time read back is exactly the time that was hashed.
  const recordedAt = new Date();
  const stored = await appendAuditEntriesUnderHeadLock(
    db,
    log,
    entries.map(({ requestId, payload }) => ({ recordedAt: recordedAt.toISOString(), requestId, payload: canonicalJson(payload) })),
  );
  if (stored.length !== entries.length) throw new Error(`audit append stored ${stored.length} of ${entries.length} entries`);
  return stored.map(({ sequence, previousHash, hash }, index) => ({
    log,
    sequence,
    recordedAt,
    requestId: entries[index]!.requestId,
    payload: entries[index]!.payload,
    previousHash,
    hash,
  }));
}

/** Appends one entry to `log` (see `appendAuditEntries`). */
export async function appendAuditEntry(db: Database, log: AuditLogName, entry: AuditEntryInput): Promise<AuditEntry> {
  const [stored] = await appendAuditEntries(db, log, [entry]);
  if (!stored) throw new Error('audit append returned no entry');
  return stored;
}

/**
 * What is wrong with the first bad entry of a chain. `checkpoint`: the retention checkpoint the
 * chain starts from was altered, does not lead to the first retained entry, or removed entries that
 * were not yet older than the retention it records.
 */
export type AuditProblem = 'altered' | 'removed' | 'reordered' | 'checkpoint';

/**
 * The outcome of checking one chain: intact, or the first bad entry by sequence.
 * `firstRetainedSequence` is there when entries were pruned for retention: where the chain starts.
 */
export type AuditVerification =
  | { readonly log: string; readonly entries: number; readonly intact: true; readonly firstRetainedSequence?: number }
  | {
      readonly log: string;
      readonly entries: number;
      readonly intact: false;
      readonly firstBadSequence: number;
      readonly problem: AuditProblem;
      readonly firstRetainedSequence?: number;
    };

// Entries are read in pages by sequence, so verifying a long log keeps memory flat.
const VERIFY_PAGE_SIZE = 1_000;

/** What a retention checkpoint says, without its own hash. */
export interface AuditCheckpointFacts {
  readonly log: string;
  readonly firstRetainedSequence: number;
  readonly previousHash: string;
  readonly newestRemovedAt: Date;
  readonly movedAt: Date;
  readonly retentionYears: number;
}

/**
 * SHA-256 over the canonical serialisation of a checkpoint's columns, so a checkpoint changed with
 * triggers disabled is found as an altered entry is. The leading tag keeps a checkpoint's hash from
 * ever being taken for an entry's.
 */
export function auditCheckpointHash(checkpoint: AuditCheckpointFacts): string {
  const canonical = canonicalJson([
    'checkpoint',
    checkpoint.log,
    checkpoint.firstRetainedSequence,
    checkpoint.previousHash,
    checkpoint.newestRemovedAt.toISOString(),
    checkpoint.movedAt.toISOString(),
    checkpoint.retentionYears,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Checks one log's chain from its first retained entry: sequence 1 and the genesis hash, or the
 * log's retention checkpoint once entries were pruned. Each entry's hash must match its contents,
 * link to the entry before it, and the sequence must have no gaps up to the head. The checkpoint
 * must be unaltered, lead to the first retained entry, and have removed only entries older than the
 * retention it records. Stops at the first bad entry.
 */
export async function verifyAuditLog(db: Database, log: string): Promise<AuditVerification> {
  const entries = await countAuditEntries(db, log);
  const head = await auditLogHeadRow(db, log);
  const headSequence = head?.lastSequence ?? 0;
  // With the cutoff the prune and the triggers use, from the database's one definition of it.
  const checkpoint = await auditCheckpointWithCutoff(db, log);
  const start = checkpoint?.firstRetainedSequence ?? 1;
  const retained = checkpoint ? { firstRetainedSequence: start } : {};
  const broken = (firstBadSequence: number, problem: AuditProblem): AuditVerification => ({
    log,
    entries,
    intact: false,
    firstBadSequence,
    problem,
    ...retained,
  });
  if (checkpoint && !(await checkpointHolds(db, checkpoint, headSequence))) return broken(start, 'checkpoint');
  let expected = start;
  let previousHash = checkpoint?.previousHash ?? GENESIS_HASH;
  for (;;) {
    const page = await auditEntriesFrom(db, log, expected, VERIFY_PAGE_SIZE);
    for (const row of page) {
      if (row.sequence !== expected) return broken(expected, 'removed');
      const recomputed = auditEntryHash({ ...row, payload: row.payload as AuditPayload });
      if (recomputed !== row.hash) return broken(expected, belongsElsewhere(row, headSequence) ? 'reordered' : 'altered');
      // A consistent entry that does not link to the one before: the one before was rewritten
      // (its hash recomputed), since this entry still holds its original hash. Before the first
      // retained entry there is only the checkpoint, so that is what was rewritten.
      if (row.previousHash !== previousHash)
        return checkpoint && expected === start ? broken(start, 'checkpoint') : broken(expected - 1, 'altered');
      previousHash = row.hash;
      expected += 1;
    }
    if (page.length < VERIFY_PAGE_SIZE) break;
  }
  const last = expected - 1;
  // Entries cut from the end leave the head ahead of the chain; a lost head hides nothing else.
  if (headSequence > last) return broken(last + 1, 'removed');
  if (!head && last > 0) return broken(last, 'removed');
  if (head && head.lastHash !== previousHash) return broken(last, 'altered');
  return { log, entries, intact: true, ...retained };
}

// A checkpoint holds when its hash matches its columns, it is no further than one past the head,
// and what it removed, and any entry still below it, is older than the retention it records. The
// entries it removed are gone, so their age is known only from what the checkpoint recorded when
// the database let it move; an entry still below it (moved without the deletes) shows its own.
async function checkpointHolds(
  db: Database,
  checkpoint: AuditCheckpointFacts & { readonly hash: string; readonly cutoff: Date },
  headSequence: number,
): Promise<boolean> {
  if (auditCheckpointHash(checkpoint) !== checkpoint.hash) return false;
  if (checkpoint.retentionYears < 1 || checkpoint.firstRetainedSequence > headSequence + 1) return false;
  if (checkpoint.newestRemovedAt.getTime() >= checkpoint.cutoff.getTime()) return false;
  const newestBelow = await newestAuditEntryBelow(db, checkpoint.log, checkpoint.firstRetainedSequence);
  return !newestBelow || newestBelow.getTime() < checkpoint.cutoff.getTime();
}

// An entry whose stored hash is right for another sequence number was moved, not changed. Only
// run once, at the first bad entry, so trying every sequence in the log is affordable.
function belongsElsewhere(row: AuditEntryRow, headSequence: number): boolean {
  const upTo = Math.max(headSequence, row.sequence) + 1;
  for (let sequence = 1; sequence <= upTo; sequence += 1) {
    if (sequence === row.sequence) continue;
    if (auditEntryHash({ ...row, sequence, payload: row.payload as AuditPayload }) === row.hash) return true;
  }
  return false;
}

/** Every log with a head or an entry in this database, by name. */
export async function listAuditLogs(db: Database): Promise<string[]> {
  return [...new Set((await auditLogNames(db)).map(({ log }) => log))].sort();
}

/** Verifies every chain in this database. */
export async function verifyAllAuditLogs(db: Database): Promise<AuditVerification[]> {
  const results: AuditVerification[] = [];
  for (const log of await listAuditLogs(db)) results.push(await verifyAuditLog(db, log));
  return results;
}
