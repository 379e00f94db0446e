import { getNamedType, isAbstractType, isCompositeType, isInterfaceType, isObjectType, Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/** What a response actually handed over: the fields that carried a value, and whom they were about. */
export interface ObservedAccess {
  /** `Type.field` of every field with a non-null value in the response (federation's own machinery aside). */
  readonly fields: ReadonlySet<string>;
  /** PNC IDs of every subject the response names (each `pncId` it returned). */
  readonly subjects: ReadonlySet<string>;
  /** Only when asked for (`ServedValueOptions`): each leaf value served about a known subject. */
  readonly values: readonly ServedValue[];
}

/** One leaf value a response served, about the subject it was under: for the meeting's reliance hashes. */
export interface ServedValue {
  readonly subject: string;
  /** `Type.field`. */
  readonly coordinate: string;
  readonly value: unknown;
}

/**
 * Asks `observeAccess` to keep the leaf values (scalars, enums and lists of them) served about each
 * subject as well, in the same walk. A value's subject is the nearest enclosing object's `pncId` in
 * the answer, or, for the objects of an `_entities` answer, the PNC ID of the representation at the
 * same index (`entitySubjects`); a value under no known subject is not kept.
 */
export interface ServedValueOptions {
  readonly entitySubjects: readonly (string | null)[];
}

const PNC_ID = /^\d{4}\/\d{7}[A-Z]$/;
// Federation's entry points: walked through, but they are not agency data themselves.
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields selected under one response key that are counted under the same `Type.field`. */
interface FieldGroup {
  readonly coordinate: string;
  readonly name: string;
  /** The field's named type, when it has a selection set of a composite type to walk into. */
  readonly childType: GraphQLCompositeType | undefined;
  /** Every selection set selected under this field here (each node once). */
  readonly selectionSets: SelectionSetNode[];
}

/** The fields a set of selection sets asks of an object of one type, fragments expanded: by response key. */
type CollectedFields = Map<string, FieldGroup[]>;

/**
 * Walks the response beside the operation that produced it and names what it returned: a field
 * counts only where it carried a value (null is "nothing returned"), so the audit says what the
 * caller saw, not what they asked for. Values themselves are never kept, only field coordinates and
 * the subject keys. Abstract types are resolved by the `__typename` the response carries (federation
 * always selects it for entities); without it, the abstract type's own fields are named.
 *
 * Linear in the document and the answer (issue 9 §1): the fields each selection set asks of each
 * type are collected once, fragments expanded and memoised per selection set and type (a fragment
 * spread twice by a fragment spread twice is collected once, not 2^n times), and the answer is then
 * walked once, each object once per collected set of fields. Every service runs this on whatever
 * document it was sent, so it must hold without the gateway's document limits in front of it.
 */
export function observeAccess(
  schema: GraphQLSchema,
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
  data: unknown,
  servedValues?: ServedValueOptions,
): ObservedAccess {
  const fields = new Set<string>();
  const subjects = new Set<string>();
  const values: ServedValue[] = [];
  // No operation (a document that did not parse or validate): nothing was executed, nothing returned.
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root || !isObject(data)) return { fields, subjects, values };
  const { fragments, collectedBySelectionSet, collectedByList, entriesOf } = collectionsOf(schema, document ?? operation);

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

  const merge = (into: CollectedFields, from: CollectedFields): void => {
    for (const [key, groups] of from) {
      const target = into.get(key) ?? [];
      into.set(key, target);
      for (const group of groups) {
        const known = target.find((candidate) => candidate.coordinate === group.coordinate && candidate.childType === group.childType);
        if (!known) {
          target.push({ ...group, selectionSets: [...group.selectionSets] });
          continue;
        }
        for (const selectionSet of group.selectionSets)
          if (!known.selectionSets.includes(selectionSet)) known.selectionSets.push(selectionSet);
      }
    }
  };
  // Per selection set and type; an entry is empty while being collected, so a fragment cycle (which
  // validation refuses anyway) ends instead of recursing forever.
  const collect = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): CollectedFields => {
    const byType = perType(collectedBySelectionSet, selectionSet);
    const known = byType.get(type.name);
    if (known) return known;
    const collected: CollectedFields = new Map();
    byType.set(type.name, collected);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        // A union has no fields of its own: only its members' fields, reached through fragments.
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!definition) continue;
        const fieldType = getNamedType(definition.type);
        const childType = selection.selectionSet && isCompositeType(fieldType) ? fieldType : undefined;
        const group: FieldGroup = {
          coordinate: `${type.name}.${name}`,
          name,
          childType,
          selectionSets: childType && selection.selectionSet ? [selection.selectionSet] : [],
        };
        merge(collected, new Map([[selection.alias?.value ?? name, [group]]]));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = applies(selection.typeCondition?.name.value, type);
        if (narrowed) merge(collected, collect(selection.selectionSet, narrowed));
      } else {
        const fragment = fragments.get(selection.name.value);
        const narrowed = fragment ? applies(fragment.typeCondition.name.value, type) : undefined;
        if (fragment && narrowed) merge(collected, collect(fragment.selectionSet, narrowed));
      }
    }
    return collected;
  };
  // Per list of selection sets (a group's own array, so the same list each time) and type.
  const collectAll = (selectionSets: readonly SelectionSetNode[], type: GraphQLCompositeType): CollectedFields => {
    const [only] = selectionSets;
    if (selectionSets.length === 1 && only) return collect(only, type);
    const byType = perType(collectedByList, selectionSets);
    const known = byType.get(type.name);
    if (known) return known;
    const collected: CollectedFields = new Map();
    for (const selectionSet of selectionSets) merge(collected, collect(selectionSet, type));
    byType.set(type.name, collected);
    return collected;
  };

  // Each answer object is walked once per set of fields asked of it, however many ways it was asked.
  // Almost every object is asked one set: that set is kept alone, and a Set is made only for a second
  // (the walk runs over every object of every answer, in the gateway and in each subgraph; issue 15).
  const walked = new WeakMap<JsonObject, CollectedFields | Set<CollectedFields>>();
  const firstWalk = (object: JsonObject, collected: CollectedFields): boolean => {
    const seen = walked.get(object);
    if (seen === undefined) {
      walked.set(object, collected);
      return true;
    }
    if (seen === collected) return false;
    if (seen instanceof Set) {
      if (seen.has(collected)) return false;
      seen.add(collected);
      return true;
    }
    walked.set(object, new Set([seen as CollectedFields, collected]));
    return true;
  };
  // A collected set of fields as an array of its entries, made once per set (once it is complete: an
  // object is walked only with a set whose collection has returned), so that each object's walk
  // iterates no Map and allocates no pair.
  const entries = (collected: CollectedFields): Entries => {
    let known = entriesOf.get(collected);
    if (!known) entriesOf.set(collected, (known = [...collected]));
    return known;
  };
  const visitValue = (
    value: unknown,
    type: GraphQLCompositeType,
    selectionSets: readonly SelectionSetNode[],
    subject: string | null,
    entities = false,
  ): void => {
    if (Array.isArray(value)) {
      // The objects of an `_entities` answer are about the representations at the same index.
      for (let index = 0; index < value.length; index++)
        visitValue(value[index], type, selectionSets, entities ? (servedValues?.entitySubjects[index] ?? null) : subject);
    } else if (isObject(value)) {
      visitObject(value, collectAll(selectionSets, runtimeType(type, value)), subject);
    }
  };
  const visitObject = (object: JsonObject, collected: CollectedFields, enclosingSubject: string | null): void => {
    if (!firstWalk(object, collected)) return;
    const asked = entries(collected);
    let subject = enclosingSubject;
    if (servedValues) {
      for (const [key, groups] of asked) {
        const value = object[key];
        if (typeof value === 'string' && PNC_ID.test(value) && groups.some((group) => group.name === 'pncId')) subject = value;
      }
    }
    for (const [key, groups] of asked) {
      const value = object[key];
      if (value === null || value === undefined) continue;
      for (const group of groups) {
        if (!FEDERATION_FIELDS.has(group.name)) fields.add(group.coordinate);
        if (group.name === 'pncId' && typeof value === 'string' && PNC_ID.test(value)) subjects.add(value);
        if (group.childType) visitValue(value, group.childType, group.selectionSets, subject, group.name === '_entities');
        else if (servedValues && subject !== null && !FEDERATION_FIELDS.has(group.name))
          values.push({ subject, coordinate: group.coordinate, value });
      }
    }
  };
  visitObject(data, collect(operation.selectionSet, root), null);
  return { fields, subjects, values };
}

