import type { AuditPayloadInput, AuditWriter, Logger } from '@mappa/shared';

// Open windows held at once; past this, further sources share one window, so a flood from many
// addresses costs bounded memory and at most one more entry per window.
const MAX_OPEN_WINDOWS = 10_000;
const OVERFLOW_KEY = 'overflow';

interface OpenWindow {
  readonly requestId: string;
  readonly payload: AuditPayloadInput;
  readonly startedAt: Date;
  count: number;
  readonly timer: NodeJS.Timeout;
}

/**
 * Refusals before authentication, and rate-limit refusals, are recorded once per window (issue 9
 * §1): a burst of N refused requests of one kind from one source leaves one gateway audit entry
 * with `refusals.count` N, not N entries, so nobody can flood the audit log without a token. The
 * entry describes the window's first request (its request id, operation name and document hash)
 * and is written when the window closes, or when the gateway stops. Nothing was served to any of
 * these requests, so writing later withholds nothing.
 *
 * Windows are kept per gateway replica: several replicas each write at most one entry per source
 * and window, still bounded.
 */
export class RefusalAudit {
  private readonly windows = new Map<string, OpenWindow>();

  constructor(
    private readonly writer: AuditWriter,
    private readonly windowMs: number,
    private readonly log: Logger,
  ) {}

  /** Counts one refusal of kind `key`; the first of a window gives the entry its content. */
  record(key: string, requestId: string, payload: AuditPayloadInput): void {
    const windowKey = this.windows.has(key) || this.windows.size < MAX_OPEN_WINDOWS ? key : OVERFLOW_KEY;
    const open = this.windows.get(windowKey);
    if (open) {
      open.count += 1;
      return;
    }
    const timer = setTimeout(() => void this.close(windowKey), this.windowMs);
    // An open window never keeps the process alive; `flush` writes what is open when the gateway stops.
    timer.unref();
    this.windows.set(windowKey, { requestId, payload, startedAt: new Date(), count: 1, timer });
  }

  /** Writes every open window's entry now (the gateway is stopping). */
  async flush(): Promise<void> {
    await Promise.all([...this.windows.keys()].map((key) => this.close(key)));
  }

  private async close(key: string): Promise<void> {
    const open = this.windows.get(key);
    if (!open) return;
    this.windows.delete(key);
    clearTimeout(open.timer);
    try {
      await this.writer.append({
        requestId: open.requestId,
        payload: {
          ...open.payload,
          refusals: { count: open.count, windowStartedAt: open.startedAt.toISOString(), windowMs: this.windowMs },
        },
      });
    } catch (error: unknown) {
      // The refusals stand whether or not their entry is written; the log says it was not.
      this.log.error(
        { log: this.writer.log, refusals: open.count, reason: error instanceof Error ? error.name : 'unknown' },
        'audit entry for refused requests could not be written',
      );
    }
  }
}
