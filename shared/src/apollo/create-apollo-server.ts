import { ApolloServer } from '@apollo/server';
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from '../errors/format-error';
import type { Logger } from '../logging/logger';
import type { RequestContext } from '../context/request-context';
import { operationLogPlugin } from './operation-log.plugin';

type ServerSource<Context extends BaseContext> =
  | Pick<Extract<ApolloServerOptions<Context>, { schema: unknown }>, 'schema'>
  | Pick<Extract<ApolloServerOptions<Context>, { gateway: unknown }>, 'gateway'>;

/**
 * Apollo Server with the settings every service shares: production masks internal errors and
 * drops stack traces, Apollo's hosted landing page is off (our machines have no internet), and
 * every operation is logged once, without variables or results.
 */
export function createApolloServer<Context extends RequestContext>(
  source: ServerSource<Context>,
  options: { readonly production: boolean; readonly log: Logger; readonly plugins?: ApolloServerPlugin<Context>[] },
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    ...source,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createErrorFormatter({ production: options.production }),
    logger: options.log,
    plugins: [ApolloServerPluginLandingPageDisabled(), operationLogPlugin<Context>(), ...(options.plugins ?? [])],
  } as ApolloServerOptions<Context>);
}
