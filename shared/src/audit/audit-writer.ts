import type { Database } from '../db/database';
import { appendCheckedAuditEntries, checkAuditEntry, isAuditRequestId } from './audit-log';
import type { AuditEntryInput, CheckedAuditEntry } from './audit-log';
import type { AuditLogName } from './audit-payload';
import type { ServiceMetrics } from '../metrics/metrics';
import { inSpan } from '../tracing/tracing';

/** What the writer reports to the service's metrics (issue 15). */
export type AuditObserver = Pick<ServiceMetrics, 'auditAppended' | 'auditBatchCommitted' | 'auditFailed'>;

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

// Enough for any burst a service sees, small enough that one statement stays short.
const MAX_BATCH = 200;
/**
 * The most entries that may wait for their commit (issue 15). While the database hangs, entries would
 * otherwise pile up without limit, each holding a request (and its answer) in memory; past this bound
 * a new entry is refused at once, so its request answers AUDIT_UNAVAILABLE (fail closed) instead of
 * waiting. Fifty full batches: far above any burst a healthy database leaves waiting.
 */
export const DEFAULT_AUDIT_QUEUE_LIMIT = 10_000;

/** The audit writer's queue is full (the database is not keeping up): the entry was refused, not queued. */
export class AuditQueueFullError extends Error {
  override readonly name = 'AuditQueueFullError';
}
/**
 * The request's deadline passed before its entry was committed (issue 15): its answer is withheld. An
 * entry still waiting in the queue is taken out, so it is never recorded; one already in the batch
 * being written may still commit (the log then holds an entry for an answer withheld, never the
 * reverse).
 */
export class AuditDeadlineError extends Error {
  override readonly name = 'AuditDeadlineError';
}

interface Pending {
  readonly entry: CheckedAuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes one service's audit entries to its log, committing concurrent requests' entries together
 * (group commit): while one append is in flight, new entries queue, and the next append takes all
 * of them. Each `append` resolves only once its entry is committed, so a caller that waits for it
 * never returns data before the evidence of it exists. A batch is one statement
 * (`appendCheckedAuditEntries`) that waits its turn on the log's head row lock, so other writers to
 * the same log (replicas, a mutation's evidence) delay it but never turn it away (issue 15). Each
 * entry is checked against the audit schema once, when handed over.
 */
export class AuditWriter {
  private readonly queue: Pending[] = [];
  private flushing = false;
  private drained: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    readonly log: AuditLogName,
    private readonly queueLimit: number = DEFAULT_AUDIT_QUEUE_LIMIT,
    private readonly observer?: AuditObserver,
  ) {}

  /** Entries handed over and not yet committed or refused. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Resolves once every entry handed over so far is committed or refused: a stopping service waits
   * for it before it closes its database, so no answered request loses its entry.
   */
  drain(): Promise<void> {
    if (!this.flushing && this.queue.length === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.drained.push(resolve));
  }

  /**
   * Appends one entry; resolves when it is committed, rejects when it cannot be. A request id or a
   * payload that breaks the audit schema is refused at once, so it can never fail other requests' batch.
   * With a `signal` (the request's deadline), the wait ends when it aborts (`AuditDeadlineError`).
   */
  append(entry: AuditEntryInput, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    if (!isAuditRequestId(entry.requestId)) return this.refuse('refused_entry', new Error('audit request id refused'));
    const result = checkAuditEntry(entry);
    if ('refused' in result) return this.refuse('refused_entry', new Error(result.refused));
    if (this.queue.length >= this.queueLimit)
      return this.refuse('queue_full', new AuditQueueFullError(`more than ${this.queueLimit} audit entries are waiting to be committed`));
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new AuditDeadlineError("the request's deadline passed before its audit entry was handed over"));
    const started = process.hrtime.bigint();
    // The request's wait for its entry's commit, as a span of its trace and a latency sample.
    return inSpan('audit.append', { 'mappa.audit.log': this.log }, async () => {
      await new Promise<void>((resolve, reject) => {
        const pending: Pending = { entry: result.checked, resolve, reject };
        if (signal) {
          const onAbort = (): void => {
            const waiting = this.queue.indexOf(pending);
            if (waiting >= 0) this.queue.splice(waiting, 1);
            reject(
              new AuditDeadlineError(
                waiting >= 0
                  ? "the request's deadline passed with its audit entry still queued (not recorded)"
                  : "the request's deadline passed while its audit entry was being written",
              ),
            );
          };
          signal.addEventListener('abort', onAbort, { once: true });
          pending.resolve = () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          };
          pending.reject = (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          };
        }
        this.queue.push(pending);
        if (!this.flushing) void this.flush();
      });
      this.observer?.auditAppended(this.log, Number(process.hrtime.bigint() - started) / 1e9);
    });
  }

  private refuse(reason: 'queue_full' | 'refused_entry', error: Error): Promise<void> {
    this.observer?.auditFailed(this.log, reason);
    return Promise.reject(error);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await inSpan('audit.commit', { 'mappa.audit.log': this.log, 'mappa.audit.batch_size': batch.length }, () =>
            appendCheckedAuditEntries(
              this.db,
              this.log,
              batch.map(({ entry }) => entry),
            ),
          );
          this.observer?.auditBatchCommitted(this.log, batch.length);
          for (const pending of batch) pending.resolve();
        } catch (error: unknown) {
          this.observer?.auditFailed(this.log, 'commit_failed', batch.length);
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = false;
      for (const resolve of this.drained.splice(0)) resolve();
    }
  }
}
