import { ASSERTION_HEADER, REQUEST_ID_HEADER, UpstreamUnavailableError } from '@mappa/shared';
import type { Caller, GatewayAssertionSigner } from '@mappa/shared';
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
  constructor(
    private readonly urls: OwnerUrls,
    private readonly timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
  ) {}

  /** The `field` of the owner's answer to `query`, or null when the owner answered it with nothing. */
  async ask<Answer>(
    owner: AskedOwner,
    query: string,
    variables: Record<string, unknown>,
    field: string,
    caller: Caller,
    requestId: string,
  ): Promise<Answer | null> {
    const url = this.urls[owner];
    if (url === undefined) throw new UpstreamUnavailableError(owner);
    const body = JSON.stringify({ query, variables });
    const assertion = await this.signer.sign(
      owner,
      { principal: caller.principal, declaredPurpose: caller.declaredPurpose },
      requestId,
      body,
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId, [ASSERTION_HEADER]: assertion },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new UpstreamUnavailableError(owner);
    }
    if (!response.ok) throw new UpstreamUnavailableError(owner);
    const answer = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    const value = answer.data?.[field];
    // The owner's own refusal (its policy or area scope) is its answer: nothing. Anything else amiss is a failure.
    if (value === undefined || (value !== null && answer.errors && answer.errors.length > 0)) throw new UpstreamUnavailableError(owner);
    return value as Answer | null;
  }
}
