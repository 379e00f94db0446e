import type { ApolloServerPlugin } from '@apollo/server';
import type { AccessContext } from './access-decisions';
import { rememberedDeniedSelections } from './denied-selections';

/**
 * Finds the denied fields from the operation once it is resolved, and adds one FORBIDDEN error per
 * denied field path to the response. `onDenied` hears how many denied fields an operation asked for:
 * behind the gateway, which removes what a caller can never see, it should hear nothing but zeros.
 */
export function accessErrorsPlugin<Context extends AccessContext>(
  onDenied: (count: number) => void = () => undefined,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          const denied = rememberedDeniedSelections(schema, document, operation, (name) => contextValue.access.deniesPolicyNamed(name));
          contextValue.access.recordDeniedSelections(denied);
          onDenied(denied.length);
        },
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
