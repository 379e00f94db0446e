import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { Counter } from '../metrics/counter';

/**
 * Counts the SQL statements one service sends. It is drizzle's logger hook, but it never records
 * the statement text or its parameters: those can carry personal data.
 * Tests and the benchmark read it to prove batching (one statement per DataLoader batch).
 */
export class StatementCounter extends Counter implements DrizzleLogger {
  logQuery(): void {
    this.increment();
  }
}
