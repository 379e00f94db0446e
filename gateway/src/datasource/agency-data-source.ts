import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { ASSERTION_HEADER, CLIENT_ERROR_CODES, REQUEST_ID_HEADER } from '@mappa/shared';
import type { GatewayAssertionSigner, Logger } from '@mappa/shared';
import type { GatewayContext } from '../context/gateway-context';
import { unavailableResponse } from './unavailable-response';

/** A subgraph did not answer in time, refused the connection, or its host said it is down. */
export class SubgraphUnreachableError extends Error {
  override readonly name = 'SubgraphUnreachableError';
}

/** Status codes that mean "the service is not there", as opposed to an answer we should pass on. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

/**
 * The owner's own coded refusal of the caller's input, when a subgraph answered HTTP 400: a value
 * the gateway passes on unparsed (a custom scalar such as `DateTimeISO`) is refused by the owner
 * before execution, and the caller must see that BAD_USER_INPUT naming the argument, not the
 * gateway's uncoded "400: Bad Request" (INTERNAL_SERVER_ERROR in production, issue 9 §6).
 */
function refusedInput(error: unknown): GraphQLFormattedError[] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const response = error.extensions.response as { status?: unknown; body?: unknown } | undefined;
  if (response?.status !== 400 || typeof response.body !== 'object' || response.body === null) return undefined;
  const errors = (response.body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const coded = errors.every((entry: unknown) => {
    const code = (entry as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof (entry as { message?: unknown } | null)?.message === 'string' && typeof code === 'string' && clientCodes.has(code);
  });
  return coded ? (errors as GraphQLFormattedError[]) : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * The gateway's connection to one agency's subgraph. Each request carries the request id, is
 * bounded by a per-subgraph timeout, and when the agency is unreachable the operation still
 * answers with every other agency's data plus an UPSTREAM_UNAVAILABLE error at each missing path.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
    timeoutMs: number,
    private readonly signer: GatewayAssertionSigner,
    private readonly log: Logger,
  ) {
    super({ url, fetcher: timeoutFetcher(agency, timeoutMs) });
  }

  /**
   * Each call carries a fresh assertion addressed to this agency alone (so it cannot be replayed
   * to another), vouching for the caller and purpose. Nothing else from the client is forwarded.
   */
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(ASSERTION_HEADER, await this.signer.sign(this.agency, context.caller, context.requestId));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error: unknown) {
      const refused = refusedInput(error);
      if (refused) return { errors: refused };
      if (!(error instanceof SubgraphUnreachableError) && !isAbort(error)) throw error;
      // Log the agency and the kind of failure only: never the request, its variables or a body.
      (options.context.log ?? this.log).warn({ agency: this.agency, reason: error instanceof Error ? error.message : 'unknown' }, 'subgraph unavailable');
      return unavailableResponse(this.agency, options);
    }
  }
}

function timeoutFetcher(agency: string, timeoutMs: number): Fetcher {
  const fetcher = async (url: string, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error: unknown) {
      throw new SubgraphUnreachableError(isAbort(error) ? `no answer from ${agency} within ${timeoutMs} ms` : `cannot connect to ${agency}`);
    }
    if (UNAVAILABLE_STATUSES.has(response.status)) throw new SubgraphUnreachableError(`${agency} answered HTTP ${response.status}`);
    return response;
  };
  // Node's fetch and the gateway's Fetcher describe the same WHATWG API with separately declared types.
  return fetcher as unknown as Fetcher;
}
