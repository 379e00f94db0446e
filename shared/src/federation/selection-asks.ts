import { Kind } from 'graphql';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { AccessDecisions } from '../authorization/access-decisions';
import type { FieldPolicy } from '../authorization/field-policy';

// By the field's node of the parsed document: Apollo Server keeps a document's parse for its next
// requests, so an operation's selection is walked once, and an `_entities` call's many references
// (one `__resolveReference` each) share the one walk.
const asked = new WeakMap<FieldNode, ReadonlySet<string>>();

function collect(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, names: Set<string>, seen: Set<string>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, info, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info.fragments[selection.name.value]?.selectionSet, info, names, seen);
    }
  }
}

/**
 * Whether the field being resolved selects `field` directly under it (through fragments, whatever their
 * type condition or directives): a look-ahead for reading a companion record in the same statement as
 * the entity (`loaderWithCompanion`). It can say yes for a field that is then skipped, which costs a
 * read, never an answer: what is answered is still decided field by field.
 */
export function selectionAsks(info: GraphQLResolveInfo, field: string): boolean {
  for (const node of info.fieldNodes) {
    let names = asked.get(node);
    if (!names) {
      const collected = new Set<string>();
      collect(node.selectionSet, info, collected, new Set());
      names = collected;
      asked.set(node, names);
    }
    if (names.has(field)) return true;
  }
  return false;
}

/**
 * Whether a request should read `field`'s record with the entity in one statement: the selection under
 * `info` asks for it (`selectionAsks`) and the caller's field policy does not refuse it outright. A record
 * the policy refuses is never read: its resolver is never called, so the look-up stays the entity's alone.
 */
export function companionWanted(
  info: GraphQLResolveInfo | undefined,
  field: string,
  access: AccessDecisions,
  policy: FieldPolicy,
): boolean {
  return info !== undefined && selectionAsks(info, field) && access.allows(policy);
}
