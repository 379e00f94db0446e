import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import merge from 'lodash.merge';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { ACCESS_DIRECTIVE_SDL } from '../authorization/access-directive';
import type { AuthorizationMode } from '../authorization/authorization-mode';
import { enforceFieldPolicies } from '../authorization/enforce-field-policies';
import type { FieldPolicy } from '../authorization/field-policy';
import type { RecordConditions } from '../authorization/record-condition';
import { DateTimeISO } from '../domain/scalars';

/** The Federation 2 directives our subgraphs may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"])';

/**
 * Turns type-graphql classes into a Federation 2 subgraph schema whose every field enforces its
 * declared access policy. The one place that bridges type-graphql's resolver map to Apollo's, so no
 * subgraph assembles federation SDL itself. `referenceResolvers` holds each entity's
 * `__resolveReference`; `policies` every policy the subgraph's `@Access` directives name.
 * `authorization: 'off'` (benchmark only, see `AuthorizationMode`) leaves the resolvers unwrapped;
 * the SDL is the same either way. `conditions` holds the predicates of the record conditions the
 * subgraph's grants name (a grant naming one not registered here fails the build).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: Record<string, { __resolveReference: (...args: never[]) => unknown }>,
  policies: readonly FieldPolicy[],
  authorization: AuthorizationMode = 'enforced',
  conditions: RecordConditions = {},
): Promise<GraphQLSchema> {
  // skipCheck: a subgraph may legitimately have no root Query of its own.
  // Every `Date` is our range-checked DateTimeISO, never type-graphql's own scalar of the same name.
  const typeGraphqlSchema = await buildSchema({
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    ...options,
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${ACCESS_DIRECTIVE_SDL}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  // type-graphql's and Apollo's resolver-map types describe the same runtime shape but are declared
  // independently; this is the single, deliberate bridge between them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const resolvers = merge(createResolversMap(typeGraphqlSchema), referenceResolvers) as any as GraphQLResolverMap<unknown>;
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return authorization === 'enforced' ? enforceFieldPolicies(schema, policies, conditions) : schema;
}
