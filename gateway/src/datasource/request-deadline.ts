/** How long one request may take, from its arrival to its answer, unless configured (`REQUEST_DEADLINE_MS`). */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;

// The share of a request's deadline kept for its audit commit, which comes last: every subgraph wait
// ends this long before the deadline, so a request whose agency hangs still has time to record what it
// answers. A quarter of the deadline, at most two seconds (a healthy commit takes milliseconds).
const MAX_AUDIT_SHARE_MS = 2_000;

/**
 * One deadline per request (issue 15), set when the request arrives and shared by every step it waits
 * on: the case-grant and relationship look-ups, each subgraph fetch and the gateway's audit commit.
 * Each step waits at most its own bound (`SUBGRAPH_TIMEOUT_MS`) and never past the deadline, so a
 * request whose MAPPA unit hangs waits one deadline in all, not a timeout per step (the look-up, then
 * the fetch). When the deadline passes, the request answers with what it has and coded errors for the
 * rest (UPSTREAM_UNAVAILABLE at each path not filled; AUDIT_UNAVAILABLE if its entry could not be
 * committed in time).
 */
export class RequestDeadline {
  private readonly endsAt: number;
  private readonly fetchesEndAt: number;

  constructor(
    /** The whole budget, in milliseconds. */
    readonly budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.endsAt = now() + budgetMs;
    this.fetchesEndAt = this.endsAt - Math.min(MAX_AUDIT_SHARE_MS, Math.floor(budgetMs / 4));
  }

  /** Milliseconds left for subgraph calls (the audit's share kept back); 0 once they must stop. */
  fetchTimeLeftMs(): number {
    return Math.max(0, Math.floor(this.fetchesEndAt - this.now()));
  }

  /** Milliseconds left before the answer is due. */
  timeLeftMs(): number {
    return Math.max(0, Math.floor(this.endsAt - this.now()));
  }

  /** For one subgraph call: aborts after `capMs` (the per-call bound) or when the time for calls runs out, whichever is first. */
  fetchSignal(capMs: number): { readonly signal: AbortSignal; readonly waitMs: number } {
    const waitMs = Math.min(capMs, this.fetchTimeLeftMs());
    return { signal: AbortSignal.timeout(waitMs), waitMs };
  }

  /**
   * For one subgraph call on undici (the data source): like `fetchSignal`, but on a timer the caller
   * clears when the call ends. `AbortSignal.timeout` made a transferable signal per call (a measurable
   * share of the gateway's CPU) and left its timer running after an answer.
   */
  callTimer(capMs: number): { readonly signal: AbortSignal; readonly waitMs: number; readonly clear: () => void } {
    const waitMs = Math.min(capMs, this.fetchTimeLeftMs());
    const controller = new AbortController();
    // The reason is named like `AbortSignal.timeout`'s, so every caller tells a timeout the same way.
    const timer = setTimeout(() => controller.abort(new DOMException('The call timed out.', 'TimeoutError')), waitMs);
    return { signal: controller.signal, waitMs, clear: () => clearTimeout(timer) };
  }

  /**
   * For a look-up made before planning (case grants, purpose evidence, case relationships): at most half
   * the time left for calls, so a hung holder still leaves the fetches time to bring every other
   * agency's part of the answer.
   */
  lookupSignal(capMs: number): { readonly signal: AbortSignal; readonly waitMs: number } {
    return this.fetchSignal(Math.min(capMs, Math.floor(this.fetchTimeLeftMs() / 2)));
  }

  /** For the audit commit: aborts at the deadline itself. */
  auditSignal(): AbortSignal {
    return AbortSignal.timeout(this.timeLeftMs());
  }
}
