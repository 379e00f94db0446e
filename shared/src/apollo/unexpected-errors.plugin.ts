import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { CLIENT_ERROR_CODES } from '../errors/error-codes';
import { errorCauseOf } from '../logging/error-cause';

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
            if (typeof serviceName === 'string') {
              contextValue.log.warn(
                { operationName: operationName ?? null, path, subgraph: serviceName },
                'a subgraph reported an unexpected error',
              );
              continue;
            }
            contextValue.log.error({ operationName: operationName ?? null, path, cause: errorCauseOf(error) }, 'unexpected error');
          }
        },
      };
    },
  };
}
