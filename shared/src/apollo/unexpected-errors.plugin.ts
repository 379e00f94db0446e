import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { CLIENT_ERROR_CODES } from '../errors/error-codes';
import { errorCauseOf } from '../logging/error-cause';
import { repeatedLogs } from '../logging/repeated-logs';

const clientCodes = new Set<string>(CLIENT_ERROR_CODES);

/** True for an error a client is meant to see as it is: one with a client-facing code. */
function isExpected(error: GraphQLError): boolean {
  const code = error.extensions.code;
  return typeof code === 'string' && clientCodes.has(code);
}

/**
 * Logs the cause of every unexpected error (one without a client-facing code) at error level, with
 * the request id (issue 15): in production the client sees only "Internal server error", so without
 * this line nobody could find out what failed. The cause is logged without a value from the request:
 * error classes, masked messages, SQLSTATE and the failing statement's text with placeholders, stack
 * frames (`errorCauseOf`). An error a subgraph relayed is logged at warning level with the subgraph's
 * name: that subgraph logged the cause under the same request id.
 *
 * A subgraph's database out of time or unreachable (`isDatabaseUnavailable`) is answered as
 * UPSTREAM_UNAVAILABLE (format-error.ts) and is not a fault in the service: it is logged at warning level
 * as "database unavailable or out of time", with its cause, so that an operator's alert on "unexpected
 * error" stays about faults and a slow or absent database has a line of its own.
 *
 * Both go through the repeated-log suppressor (`repeatedLogs`): during an outage every request fails
 * alike, and one line per request would bury everything else. A kind of line is its cause (or the
 * subgraph that relayed it); the first is written at once with its request id, operation and path,
 * identical ones within the window are counted and summarised ("… (N similar suppressed)", with the
 * request id of the last). The operation name and path are details: they do not make a new kind.
 */
export function unexpectedErrorsPlugin<Context extends RequestContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpected(error)) continue;
            const path = error.path ?? null;
            const serviceName = error.extensions.serviceName;
            const detail = { operationName: operationName ?? null, path };
            if (typeof serviceName === 'string') {
              repeatedLogs.write(contextValue.log, 'warn', { subgraph: serviceName }, 'a subgraph reported an unexpected error', detail);
              continue;
            }
            if (isDatabaseUnavailable(error)) {
              repeatedLogs.write(contextValue.log, 'warn', { cause: errorCauseOf(error) }, 'database unavailable or out of time', detail);
              continue;
            }
            repeatedLogs.write(contextValue.log, 'error', { cause: errorCauseOf(error) }, 'unexpected error', detail);
          }
        },
      };
    },
  };
}
