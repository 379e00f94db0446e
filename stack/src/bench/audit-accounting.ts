// What each request costs in subgraph requests, SQL and audit entries, and the audit chains verified at the end.
import { auditLogHeadTable } from '@mappa/shared';
import type { AuditMode, Database, DatabaseConnection } from '@mappa/shared';
import { runAuditVerify } from '../audit-verify';
import type { LocalStack } from '../local-stack';
import { send } from './load';
import type { OperationCounts, Workload } from './workload';

/** Each audit log's last sequence number: how many entries it holds. */
export async function auditHeads(db: Database): Promise<Map<string, number>> {
  const heads = await db.select({ log: auditLogHeadTable.log, lastSequence: auditLogHeadTable.lastSequence }).from(auditLogHeadTable);
  return new Map(heads.map(({ log, lastSequence }) => [log, lastSequence]));
}

/** Audit SQL statements a stack has sent so far: its gateway's and every subgraph's. */
export function auditStatementsOf(stack: LocalStack): number {
  return Object.values(stack.subgraphs).reduce(
    (sum, subgraph) => sum + subgraph.auditStatements.count,
    stack.gateway.auditStatements.count,
  );
}

/**
 * Sends one request of the workload with nothing else running and counts what it cost: subgraph
 * requests and data statements, and per audit log the entries written (from the log heads) and the
 * audit statements sent. Every service waits for its entry to commit before it answers, so all are
 * in by the time the answer is.
 */
export async function countPerOperation(workload: Workload, db: Database): Promise<OperationCounts> {
  const { gateway, subgraphs } = workload.stack;
  for (const subgraph of Object.values(subgraphs)) {
    subgraph.requests.reset();
    subgraph.statements.reset();
    subgraph.auditStatements.reset();
  }
  gateway.auditStatements.reset();
  const before = await auditHeads(db);
  await send(workload, 1);
  const after = await auditHeads(db);
  const entries = (log: string) => (after.get(log) ?? 0) - (before.get(log) ?? 0);
  return {
    subgraphs: Object.fromEntries(
      Object.values(subgraphs).map((subgraph) => [
        subgraph.name,
        { requests: subgraph.requests.count, statements: subgraph.statements.count },
      ]),
    ),
    audit: Object.fromEntries([
      ['gateway', { entries: entries('gateway'), statements: gateway.auditStatements.count }],
      ...Object.values(subgraphs).map((subgraph) => [
        subgraph.name,
        { entries: entries(subgraph.name), statements: subgraph.auditStatements.count },
      ]),
    ]),
  };
}

/**
 * The audit ratio means something only if the product writes what it should and the audit-off
 * stack writes nothing: one gateway entry per operation through it, one subgraph entry per request
 * served, and with audit off no entry and no audit statement anywhere. Throws before measuring
 * otherwise; returns the counts.
 */
export function checkAuditCounts(workload: Workload, mode: AuditMode, counts: OperationCounts): OperationCounts {
  const throughGateway = workload.url(workload.stack) === `${workload.stack.gateway.url}/graphql`;
  const expected = (log: string) =>
    mode === 'off' ? 0 : log === 'gateway' ? Number(throughGateway) : (counts.subgraphs[log]?.requests ?? 0);
  const wrong = Object.entries(counts.audit).filter(
    ([log, { entries, statements }]) => entries !== expected(log) || (mode === 'off' && statements > 0),
  );
  if (wrong.length > 0) {
    throw new Error(
      `${workload.name}: audit ${mode}, but ${wrong.map(([log, { entries, statements }]) => `${log} wrote ${entries} entries (expected ${expected(log)}) in ${statements} statements`).join('; ')}`,
    );
  }
  return counts;
}

/** What the report says of the audit chains: every one verified at the end of the run. */
export interface ChainReport {
  readonly lines: readonly string[];
  /** Entries this run wrote, per log. */
  readonly written: ReadonlyMap<string, number>;
  readonly verifyMs: number;
}

/**
 * Verifies every audit chain in the database (`npm run audit:verify`'s check), after everything the
 * run sent: a broken chain fails the benchmark, with the verification's lines, and no report.
 */
export async function verifyChains(
  connection: DatabaseConnection,
  headsAtStart: ReadonlyMap<string, number>,
  headsAtEnd: ReadonlyMap<string, number>,
): Promise<ChainReport> {
  const lines: string[] = [];
  const started = performance.now();
  const code = await runAuditVerify(connection, (line) => lines.push(line));
  const verifyMs = performance.now() - started;
  if (code !== 0) throw new Error(`an audit chain is broken:\n${lines.join('\n')}`);
  const written = new Map([...headsAtEnd].map(([log, sequence]) => [log, sequence - (headsAtStart.get(log) ?? 0)]));
  return { lines, written, verifyMs };
}
