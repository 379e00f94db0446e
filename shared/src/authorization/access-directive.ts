import { Directive } from 'type-graphql';
import type { FieldPolicy } from './field-policy';
import { encodeGrant } from './grant-encoding';

/**
 * The schema directive that carries a field's policy: its name and its grants. It is composed into
 * the supergraph (`@composeDirective`), so the gateway can read every field's policy, and decide who
 * can never see it, from the supergraph text alone.
 */
export const ACCESS_DIRECTIVE = 'mappaAccess';

/**
 * The directive's SDL definition and its federation import, prepended to every subgraph's SDL.
 * v0.2 added `grants` (see `grant-encoding.ts` for the format).
 */
export const ACCESS_DIRECTIVE_SDL = `extend schema @link(url: "https://specs.mappa-federation.invalid/access/v0.2", import: ["@${ACCESS_DIRECTIVE}"]) @composeDirective(name: "@${ACCESS_DIRECTIVE}")
directive @${ACCESS_DIRECTIVE}(policy: String!, grants: [String!]!) on FIELD_DEFINITION`;

/** The directive as it is written on a field: generated from the policy object, so it cannot drift from it. */
export function accessDirectiveFor(policy: FieldPolicy): string {
  // Grant strings hold only identifiers and `=;,` (grant-encoding.ts), so JSON quoting is GraphQL quoting.
  const grants = policy.grants.map((grant) => JSON.stringify(encodeGrant(grant))).join(', ');
  return `@${ACCESS_DIRECTIVE}(policy: ${JSON.stringify(policy.name)}, grants: [${grants}])`;
}

/**
 * Declares who may read this field: put it on every field, next to `@Field`/`@FieldResolver`.
 * A field without one fails the schema build.
 */
export function Access(policy: FieldPolicy): MethodDecorator & PropertyDecorator {
  return Directive(accessDirectiveFor(policy));
}
