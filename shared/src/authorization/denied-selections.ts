import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, Kind } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { declaredPolicies } from './enforce-field-policies';

/** One field on the way from the operation's root to a selection: its response key and its type. */
export interface SelectionStep {
  readonly key: string;
  readonly type: GraphQLOutputType;
}

/** A field the operation asks for that the caller may not read, and where it sits in the response. */
export interface DeniedSelection {
  readonly policyName: string;
  /** The error path: through the first item of each list (`offenders.edges.0.node.youthCase`). */
  readonly path: (string | number)[];
  /** The object type the field belongs to. */
  readonly parentTypeName: string;
  /** Every field node of the document that selects it at this path (a fragment or a repeated field adds more). */
  readonly fieldNodes: FieldNode[];
  /** The fields from the root to this one, the denied field last: what null propagation follows. */
  readonly steps: readonly SelectionStep[];
}

const policiesBySchema = new WeakMap<GraphQLSchema, Map<string, string | undefined>>();

/**
 * The fields an operation selects that the caller's policies deny, found from the document alone.
 * The one implementation of "which selections are denied": the owner's subgraph reports its errors
 * from it, and the gateway removes the same selections before planning. Errors built from these do
 * not depend on the data: asking about someone an agency does not hold gives the same FORBIDDEN
 * errors as asking about someone it does (principle 9). Paths go through the first item of each
 * list (`_entities.0.youthCase`), one per field however long the list. Nothing under a denied field
 * is looked at: it is gone with its parent.
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
  const bySignature = new Map<string, DeniedSelection>();
  // Walks unions and interfaces too: `_entities` returns the `_Entity` union, and `... on Offender`
  // fragments narrow it to the entity type.
  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode, path: (string | number)[], steps: readonly SelectionStep[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const target = typeName ? schema.getType(typeName) : parent;
        if (isCompositeType(target)) walk(target, fragment.selectionSet, path, steps);
        continue;
      }
      if (!isObjectType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const key = (selection.alias ?? selection.name).value;
      const fieldPath = [...path, key];
      const fieldSteps = [...steps, { key, type: field.type }];
      const policyName = policies?.get(`${parent.name}.${field.name}`);
      if (policyName && isDenied(policyName)) {
        const signature = `${policyName}:${fieldPath.filter((segment) => typeof segment === 'string').join('.')}`;
        const known = bySignature.get(signature);
        if (known) {
          if (!known.fieldNodes.includes(selection)) known.fieldNodes.push(selection);
        } else {
          const entry: DeniedSelection = { policyName, path: fieldPath, parentTypeName: parent.name, fieldNodes: [selection], steps: fieldSteps };
          bySignature.set(signature, entry);
          denied.push(entry);
        }
        continue;
      }
      const fieldType = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(fieldType)) {
        walk(fieldType, selection.selectionSet, isListType(getNullableType(field.type)) ? [...fieldPath, 0] : fieldPath, fieldSteps);
      }
    }
  };
  if (root) walk(root, operation.selectionSet, [], []);
  return denied;
}
