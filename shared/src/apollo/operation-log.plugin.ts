import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context/request-context';
import type { Logger } from '../logging/logger';

/**
 * Logs one line per GraphQL operation: name, type, duration and error codes. Never the variables,
 * the document's literal values or the response: they can hold personal data.
 *
 * With `quietWhenAnswered` an operation answered without errors is logged at `debug` (`LOG_LEVEL=debug`
 * to see it), one that had errors at `info`. Subgraphs in production set it: a line per request in
 * every service was six synchronous writes per single offender view, a visible share of each
 * process's CPU under load (issue 15), while the gateway's own line (which carries the client's
 * request id beside the gateway's, issue 9 §5), the metrics and the audit trail cover each request.
 */
export function operationLogPlugin<Context extends RequestContext>(options: {
  readonly quietWhenAnswered: boolean;
  /** The service's logger (the request's is its child, at the same level): whether the line would be written at all. */
  readonly serviceLog: Pick<Logger, 'isLevelEnabled'>;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const errorCodes = (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const level = options.quietWhenAnswered && errorCodes.length === 0 ? 'debug' : 'info';
          // Asked of the service's logger: a subgraph's request logger is made only when a line is written (issue 15).
          if (!options.serviceLog.isLevelEnabled(level)) return;
          contextValue.log[level](
            { operationName: operationName ?? null, operationType: operation?.operation ?? null, durationMs, errorCodes },
            'graphql operation',
          );
        },
      };
    },
  };
}
