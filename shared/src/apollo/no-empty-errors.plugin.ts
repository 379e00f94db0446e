import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Drops an empty `errors` list from every answer: the GraphQL spec says `errors`, when present, is
 * a non-empty list, and some clients read any `errors` key as a failure (issue 9 §5). Installed last,
 * after every plugin that adds errors.
 */
export function noEmptyErrorsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length === 0) delete result.errors;
        },
      };
    },
  };
}
