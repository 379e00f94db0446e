import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind } from 'graphql';
import { BadUserInputError } from '../errors/bad-user-input.error';

/**
 * Refuses a document whose operation cannot be picked (an `operationName` the document does not
 * hold, several operations and no `operationName`, or none at all) as BAD_USER_INPUT naming
 * `operationName`, with HTTP 400, before anything runs. Without it the gateway's executor threw
 * federation's uncoded INVALID_GRAPHQL: INTERNAL_SERVER_ERROR with HTTP 500 (issue 9 §6).
 */
export function operationResolutionPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
          const message =
            request.operationName != null
              ? 'operationName names no operation in the document.'
              : operations === 0
                ? 'The document holds no operation.'
                : 'The document holds several operations: operationName must name one.';
          throw new BadUserInputError(message, [{ path: 'operationName', message }], { wholeRequest: true });
        },
      };
    },
  };
}
