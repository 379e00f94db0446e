import { Directive } from 'type-graphql';
import type { FieldPolicy } from './field-policy';

/**
 * The schema directive that carries a field's policy name. It is composed into the supergraph
 * (`@composeDirective`), so the gateway can read every field's policy from the supergraph text.
 */
export const ACCESS_DIRECTIVE = 'mappaAccess';

/** The directive's SDL definition and its federation import, prepended to every subgraph's SDL. */
export const ACCESS_DIRECTIVE_SDL = `extend schema @link(url: "https://specs.mappa-federation.invalid/access/v0.1", import: ["@${ACCESS_DIRECTIVE}"]) @composeDirective(name: "@${ACCESS_DIRECTIVE}")
directive @${ACCESS_DIRECTIVE}(policy: String!) on FIELD_DEFINITION`;

/**
 * Declares who may read this field: put it on every field, next to `@Field`/`@FieldResolver`.
 * A field without one fails the schema build.
 */
export function Access(policy: FieldPolicy): MethodDecorator & PropertyDecorator {
  return Directive(`@${ACCESS_DIRECTIVE}(policy: "${policy.name}")`);
}
