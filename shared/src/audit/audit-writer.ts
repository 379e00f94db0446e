import type { Database } from '../db/database';
import { appendAuditEntries } from './audit-log';
import type { AuditEntryInput } from './audit-log';
import { auditPayloadSchema } from './audit-payload';
import type { AuditLogName } from './audit-payload';

/**
 * Whether a service records its audit trail: `'recorded'` (the default, and the only mode the
 * product runs in) or `'off'`.
 *
 * BENCHMARK ONLY: `'off'` exists so that `npm run bench` can measure what the audit trail costs, as a
 * ratio against the same stack recording it, in one run. Like `AuthorizationMode` it is a
 * programmatic option only: no environment variable or config file can set it, and a service
 * started with it logs a warning.
 */
export type AuditMode = 'recorded' | 'off';

// Enough for any burst a service sees, small enough that one transaction stays short.
const MAX_BATCH = 200;

interface Pending {
  readonly entry: AuditEntryInput;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes one service's audit entries to its log, committing concurrent requests' entries together
 * (group commit): while one transaction is in flight, new entries queue, and the next transaction
 * takes all of them. Each `append` resolves only once its entry is committed, so a caller that
 * waits for it never returns data before the evidence of it exists; under load the per-log lock is
 * taken once per batch instead of once per request.
 */
export class AuditWriter {
  private readonly queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    readonly log: AuditLogName,
  ) {}

  /**
   * Appends one entry; resolves when it is committed, rejects when it cannot be. A payload that
   * breaks the audit schema is refused at once, so it can never fail other requests' batch.
   */
  append(entry: AuditEntryInput): Promise<void> {
    const parsed = auditPayloadSchema.safeParse(entry.payload);
    if (!parsed.success) return Promise.reject(new Error(`audit payload refused: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await appendAuditEntries(this.db, this.log, batch.map(({ entry }) => entry));
          for (const pending of batch) pending.resolve();
        } catch (error: unknown) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
