import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';

/**
 * Counts the SQL statements one service sends. It is drizzle's logger hook, but it never records
 * the statement text or its parameters: those can carry personal data.
 * Tests and the benchmark read it to prove batching (one statement per DataLoader batch).
 */
export class StatementCounter implements DrizzleLogger {
  private total = 0;

  logQuery(): void {
    this.total += 1;
  }

  /** Statements sent since the counter was created or last reset. */
  get count(): number {
    return this.total;
  }

  reset(): void {
    this.total = 0;
  }
}
