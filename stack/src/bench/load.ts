// Load generation: one request of a workload, and a round of them at a given concurrency.
import { createHash } from 'node:crypto';
import type { Workload } from './workload';

export interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

/** The request body: the operation as text, or by its registered id (the SHA-256 of its text) where `byId`. */
export function bodyOf(query: string, variables: Record<string, unknown>, byId = false): string {
  const document = byId ? { documentId: `sha256:${createHash('sha256').update(query).digest('hex')}` } : { query };
  return JSON.stringify({ ...document, variables });
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Whether an answer is what the workload expects: data, and no errors but the FORBIDDEN denials it is there to measure. */
export function answered(workload: Workload, { status, body }: Answer): boolean {
  return (
    status === 200 &&
    body.data != null &&
    (body.errors ?? []).every((error) => workload.deniesFields === true && error.extensions?.code === 'FORBIDDEN')
  );
}

export async function send(workload: Workload, i: number): Promise<Answer> {
  const body = bodyOf(workload.query, workload.variables(i), workload.byId);
  return post(workload.url(workload.stack), body, await workload.headers(workload.stack, i, body));
}

export async function runRound(workload: Workload, requests: number, concurrency: number, offset: number) {
  return runRequests(requests, concurrency, async (i) => answered(workload, await send(workload, offset + i)));
}

/**
 * Sends `requests` requests, `concurrency` at a time, each by `sendOne(i)` (true when answered as
 * expected): every latency, the errors, and the wall time of the whole.
 */
export async function runRequests(requests: number, concurrency: number, sendOne: (i: number) => Promise<boolean>) {
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        const ok = await sendOne(i);
        latenciesMs.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started, errors };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
