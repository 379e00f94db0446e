import type { Logger } from 'pino';

/** How long one kind of line stays quiet after it is written: later ones are counted, not written. */
export const DEFAULT_REPEAT_WINDOW_MS = 10_000;
// Kinds of line held at once. Past this, a new kind is written every time: memory stays bounded, and
// a line is never lost, only not suppressed. Keys are kinds of failure, never request data, so a few
// hundred cover every kind a service has.
const MAX_OPEN_KINDS = 1_000;

type Level = 'error' | 'warn';

interface OpenWindow {
  readonly level: Level;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
  suppressed: number;
  /** The logger of the latest line counted: its request id goes on the summary. */
  last: Logger;
  readonly timer: NodeJS.Timeout;
}

/**
 * Rate-limits repeated identical log lines (issue 15): while a database is down, every refused request
 * would write the same error line (6,000 lines in a short outage, hiding everything else). The first
 * line of a kind (its message and fields, which name kinds of failure only, never request data) is
 * written at once, with its request id; identical lines in the next `windowMs` are counted; when the
 * window closes, one summary line says how many were suppressed ("N similar suppressed"), with the
 * request id of the last of them. pino has no such feature built in, and the pino transports that
 * deduplicate work on the serialised line, where the request id makes every line distinct.
 */
export class RepeatedLogSuppressor {
  private readonly open = new Map<string, OpenWindow>();

  constructor(private readonly windowMs: number = DEFAULT_REPEAT_WINDOW_MS) {}

  /**
   * Writes `message` at `level` with `fields`, unless an identical line (same level, message and
   * fields) was written within the window. `detail` goes on the line but does not make it another kind
   * (a wait in milliseconds that differs from request to request).
   */
  write(
    log: Logger,
    level: Level,
    fields: Readonly<Record<string, unknown>>,
    message: string,
    detail: Readonly<Record<string, unknown>> = {},
  ): void {
    const key = `${level} ${message} ${JSON.stringify(fields)}`;
    const window = this.open.get(key);
    if (window) {
      window.suppressed += 1;
      window.last = log;
      return;
    }
    log[level]({ ...fields, ...detail }, message);
    if (this.open.size >= MAX_OPEN_KINDS) return;
    const timer = setTimeout(() => this.close(key), this.windowMs);
    // A window never keeps a stopping process alive; `flush` writes what is open.
    timer.unref();
    this.open.set(key, { level, message, fields, suppressed: 0, last: log, timer });
  }

  /** Closes every open window now, writing its summary (a service stopping, or a test). */
  flush(): void {
    for (const key of [...this.open.keys()]) this.close(key);
  }

  private close(key: string): void {
    const window = this.open.get(key);
    if (!window) return;
    this.open.delete(key);
    clearTimeout(window.timer);
    if (window.suppressed === 0) return;
    window.last[window.level](
      { ...window.fields, suppressed: window.suppressed, windowMs: this.windowMs },
      `${window.message} (${window.suppressed} similar suppressed)`,
    );
  }
}

/** The process's one suppressor for the lines a failing dependency repeats per request. */
export const repeatedLogs = new RepeatedLogSuppressor();
