/** A resettable count of events (SQL statements sent, requests served) for tests and the benchmark. */
export class Counter {
  private total = 0;

  increment(by = 1): void {
    this.total += by;
  }

  /** Events since the counter was created or last reset. */
  get count(): number {
    return this.total;
  }

  reset(): void {
    this.total = 0;
  }
}
