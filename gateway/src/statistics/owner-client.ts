import { AsyncLocalStorage } from 'node:async_hooks';
import { ASSERTION_HEADER, observedSubgraphCall, REQUEST_ID_HEADER, UpstreamUnavailableError } from '@mappa/shared';
import type { Caller, GatewayAssertionSigner, SubgraphCallObserver } from '@mappa/shared';
import type { RequestDeadline } from '../datasource/request-deadline';
import type { StatisticsOwner } from './statistics-dimensions';

/** Every owner the statistics service may ask: the ad-hoc dimensions' owners, and the prison for its KPI (MAPPA F). */
export type AskedOwner = StatisticsOwner | 'prison';

/** Where each owner's subgraph is, as the gateway is configured. */
export type OwnerUrls = Readonly<Partial<Record<AskedOwner, string>>>;

/**
 * Asks one owner for its part of a statistic: one document, one POST, with an assertion addressed to
 * that owner alone and bound to the body (issue 9 §4), vouching for the caller as the caller (the owner
 * enforces its own policies and area scope on them). An owner that cannot answer makes the statistic
 * unavailable: a table with one agency's part missing would be wrong, not partial.
 */
export class OwnerClient {
  /** The deadline of the gateway request whose statistics are being asked for (`withDeadline`). */
  private readonly deadlines = new AsyncLocalStorage<RequestDeadline>();

  constructor(
    private readonly urls: OwnerUrls,
    private readonly timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
    private readonly metrics?: SubgraphCallObserver,
  ) {}

  /**
   * Runs `work` (the statistics part of one gateway request) with that request's one deadline (issue
   * 15): every owner asked within it waits at most `SUBGRAPH_TIMEOUT_MS` and never past the time the
   * deadline leaves for subgraph calls, and an owner whose time is already spent is not asked.
   * Without a deadline (a direct call, outside a request) each call keeps its own bound.
   */
  withDeadline<T>(deadline: RequestDeadline, work: () => Promise<T>): Promise<T> {
    return this.deadlines.run(deadline, work);
  }

  /** The `field` of the owner's answer to `query`, or null when the owner answered it with nothing. */
  async ask<Answer>(
    owner: AskedOwner,
    query: string,
    variables: Record<string, unknown>,
    field: string,
    caller: Caller,
    requestId: string,
  ): Promise<Answer | null> {
    const answers = await this.askEach<Record<string, Answer>>(owner, query, variables, [field], caller, requestId);
    return answers === null ? null : answers[field]!;
  }

  /**
   * Each of `fields` of the owner's answer to `query` (one document asking several of its statistics
   * fields, so that the owner is still asked once), or null when the owner answered any of them with nothing.
   */
  async askEach<Answers extends Record<string, unknown>>(
    owner: AskedOwner,
    query: string,
    variables: Record<string, unknown>,
    fields: readonly string[],
    caller: Caller,
    requestId: string,
  ): Promise<Answers | null> {
    const url = this.urls[owner];
    if (url === undefined) throw new UpstreamUnavailableError(owner);
    const body = JSON.stringify({ query, variables });
    const deadline = this.deadlines.getStore();
    // Traced and counted as every gateway-to-subgraph call is (a client span `POST <owner>`, whose
    // `traceparent` the owner continues; `mappa_subgraph_fetches_total`).
    const answer = await observedSubgraphCall(
      owner,
      this.metrics,
      async (traceHeaders, result) => {
        // The request's deadline already spent (an earlier step waited it out): the owner is not asked.
        if (deadline && deadline.fetchTimeLeftMs() === 0) {
          result('timeout');
          throw new UpstreamUnavailableError(owner);
        }
        const { signal, waitMs } = deadline
          ? deadline.fetchSignal(this.timeoutMs)
          : { signal: AbortSignal.timeout(this.timeoutMs), waitMs: this.timeoutMs };
        // The owner is told how long it is waited for (signed), and stops its own work by then (issue 15).
        const assertion = await this.signer.sign(
          owner,
          { principal: caller.principal, declaredPurpose: caller.declaredPurpose },
          requestId,
          body,
          waitMs,
        );
        let answered = false;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...traceHeaders, [REQUEST_ID_HEADER]: requestId, [ASSERTION_HEADER]: assertion },
            body,
            signal,
          });
          answered = true;
          result(response.ok ? 'ok' : 'unavailable', response.status);
          if (!response.ok) throw new UpstreamUnavailableError(owner);
          // The body is read under the same signal: an owner that stalls mid-answer is cut at the deadline too.
          return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
        } catch (error: unknown) {
          if (error instanceof UpstreamUnavailableError) throw error;
          result(signal.aborted ? 'timeout' : answered ? 'error' : 'unreachable');
          throw new UpstreamUnavailableError(owner);
        }
      },
      { 'mappa.call': `statistics ${fields.join(' ')}` },
    );
    const values = fields.map((field) => answer.data?.[field]);
    // The owner's own refusal (its policy or area scope) is its answer: nothing. Anything else amiss is a failure.
    if (values.some((value) => value === undefined)) throw new UpstreamUnavailableError(owner);
    if (values.some((value) => value === null)) return null;
    if (answer.errors && answer.errors.length > 0) throw new UpstreamUnavailableError(owner);
    return Object.fromEntries(fields.map((field, index) => [field, values[index]])) as Answers;
  }
}
