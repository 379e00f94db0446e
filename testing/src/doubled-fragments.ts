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
