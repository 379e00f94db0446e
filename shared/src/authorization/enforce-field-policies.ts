import { defaultFieldResolver, isObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { ACCESS_DIRECTIVE } from './access-directive';
import type { FieldPolicy } from './field-policy';
import type { AccessContext } from './access-decisions';

// Types and fields that are federation's own machinery, not agency data.
const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/** Every field of the schema that carries agency data, as `Type.field`, with its policy name (or none). */
export function declaredPolicies(schema: GraphQLSchema): Map<string, string | undefined> {
  const declared = new Map<string, string | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION_FIELDS.has(field.name) || field.name.startsWith('__')) continue;
      const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === ACCESS_DIRECTIVE);
      const argument = directive?.arguments?.find((candidate) => candidate.name.value === 'policy');
      declared.set(`${type.name}.${field.name}`, argument?.value.kind === 'StringValue' ? argument.value.value : undefined);
    }
  }
  return declared;
}

/**
 * Wraps every field's resolver with its policy check. Deny by default: the build fails when a field
 * has no policy, or names one the subgraph does not define. A denied field resolves to null.
 */
export function enforceFieldPolicies(schema: GraphQLSchema, policies: readonly FieldPolicy[]): GraphQLSchema {
  const byName = new Map(policies.map((policy) => [policy.name, policy]));
  const declared = declaredPolicies(schema);
  const missing = [...declared].filter(([, name]) => name === undefined).map(([coordinate]) => coordinate);
  const unknown = [...declared].filter(([, name]) => name !== undefined && !byName.has(name)).map(([coordinate, name]) => `${coordinate} → ${name}`);
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      [
        ...(missing.length > 0 ? [`Fields without an access policy (deny by default; add @Access):\n  ${missing.join('\n  ')}`] : []),
        ...(unknown.length > 0 ? [`Fields naming a policy that is not defined:\n  ${unknown.join('\n  ')}`] : []),
      ].join('\n'),
    );
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const policyName = declared.get(`${type.name}.${field.name}`);
      const policy = policyName ? byName.get(policyName) : undefined;
      if (!policy) continue;
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        // The error for a denied field comes from the operation (deniedSelections), not from here:
        // resolvers run only for rows that exist, and the error must not tell which do.
        if (!context.access.allows(policy)) return null;
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
