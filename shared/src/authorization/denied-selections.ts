import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLCompositeType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { declaredPolicies } from './enforce-field-policies';

/** A field the operation asks for that the caller may not read, and where it sits in the response. */
export interface DeniedSelection {
  readonly policyName: string;
  readonly path: (string | number)[];
}

const policiesBySchema = new WeakMap<GraphQLSchema, Map<string, string | undefined>>();

/**
 * The fields an operation selects that the caller's policies deny, found from the document alone.
 * Errors built from these do not depend on the data: asking about someone an agency does not hold
 * gives the same FORBIDDEN errors as asking about someone it does (principle 9). Paths go through
 * the first item of each list (`_entities.0.youthCase`), one per field however long the list.
 */
export function deniedSelections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  isDenied: (policyName: string) => boolean,
): DeniedSelection[] {
  let policies = policiesBySchema.get(schema);
  if (!policies) {
    policies = declaredPolicies(schema);
    policiesBySchema.set(schema, policies);
  }
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const root = schema.getRootType(operation.operation);
  const denied: DeniedSelection[] = [];
  const seen = new Set<string>();
  // Walks unions and interfaces too: `_entities` returns the `_Entity` union, and `... on Offender`
  // fragments narrow it to the entity type.
  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const target = typeName ? schema.getType(typeName) : parent;
        if (isCompositeType(target)) walk(target, fragment.selectionSet, path);
        continue;
      }
      if (!isObjectType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const key = (selection.alias ?? selection.name).value;
      const fieldPath = [...path, key];
      const policyName = policies?.get(`${parent.name}.${field.name}`);
      if (policyName && isDenied(policyName)) {
        const signature = `${policyName}:${fieldPath.filter((segment) => typeof segment === 'string').join('.')}`;
        if (!seen.has(signature)) {
          seen.add(signature);
          denied.push({ policyName, path: fieldPath });
        }
        continue;
      }
      const fieldType = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(fieldType)) {
        walk(fieldType, selection.selectionSet, isListType(getNullableType(field.type)) ? [...fieldPath, 0] : fieldPath);
      }
    }
  };
  if (root) walk(root, operation.selectionSet, []);
  return denied;
}
