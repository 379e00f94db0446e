import { Kind } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * The fields a statistics query's caller selected on each returned row (issue 13): an owner then works
 * out in SQL only the dimensions and measures the gateway asked for (each a join or a look-up per
 * person), not every one it could answer. Null when the selection is not a plain list of fields (a
 * fragment): the owner then works out everything, as before.
 */
export function selectedFieldsOf(info: GraphQLResolveInfo): ReadonlySet<string> | null {
  const names = new Set<string>();
  for (const node of info.fieldNodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) return null;
      names.add(selection.name.value);
    }
  }
  return names;
}

/** Whether `field` is to be worked out: selected, or the selection is unknown (null: everything is). */
export const isSelected = (fields: ReadonlySet<string> | null, field: string): boolean => fields === null || fields.has(field);
