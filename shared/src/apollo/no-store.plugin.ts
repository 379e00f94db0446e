import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Marks every GraphQL answer `cache-control: no-store`, in place of Apollo's cache-control plugin
 * (issue 15). A subgraph's schema has no cache hints (no `@cacheControl` in any subgraph schema or
 * the supergraph, and no resolver sets one), so Apollo's plugin could only ever compute "max-age 0"
 * and answer `no-store`; it did so by wrapping every field resolver (`willResolveField`), about 1% of
 * a subgraph's CPU per request. This answers the same header on the same answers (those that went
 * through the request pipeline) without touching a resolver. The gateway reads the header as Apollo's
 * data source does (`cacheHintOf`): `no-store` is max-age 0, so its own policy is unchanged.
 */
export function noStorePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
