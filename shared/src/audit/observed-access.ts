import { getNamedType, isAbstractType, isCompositeType, isInterfaceType, isObjectType, Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, GraphQLCompositeType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/** What a response actually handed over: the fields that carried a value, and whom they were about. */
export interface ObservedAccess {
  /** `Type.field` of every field with a non-null value in the response (federation's own machinery aside). */
  readonly fields: ReadonlySet<string>;
  /** PNC IDs of every subject the response names (each `pncId` it returned). */
  readonly subjects: ReadonlySet<string>;
}

const PNC_ID = /^\d{4}\/\d{7}[A-Z]$/;
// Federation's entry points: walked through, but they are not agency data themselves.
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks the response beside the operation that produced it and names what it returned: a field
 * counts only where it carried a value (null is "nothing returned"), so the audit says what the
 * caller saw, not what they asked for. Values themselves are never kept, only field coordinates and
 * the subject keys. Abstract types are resolved by the `__typename` the response carries (federation
 * always selects it for entities); without it, the abstract type's own fields are named.
 */
export function observeAccess(schema: GraphQLSchema, document: DocumentNode | undefined, operation: OperationDefinitionNode | undefined, data: unknown): ObservedAccess {
  const fields = new Set<string>();
  const subjects = new Set<string>();
  // No operation (a document that did not parse or validate): nothing was executed, nothing returned.
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root || !isObject(data)) return { fields, subjects };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const runtimeType = (declared: GraphQLCompositeType, value: JsonObject): GraphQLCompositeType => {
    if (!isAbstractType(declared)) return declared;
    const named = typeof value.__typename === 'string' ? schema.getType(value.__typename) : undefined;
    return named && isObjectType(named) ? named : declared;
  };
  const applies = (condition: string | undefined, type: GraphQLCompositeType): GraphQLCompositeType | undefined => {
    if (condition === undefined || condition === type.name) return type;
    const conditionType = schema.getType(condition);
    if (!conditionType || !isCompositeType(conditionType)) return undefined;
    if (isAbstractType(conditionType) && isObjectType(type)) return schema.isSubType(conditionType, type) ? type : undefined;
    // The runtime type is unknown (abstract, no __typename): follow the fragment's own type.
    return isAbstractType(type) ? conditionType : undefined;
  };
  const visitValue = (value: unknown, type: GraphQLCompositeType, selectionSet: SelectionSetNode): void => {
    if (Array.isArray(value)) {
      for (const item of value) visitValue(item, type, selectionSet);
    } else if (isObject(value)) {
      visitSelections(value, runtimeType(type, value), selectionSet);
    }
  };
  const visitSelections = (object: JsonObject, type: GraphQLCompositeType, selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        const value = object[key];
        if (name.startsWith('__') || value === null || value === undefined) continue;
        // A union has no fields of its own: only its members' fields, reached through fragments.
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!definition) continue;
        if (!FEDERATION_FIELDS.has(name)) fields.add(`${type.name}.${name}`);
        if (name === 'pncId' && typeof value === 'string' && PNC_ID.test(value)) subjects.add(value);
        const fieldType = getNamedType(definition.type);
        if (selection.selectionSet && isCompositeType(fieldType)) visitValue(value, fieldType, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = applies(selection.typeCondition?.name.value, type);
        if (narrowed) visitSelections(object, narrowed, selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        const narrowed = fragment ? applies(fragment.typeCondition.name.value, type) : undefined;
        if (fragment && narrowed) visitSelections(object, narrowed, fragment.selectionSet);
      }
    }
  };
  visitSelections(data, root, operation.selectionSet);
  return { fields, subjects };
}
