/** Where a count also goes: the Prometheus counter of the same events (`ServiceMetrics.counterFor`). */
export interface CounterSink {
  inc(by: number): void;
}

/**
 * A resettable count of events (SQL statements sent, requests served) for tests and the benchmark.
 * Each event is counted once, here: given a `sink`, the same increment also moves the service's
 * Prometheus counter (which never resets), so tests, the benchmark and `/metrics` read one count.
 */
export class Counter {
  private total = 0;

  constructor(private readonly sink?: CounterSink) {}

  increment(by = 1): void {
    this.total += by;
    this.sink?.inc(by);
  }

  /** Events since the counter was created or last reset. */
  get count(): number {
    return this.total;
  }

  /** Starts the count again from zero (the Prometheus counter behind it keeps counting). */
  reset(): void {
    this.total = 0;
  }
}