type Entries = readonly (readonly [string, FieldGroup[]])[];

/** What `observeAccess` collects from one document, whatever the answer: the same for every request that sends it. */
interface Collections {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly collectedBySelectionSet: WeakMap<SelectionSetNode, Map<string, CollectedFields>>;
  readonly collectedByList: WeakMap<readonly SelectionSetNode[], Map<string, CollectedFields>>;
  readonly entriesOf: WeakMap<CollectedFields, Entries>;
}

// The fields a document's selection sets ask of each type depend only on the schema and the document
// (its fragments included), never on the answer, so they are collected once per document rather than
// once per request: the servers keep each parsed document (Apollo's document store, the gateway's
// trusted documents), so the same DocumentNode comes back request after request, and collecting it was
// about half of this walk's CPU (issue 15, docs/benchmarks.md). Keyed by the document itself, weakly: a
// document rewritten by early enforcement is another object with caches of its own (a selection set
// it shares with the original may spread a fragment the rewrite changed, so nothing is shared across
// documents), and an entry lives no longer than the document it was collected from.
const collectionsBySchema = new WeakMap<GraphQLSchema, WeakMap<object, Collections>>();

function collectionsOf(schema: GraphQLSchema, document: DocumentNode | OperationDefinitionNode): Collections {
  let byDocument = collectionsBySchema.get(schema);
  if (!byDocument) collectionsBySchema.set(schema, (byDocument = new WeakMap()));
  let collections = byDocument.get(document);
  if (!collections) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.kind === Kind.DOCUMENT ? document.definitions : []) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    collections = { fragments, collectedBySelectionSet: new WeakMap(), collectedByList: new WeakMap(), entriesOf: new WeakMap() };
    byDocument.set(document, collections);
  }
  return collections;
}

/** The per-type entries memoised for `key`, made empty on first use. */
function perType<Key extends object, Value>(cache: WeakMap<Key, Map<string, Value>>, key: Key): Map<string, Value> {
  let byType = cache.get(key);
  if (!byType) {
    byType = new Map();
    cache.set(key, byType);
  }
  return byType;
}
