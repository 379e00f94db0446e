import { defaultFieldResolver, getNamedType, isCompositeType, isObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { Caller } from '../auth/caller';
import { ACCESS_DIRECTIVE } from './access-directive';
import { grantsNamingForeignRoles } from './field-policy';
import type { FieldPolicy } from './field-policy';
import type { AccessContext } from './access-decisions';
import type { CalendarDate } from '../time/calendar-date';
import type { RecordConditionName, RecordConditions } from './record-condition';

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

/** True when one of the conditions holds for the record; a null record stays null either way. */
function meetsAny(
  record: unknown,
  conditions: readonly RecordConditionName[],
  predicates: RecordConditions,
  caller: Caller,
  today: CalendarDate,
): boolean {
  return conditions.some((condition) => predicates[condition]?.(record, caller, today) === true);
}

/**
 * Keeps a conditionally granted value only where the condition holds. The record is the value for a
 * field whose type is an object (each item, for a list: an item that fails is dropped, as if absent)
 * and the parent object for a scalar field. A list left with no items is decided on the parent: an
 * empty list only where the condition holds for it, else null, as for a record the owner does not
 * hold, so an empty list never tells a caller the condition fails for that the owner holds none.
 */
function keepWhere(value: unknown, source: unknown, recordIsValue: boolean, keep: (record: unknown) => boolean): unknown {
  if (value === null || value === undefined) return value;
  if (!recordIsValue) return keep(source) ? value : null;
  if (Array.isArray(value)) {
    const kept = value.filter((item) => item !== null && item !== undefined && keep(item));
    return kept.length > 0 || keep(source) ? kept : null;
  }
  return keep(value) ? value : null;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Wraps every field's resolver with its policy check. Deny by default: the build fails when a field
 * has no policy, names one the subgraph does not define, a grant names a record condition the
 * subgraph does not register a predicate for, or a grant names a role for agencies that cannot hold it. A denied field resolves to null; a conditionally
 * granted one is resolved, then kept only for records that meet the condition, else null.
 */
export function enforceFieldPolicies(
  schema: GraphQLSchema,
  policies: readonly FieldPolicy[],
  conditions: RecordConditions = {},
): GraphQLSchema {
  const byName = new Map(policies.map((policy) => [policy.name, policy]));
  const declared = declaredPolicies(schema);
  const missing = [...declared].filter(([, name]) => name === undefined).map(([coordinate]) => coordinate);
  const unknown = [...declared]
    .filter(([, name]) => name !== undefined && !byName.has(name))
    .map(([coordinate, name]) => `${coordinate} → ${name}`);
  const unregistered = policies.flatMap((policy) =>
    policy.grants.flatMap((grant) =>
      grant.condition !== undefined && !conditions[grant.condition] ? [`${policy.name} → ${grant.condition}`] : [],
    ),
  );
  const foreignRoles = grantsNamingForeignRoles(policies);
  if (missing.length > 0 || unknown.length > 0 || unregistered.length > 0 || foreignRoles.length > 0) {
    throw new Error(
      [
        ...(missing.length > 0 ? [`Fields without an access policy (deny by default; add @Access):\n  ${missing.join('\n  ')}`] : []),
        ...(unknown.length > 0 ? [`Fields naming a policy that is not defined:\n  ${unknown.join('\n  ')}`] : []),
        ...(unregistered.length > 0
          ? [`Grants naming a record condition the subgraph does not register:\n  ${unregistered.join('\n  ')}`]
          : []),
        ...(foreignRoles.length > 0
          ? [`Grants naming a role for agencies that cannot hold it (ROLE_AGENCIES):\n  ${foreignRoles.join('\n  ')}`]
          : []),
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
      const recordIsValue = isCompositeType(getNamedType(field.type));
      field.resolve = (source, args, context, info) => {
        // The error for a denied field comes from the operation (deniedSelections), not from here:
        // resolvers run only for rows that exist, and the error must not tell which do. For the same
        // reason a record that fails a grant's condition gives null and no error: the same answer as
        // when the agency holds no such record.
        const decision = context.access.decide(policy);
        if (decision.kind === 'none') return null;
        const value = resolve(source, args, context, info);
        if (decision.kind === 'all') return value;
        const keep = (record: unknown) => meetsAny(record, decision.conditions, conditions, context.access.caller, context.access.today);
        return isThenable(value)
          ? Promise.resolve(value).then((resolved) => keepWhere(resolved, source, recordIsValue, keep))
          : keepWhere(value, source, recordIsValue, keep);
      };
    }
  }
  return schema;
}
