import type { ApolloServerPlugin } from '@apollo/server';
import type { AccessContext } from './access-decisions';

/** Adds one FORBIDDEN error per denied field path to the response, after execution. */
export function accessErrorsPlugin<Context extends AccessContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const denied = contextValue.access.errors();
          if (denied.length === 0) return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...denied];
        },
      };
    },
  };
}
