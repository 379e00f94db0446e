import type { Caller } from '../auth/caller';
import type { Database } from '../db/database';
import { AuditUnavailableError } from '../errors/audit-unavailable.error';
import type { Logger } from '../logging/logger';
import { auditCallerOf, auditOperationName, elapsedMs } from './audit-entry';
import { appendAuditEntries, auditValueHash } from './audit-log';
import type { AuditLogName } from './audit-payload';
import type { AuditMode } from './audit-writer';

/** One field a mutation changed, with its old and new values (hashed before they reach the audit). */
export interface AuditedChange {
  /** The record, as `<Type>:<id>` (ids only). */
  readonly record: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * The fields of `record` that differ between `before` (null for a record just created) and `after`,
 * as changes for `RequestAudit.recordChanges`: only what changed, with both values to be hashed.
 */
export function changedFields<Row extends object>(
  record: string,
  before: Row | null,
  after: Row,
  fields: readonly (keyof Row & string)[],
): AuditedChange[] {
  return fields.flatMap((field) => {
    const oldValue = before ? before[field] : null;
    const newValue = after[field];
    return comparable(oldValue) === comparable(newValue) ? [] : [{ record, field, oldValue, newValue }];
  });
}

/**
 * One request's part of its owner's audit trail, beyond what the response itself shows: the
 * subjects a resolver looked at that the response does not name (an audit query's subject), and
 * the changes a mutation made. Created per request in the context function.
 */
export class RequestAudit {
  private readonly extraSubjects = new Set<string>();
  private operation: { readonly name: string | null; readonly documentHash: string | null } = { name: null, documentHash: null };
  private changeEntries = 0;
  readonly started = process.hrtime.bigint();

  constructor(
    readonly log: AuditLogName,
    readonly mode: AuditMode,
    private readonly caller: Caller,
    private readonly requestId: string,
    /** The request's logger, made when first asked for (most requests never log). */
    private readonly logger: () => Logger,
  ) {}

  /** Records that this request touched the subject with this PNC ID. */
  addSubject(pncId: string): void {
    this.extraSubjects.add(pncId);
  }

  /** The subjects resolvers recorded, in the order first recorded. */
  subjects(): readonly string[] {
    return [...this.extraSubjects];
  }

  /** Names the operation being served (set once it is resolved), for the entries written during it. */
  describeOperation(name: string | null, documentHash: string | null): void {
    this.operation = { name, documentHash };
  }

  /**
   * True once a change's entry was written in its mutation's transaction. Whether that transaction then
   * committed shows in the answer: a mutation whose transaction failed answers its field with an error.
   */
  changesCommittedWith(): boolean {
    return this.changeEntries > 0;
  }

  /**
   * Writes the evidence of a mutation's changes in the mutation's own transaction `tx`: the change
   * and its audit entry commit together or not at all, so no change is ever without its record.
   * Values are hashed (`auditValueHash`), never stored. If the entry cannot be written, the
   * transaction fails with AUDIT_UNAVAILABLE and the change is rolled back.
   */
  async recordChanges(tx: Database, subjects: readonly string[], changes: readonly AuditedChange[]): Promise<void> {
    if (this.mode === 'off') return;
    try {
      await appendAuditEntries(tx, this.log, [
        {
          requestId: this.requestId,
          payload: {
            ...auditCallerOf(this.caller),
            operationName: auditOperationName(this.operation.name),
            documentHash: this.operation.documentHash,
            subjects: [...subjects],
            fields: [],
            changes: changes.map(({ record, field, oldValue, newValue }) => ({
              record,
              field,
              oldValueHash: auditValueHash(record, field, oldValue),
              newValueHash: auditValueHash(record, field, newValue),
            })),
            outcome: 'ALLOWED',
            errorCodes: [],
            durationMs: elapsedMs(this.started),
          },
        },
      ]);
      this.changeEntries += 1;
    } catch (error: unknown) {
      // The kind of failure only: never the entry, which names subjects and fields.
      this.logger().error(
        { log: this.log, reason: error instanceof Error ? error.name : 'unknown' },
        'audit entry for a change could not be written; change refused',
      );
      throw new AuditUnavailableError();
    }
  }
}
