import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context/request-context';

/**
 * Logs one line per GraphQL operation: name, type, duration and error codes. Never the variables,
 * the document's literal values or the response: they can hold personal data.
 */
export function operationLogPlugin<Context extends RequestContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const errorCodes = (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          contextValue.log.info(
            { operationName: operationName ?? null, operationType: operation?.operation ?? null, durationMs, errorCodes },
            'graphql operation',
          );
        },
      };
    },
  };
}
