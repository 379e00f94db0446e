import { Kind } from 'graphql';
import type { DocumentNode } from 'graphql';

/**
 * The fragments of issue 9 §1: `depth` fragments on `typeCondition`, each spreading the next one
 * twice, the last selecting `leaf`. Spread `...F0` where the chain starts: the expanded operation
 * holds 2^depth copies of `leaf` in a document of a few hundred bytes, so a walk that revisits a
 * fragment at every spread does 2^depth work on it.
 */
export function doubledFragmentChain(depth: number, typeCondition: string, leaf: string): string {
  const fragments: string[] = [];
  for (let level = 0; level < depth; level += 1) {
    fragments.push(`fragment F${level} on ${typeCondition} { ...F${level + 1} ...F${level + 1} }`);
  }
  fragments.push(`fragment F${depth} on ${typeCondition} { ${leaf} }`);
  return fragments.join('\n');
}

/**
 * Counts how often a walk reads the selections of `document`'s fragments: a walk that visits each
 * fragment once per answer object reads them a handful of times, one that revisits a fragment at every
 * spread of a doubled chain 2^depth times. A count, not a timer, which a loaded machine cannot move.
 */
export function countFragmentWalks(document: DocumentNode): { readonly walks: () => number } {
  let walks = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const { selectionSet } = definition;
    Object.defineProperty(definition, 'selectionSet', {
      get: () => {
        walks += 1;
        return selectionSet;
      },
    });
  }
  return { walks: () => walks };
}
