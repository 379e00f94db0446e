// Failed requests, by what they answered (issue 15): the HTTP status and the GraphQL errors'
// `extensions.code`s, or why no answer came, so that a report says what failed and not only how
// many. Codes only: no message, path or variable value is kept.
import type { Answer } from './load';

/**
 * Why `answer` is not the expected one, as a key to count by (`HTTP 200: AUDIT_UNAVAILABLE`), or null
 * when it is: status 200, data, and no errors but those whose code `expected` accepts (a workload
 * that measures denied fields expects FORBIDDEN). A request's codes are listed once each, sorted.
 */
export function failureOf(answer: Answer, expected: (code: string | undefined) => boolean = () => false): string | null {
  const unexpected = (answer.body.errors ?? []).filter((error) => !expected(error.extensions?.code));
  if (answer.status === 200 && answer.body.data != null && unexpected.length === 0) return null;
  const codes = [...new Set(unexpected.map((error) => error.extensions?.code ?? 'no code'))].sort();
  return `HTTP ${answer.status}: ${codes.length > 0 ? codes.join(', ') : 'no errors, no data'}`;
}

/**
 * The key of a request that got no answer at all (refused or reset connection, a body that is not
 * JSON): the error's own code, or its cause's (Node's fetch wraps socket errors: `fetch failed`,
 * cause `ECONNRESET` or `UND_ERR_SOCKET`), else its class.
 */
export function noAnswerOf(error: unknown): string {
  const codeOf = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : undefined;
  const cause = error instanceof Error ? error.cause : undefined;
  const name = error instanceof Error ? error.name : typeof error;
  return `no answer: ${codeOf(cause) ?? codeOf(error) ?? name}`;
}

/** Failed requests counted by key (`failureOf`, `noAnswerOf`), added up across chunks and rounds. */
export class FailureTally {
  private readonly counts = new Map<string, number>();

  add(key: string, count = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  /** Adds every count of `other`. */
  addAll(other: FailureTally): void {
    for (const [key, count] of other.counts) this.add(key, count);
  }

  get total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Each key with its count, the most frequent first (ties by key). */
  entries(): [string, number][] {
    return [...this.counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  }

  /** `3 × HTTP 200: AUDIT_UNAVAILABLE; 1 × no answer: ECONNRESET`, or `none`. */
  summary(): string {
    const entries = this.entries();
    return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${count} × ${key}`).join('; ');
  }
}
