// Before measuring: the answers of the sides of a comparison, checked.
import type { Answer } from './load';
import { answered, send } from './load';
import type { Comparison, Workload } from './workload';

/** Non-null leaf values in an answer's data: what "more data" counts. */
export function valuesIn(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  if (typeof value === 'object') return Object.values(value).reduce((sum: number, item: unknown) => sum + valuesIn(item), 0);
  return 1;
}

/**
 * Sends every distinct request of the first `requests` a comparison will measure to both stacks and
 * checks the answers: identical (denials included) unless authorization is what is off; for a
 * principal denied fields with authorization off, FORBIDDEN errors only with it on and more data
 * off. Throws on anything else, before anything is measured. Returns one line for the report.
 * The product's answers are kept in `productAnswers`: its side is shared by every comparison of an
 * operation, and is asked once.
 */
export async function compareAnswers(
  comparison: Comparison,
  requests: number,
  concurrency: number,
  productAnswers: Map<Workload, Map<number, Answer>>,
): Promise<string> {
  const known = productAnswers.get(comparison.on) ?? new Map<number, Answer>();
  productAnswers.set(comparison.on, known);
  const distinct = new Map<string, number>();
  for (let i = 0; i < requests; i += 1) {
    const key = JSON.stringify(comparison.on.variables(i));
    if (!distinct.has(key)) distinct.set(key, i);
  }
  const indices = [...distinct.values()];
  const denied = new Set<string>();
  let valuesOn = 0;
  let valuesOff = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < indices.length) {
        const i = indices[next]!;
        next += 1;
        const [on, off] = await Promise.all([known.get(i) ?? send(comparison.on, i), send(comparison.off, i)]);
        known.set(i, on);
        if (!answered(comparison.on, on) || !answered(comparison.off, off)) {
          throw new Error(
            `${comparison.name}: request ${i} failed (status ${on.status} on, ${off.status} off; codes ${JSON.stringify([on.body.errors?.map((e) => e.extensions?.code), off.body.errors?.map((e) => e.extensions?.code)])})`,
          );
        }
        if (comparison.answers === 'same' && JSON.stringify(on.body) !== JSON.stringify(off.body)) {
          throw new Error(`${comparison.name}: request ${i} answered differently with ${comparison.switched} on and off`);
        }
        for (const error of on.body.errors ?? []) denied.add((error.path ?? []).filter((segment) => typeof segment === 'string').join('.'));
        valuesOn += valuesIn(on.body.data);
        valuesOff += valuesIn(off.body.data);
      }
    }),
  );
  const deniedPaths = [...denied]
    .sort()
    .map((path) => `\`${path}\``)
    .join(', ');
  if (comparison.answers === 'same') {
    return `${comparison.name}, ${comparison.switched} on vs off: ${indices.length} distinct requests, identical answers on both stacks${denied.size > 0 ? ` (FORBIDDEN at ${deniedPaths} on both)` : ''}.`;
  }
  if (denied.size === 0 || valuesOff <= valuesOn)
    throw new Error(`${comparison.name}: expected fields denied with authorization on, and more data with it off`);
  return `${comparison.name}, authorization on vs off: ${indices.length} distinct requests; with authorization on, FORBIDDEN at ${deniedPaths}; with it off, no errors and ${((valuesOff / valuesOn - 1) * 100).toFixed(0)}% more non-null values (${valuesOff.toLocaleString('en-GB')} against ${valuesOn.toLocaleString('en-GB')}).`;
}
