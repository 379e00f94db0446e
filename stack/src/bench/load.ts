// Load generation: one request of a workload, and a round of them at a given concurrency.
import { createHash } from 'node:crypto';
import { FailureTally, failureOf, noAnswerOf } from './failures';
import type { Workload } from './workload';
import { CHUNK, WARM_UP_REQUESTS } from './workload';

export interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[] };
}

/** The request body: the operation as text, or by its registered id (the SHA-256 of its text) where `byId`. */
export function bodyOf(query: string, variables: Record<string, unknown>, byId = false): string {
  const document = byId ? { documentId: `sha256:${createHash('sha256').update(query).digest('hex')}` } : { query };
  return JSON.stringify({ ...document, variables });
}

/** Posts `body`; an answer that is not JSON (a proxy's or Node's own error page) is its status with an empty body. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Answer['body'] };
  } catch {
    return { status: response.status, body: {} };
  }
}

/** Why an answer is not what the workload expects (data, and no errors but the FORBIDDEN denials it is there to measure), or null. */
export function failureFor(workload: Workload, answer: Answer): string | null {
  return failureOf(answer, (code) => workload.deniesFields === true && code === 'FORBIDDEN');
}

/** Whether an answer is what the workload expects (`failureFor` finds nothing wrong). */
export function answered(workload: Workload, answer: Answer): boolean {
  return failureFor(workload, answer) === null;
}

export async function send(workload: Workload, i: number): Promise<Answer> {
  const body = bodyOf(workload.query, workload.variables(i), workload.byId);
  return post(workload.url(workload.stack), body, await workload.headers(workload.stack, i, body));
}

export async function runRound(workload: Workload, requests: number, concurrency: number, offset: number) {
  return runRequests(requests, concurrency, async (i) => failureFor(workload, await send(workload, offset + i)));
}

/**
 * Sends `requests` requests, `concurrency` at a time, each by `sendOne(i)` (null when answered as
 * expected, else what was wrong, as `failureOf` puts it): every latency, the failures by key (a
 * request that got no answer at all counted by `noAnswerOf`, not thrown), and the wall time of the whole.
 */
export async function runRequests(requests: number, concurrency: number, sendOne: (i: number) => Promise<string | null>) {
  const latenciesMs: number[] = [];
  const failures = new FailureTally();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        const failure = await sendOne(i).catch(noAnswerOf);
        latenciesMs.push(performance.now() - t0);
        if (failure !== null) failures.add(failure);
      }
    }),
  );
  return { latenciesMs, wallMs: performance.now() - started, errors: failures.total, failures };
}

/**
 * The warm-up before measuring, answers discarded: WARM_UP_REQUESTS sent through each of `senders` (one
 * per side, or per side and operation), in chunks of CHUNK taking turns as the measured rounds do, so
 * every process is measured equally warm and none has sat idle for long when measuring begins.
 */
export async function warmUp(senders: readonly ((i: number) => Promise<Answer>)[], concurrency: number): Promise<void> {
  for (let done = 0; done < WARM_UP_REQUESTS; done += CHUNK)
    for (const send of senders)
      await runRequests(Math.min(CHUNK, WARM_UP_REQUESTS - done), concurrency, async (i) => failureOf(await send(done + i)));
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
