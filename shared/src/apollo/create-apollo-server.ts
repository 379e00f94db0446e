import { ApolloServer } from '@apollo/server';
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from '../errors/format-error';
import type { Logger } from '../logging/logger';
import type { RequestContext } from '../context/request-context';
import { noEmptyErrorsPlugin } from './no-empty-errors.plugin';
import { noStorePlugin } from './no-store.plugin';
import { operationResolutionPlugin } from './operation-resolution.plugin';
import { operationLogPlugin } from './operation-log.plugin';
import { requestObservationPlugin } from './request-observation.plugin';
import type { OperationLabeller } from './request-observation.plugin';
import { OTHER_OPERATION } from '../metrics/metrics';
import { unexpectedErrorsPlugin } from './unexpected-errors.plugin';

type ServerSource<Context extends BaseContext> =
  | Pick<Extract<ApolloServerOptions<Context>, { schema: unknown }>, 'schema'>
  | Pick<Extract<ApolloServerOptions<Context>, { gateway: unknown }>, 'gateway'>;

/**
 * Apollo Server with the settings every service shares: production masks internal errors and
 * drops stack traces, Apollo's hosted landing page and inline tracing are off, and every operation
 * is logged once, without variables or results (in a subgraph in production, at debug level unless it had errors). In production introspection is off and no error
 * suggests field, argument, type or enum names ("Did you mean …?"): a client learns the schema
 * from its own team's documents, not by probing (issue 9 §5). Subgraphs still answer `_service`
 * (an ordinary field, not introspection), which composition asks for; the gateway runs on the
 * committed supergraph and never introspects anything.
 */
export function createApolloServer<Context extends RequestContext>(
  source: ServerSource<Context>,
  options: {
    readonly production: boolean;
    readonly log: Logger;
    /** A subgraph's agency: its database's unavailability is answered as this agency's (UPSTREAM_UNAVAILABLE). */
    readonly agency?: string;
    readonly plugins?: ApolloServerPlugin<Context>[];
    /** Whether clients may register documents at run time (Apollo's APQ): never in production. Default: not in production. */
    readonly automaticPersistedQueries?: boolean;
    /** The operation label of its metrics (issue 15); default `other` for every operation. */
    readonly operationLabel?: OperationLabeller;
    /**
     * Whether the schema has no cache hints at all, so that every answer is `no-store` (a subgraph's):
     * Apollo's cache-control plugin, which wraps every resolver to collect hints, is replaced by one
     * that sets that header (`noStorePlugin`). Default false: Apollo's plugin (the gateway's policy is
     * computed from its subgraphs' headers).
     */
    readonly withoutCacheHints?: boolean;
  },
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    ...source,
    includeStacktraceInErrorResponses: !options.production,
    // Set from our own `production` option, not Apollo's NODE_ENV default, so the two cannot disagree.
    introspection: !options.production,
    // Apollo's own switch strips suggestions from validation errors; the error formatter strips
    // them from every other error (variable coercion, errors relayed from a subgraph).
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: createErrorFormatter({
      production: options.production,
      ...(options.agency === undefined ? {} : { agency: options.agency }),
    }),
    logger: options.log,
    // Each entry point (`main.ts`) handles SIGINT and SIGTERM itself and closes its servers in order;
    // Apollo's own handlers would race it, once per server (the benchmark runs 18).
    stopOnTerminationSignals: false,
    // A document registered by a client at run time is one nobody reviewed: off in production.
    ...((options.automaticPersistedQueries ?? !options.production) ? {} : { persistedQueries: false as const }),
    // Inline (ftv1) traces would hand per-field timings and error details to whoever asks for them.
    // No outbound calls (issue 15): Apollo Server starts usage and schema reporting to Apollo's cloud on
    // its own once APOLLO_KEY is in the environment; disabled here in code, so no environment can turn
    // them on. The landing page is off too (it loads Apollo's CDN).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(options.withoutCacheHints ? [ApolloServerPluginCacheControlDisabled(), noStorePlugin<Context>()] : []),
      // The gateway logs every operation; a subgraph in production only those with errors.
      operationLogPlugin<Context>({ quietWhenAnswered: options.production && !('gateway' in source), serviceLog: options.log }),
      operationResolutionPlugin<Context>(),
      // The cause of an error the client sees only as INTERNAL_SERVER_ERROR, at error level (issue 15).
      unexpectedErrorsPlugin<Context>(),
      ...(options.plugins ?? []),
      noEmptyErrorsPlugin<Context>(),
      // Last: it reads the answer as sent, after every other plugin has added its errors.
      requestObservationPlugin<Context>(options.operationLabel ?? (() => OTHER_OPERATION)),
    ],
  } as ApolloServerOptions<Context>);
}
