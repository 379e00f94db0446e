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
import { decidedOnce } from './decided-once';
import type { DecidedResult } from './decided-once';
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

/** A denied selection relative to where its selection set sits, before the path above it is known. */
interface RelativeDenial {
  readonly policyName: string;
  readonly path: (string | number)[];
  readonly parentTypeName: string;
  readonly fieldNodes: FieldNode[];
  readonly steps: readonly SelectionStep[];
  /** Policy and the path's response keys: two selections with the same signature are one denial. */
  readonly signature: string;
}

/** Adds `entries` to `into` in order, folding entries with a known signature into the first one. */
function mergeInto(into: RelativeDenial[], index: Map<string, RelativeDenial>, entries: readonly RelativeDenial[]): void {
  for (const entry of entries) {
    const known = index.get(entry.signature);
    if (!known) {
      const copy = { ...entry, fieldNodes: [...entry.fieldNodes] };
      index.set(entry.signature, copy);
      into.push(copy);
      continue;
    }
    for (const node of entry.fieldNodes) if (!known.fieldNodes.includes(node)) known.fieldNodes.push(node);
  }
}

/**
 * The fields an operation selects that the caller's policies deny, found from the document alone.
 * The one implementation of "which selections are denied": the owner's subgraph reports its errors
 * from it, and the gateway removes the same selections before planning. Errors built from these do
 * not depend on the data: asking about someone an agency does not hold gives the same FORBIDDEN
 * errors as asking about someone it does (principle 9). Paths go through the first item of each
 * list (`_entities.0.youthCase`), one per field however long the list. Nothing under a denied field
 * is looked at: it is gone with its parent.
 *
 * Linear in the document: each named fragment is walked once per parent type and its denials are
 * kept relative to where it is spread, so a fragment spread twice by a fragment spread twice
 * (issue 9 §1, 2^n spreads from n short fragments) costs n walks, not 2^n. A fragment cycle (which
 * validation refuses anyway) contributes nothing the second time round instead of recursing forever.
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
  // Fragment name → its denials relative to the spread (a named fragment is walked from its own type
  // condition, whatever the parent, so one entry per fragment is one per parent type); `null` while
  // being walked.
  const byFragment = new Map<string, readonly RelativeDenial[] | null>();
  // Walks unions and interfaces too: `_entities` returns the `_Entity` union, and `... on Offender`
  // fragments narrow it to the entity type.
  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode): RelativeDenial[] => {
    const denied: RelativeDenial[] = [];
    const bySignature = new Map<string, RelativeDenial>();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const target = typeName ? schema.getType(typeName) : parent;
        if (isCompositeType(target)) mergeInto(denied, bySignature, walk(target, selection.selectionSet));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const target = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !isCompositeType(target)) continue;
        let known = byFragment.get(fragment.name.value);
        if (known === undefined) {
          byFragment.set(fragment.name.value, null);
          known = walk(target, fragment.selectionSet);
          byFragment.set(fragment.name.value, known);
        }
        mergeInto(denied, bySignature, known ?? []);
        continue;
      }
      if (!isObjectType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const key = (selection.alias ?? selection.name).value;
      const step = { key, type: field.type };
      const policyName = policies?.get(`${parent.name}.${field.name}`);
      if (policyName && isDenied(policyName)) {
        mergeInto(denied, bySignature, [
          {
            policyName,
            path: [key],
            parentTypeName: parent.name,
            fieldNodes: [selection],
            steps: [step],
            signature: `${policyName}:${key}`,
          },
        ]);
        continue;
      }
      const fieldType = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(fieldType)) {
        const prefix = isListType(getNullableType(field.type)) ? [key, 0] : [key];
        const below = walk(fieldType, selection.selectionSet).map((entry) => ({
          ...entry,
          path: [...prefix, ...entry.path],
          steps: [step, ...entry.steps],
          signature: `${entry.policyName}:${[key, ...entry.path.filter((segment) => typeof segment === 'string')].join('.')}`,
        }));
        mergeInto(denied, bySignature, below);
      }
    }
    return denied;
  };
  if (!root) return [];
  return walk(root, operation.selectionSet).map(({ signature: _signature, ...entry }) => entry);
}

// Schema → document → operation → the walks already done for it, one per way of deciding the policies
// it asks about. Weak at every level: a document Apollo's cache lets go takes its walks with it.
const rememberedDenials = new WeakMap<
  GraphQLSchema,
  WeakMap<DocumentNode, WeakMap<OperationDefinitionNode, DecidedResult<readonly DeniedSelection[]>[]>>
>();

/**
 * `deniedSelections`, remembered for the operation per way of deciding its policies (`decidedOnce`): a
 * subgraph is asked the same few operations (the gateway's `_entities` documents, cached by Apollo as
 * one parsed document each) over and over. The list returned is shared between requests: read it,
 * never change it.
 */
export function rememberedDeniedSelections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  isDenied: (policyName: string) => boolean,
): readonly DeniedSelection[] {
  let byDocument = rememberedDenials.get(schema);
  if (!byDocument) rememberedDenials.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new WeakMap()));
  let walks = byOperation.get(operation);
  if (!walks) byOperation.set(operation, (walks = []));
  return decidedOnce(walks, isDenied, (ask) => Object.freeze(deniedSelections(schema, document, operation, ask))).result;
}
