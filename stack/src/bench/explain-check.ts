// BENCHMARK ONLY (issue 15 "Scale", issue 13): given the SQL statements the services sent while a
// workload's request ran (recorded by their statement relay, statement-relay.ts), asks PostgreSQL for
// each one's plan, so that the benchmark can fail on a plan that reads a whole large table and report
// what each statement costs in the database.
import { Client } from 'pg';

/** A statement as a service sent it: its text and its parameter values (never written out). */
export interface RecordedStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** What PostgreSQL said of one recorded statement's plan. */
export interface ExplainedStatement {
  /** The statement's verb and first table, e.g. `select mappa.mappa_case` (never its parameters). */
  readonly label: string;
  /** Tables (schema.table) at or above the large-table size that the plan reads with a sequential scan, unless it keeps most of what it reads (`MOSTLY_KEPT_SHARE`). */
  readonly seqScans: readonly string[];
  /** EXPLAIN ANALYZE's execution time, when analysed. */
  readonly executionMs: number | null;
  /** Shared buffers hit plus read, when analysed (EXPLAIN's BUFFERS). */
  readonly buffers: number | null;
}

/** A plan node of EXPLAIN (FORMAT JSON): only what is read here. */
interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Schema?: string;
  readonly 'Shared Hit Blocks'?: number;
  readonly 'Shared Read Blocks'?: number;
  /** Under ANALYZE: rows the node returned, and rows its filter read and discarded, each per loop. */
  readonly 'Actual Rows'?: number;
  readonly 'Rows Removed by Filter'?: number;
  /** The scan's condition, when it has one. */
  readonly Filter?: string;
  readonly Plans?: readonly PlanNode[];
}

/** A table this large (estimated rows) must never be read whole by a counted statement... */
export const LARGE_TABLE_ROWS = 10_000;

/**
 * ...unless the statement needs most of what it reads. A sequential scan whose filter keeps this share of
 * the rows it reads or more is what an index would cost too, so it is not the missing index the check is
 * for: table 5's recalls of a reporting year are 46% of the 1,000,000 seed's recall table (three years of
 * recalls), and there the planner's sequential scan and the covering index's index-only scan (forced) both
 * ran in 51 ms. A register count of an area keeps at most its area's share (London, the largest, about
 * 15%), which stays refused. Only EXPLAIN ANALYZE says what a scan kept; a plan only estimated is held to
 * the strict rule.
 */
export const MOSTLY_KEPT_SHARE = 0.4;

/**
 * Whether an analysed sequential scan with a condition kept at least `MOSTLY_KEPT_SHARE` of the rows it
 * read. A scan with no condition at all reads the whole table by definition, and stays refused.
 */
function keptMostOfWhatItRead(node: PlanNode): boolean {
  const kept = node['Actual Rows'];
  if (kept === undefined || node.Filter === undefined) return false;
  const read = kept + (node['Rows Removed by Filter'] ?? 0);
  return read > 0 && kept / read >= MOSTLY_KEPT_SHARE;
}

// Transaction control, settings and the audit trail's own statements (schema `audit`) are not the workload's data access.
const SKIPPED = /^\s*(begin|commit|rollback|set|savepoint|release|insert|update|delete|select pg_advisory)/i;

/** A statement's verb and first table, e.g. `select mappa.mappa_case`: never its parameters or literals. */
function statementLabel(text: string): string {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? '?';
  // The first schema-qualified table read (`extract(year from age(…))` is not a table), else the first name after `from`.
  const table = (
    /\b(?:from|into|update|join)\s+("?\w+"?\."?\w+"?)/i.exec(text)?.[1] ??
    /\b(?:from|into|update)\s+("?\w+"?)/i.exec(text)?.[1] ??
    ''
  ).replaceAll('"', '');
  return table ? `${verb} ${table}` : verb;
}

/** The data reads among recorded statements: selects (and `with` queries) that do not touch the audit trail. */
export function dataReads<Statement extends RecordedStatement>(statements: readonly Statement[]): Statement[] {
  return statements.filter(
    (statement) => !SKIPPED.test(statement.text) && /^\s*(select|with)\b/i.test(statement.text) && !/\baudit"?\./i.test(statement.text),
  );
}

/** Every node of a plan, depth first. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/**
 * EXPLAINs each statement on the bench database (with ANALYZE and BUFFERS when `analyze`: the
 * statements are reads, so running them changes nothing) and lists, per statement, the large tables
 * its plan reads with a sequential scan. JIT is off, as the statistics statements run it.
 */
export async function explainStatements(
  url: string,
  statements: readonly RecordedStatement[],
  analyze: boolean,
): Promise<ExplainedStatement[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set jit = off');
    const sizes = new Map(
      (
        await client.query<{ name: string; rows: number }>(
          `select n.nspname || '.' || c.relname as name, c.reltuples::float8 as rows from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')`,
        )
      ).rows.map((row) => [row.name, Number(row.rows)]),
    );
    const explained: ExplainedStatement[] = [];
    for (const statement of statements) {
      // VERBOSE: without it a plan node names its table but not its schema, and every table here is in an agency's schema.
      const options = analyze ? 'verbose, analyze, buffers, format json' : 'verbose, format json';
      const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time'?: number }] }>(
        `explain (${options}) ${statement.text}`,
        [...statement.values],
      );
      const [top] = result.rows[0]!['QUERY PLAN'];
      const nodes = nodesOf(top.Plan);
      const seqScans = nodes
        .filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] !== undefined && !keptMostOfWhatItRead(node))
        .map((node) => `${node.Schema ?? 'public'}.${node['Relation Name']}`)
        .filter((table) => (sizes.get(table) ?? 0) >= LARGE_TABLE_ROWS);
      explained.push({
        label: statementLabel(statement.text),
        seqScans: [...new Set(seqScans)],
        executionMs: analyze ? (top['Execution Time'] ?? null) : null,
        buffers: analyze ? (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0) : null,
      });
    }
    return explained;
  } finally {
    await client.end();
  }
}

/** Throws, naming the workload, each offending statement and table, when any plan reads a whole large table. */
export function expectNoLargeSeqScan(workload: string, explained: readonly ExplainedStatement[]): void {
  const offending = largeSeqScansOf(workload, explained);
  if (offending !== null) throw new Error(offending);
}

/** What `expectNoLargeSeqScan` would throw: the workload, each offending statement and table; null when no plan reads a whole large table. */
export function largeSeqScansOf(workload: string, explained: readonly ExplainedStatement[]): string | null {
  const offending = explained.filter((statement) => statement.seqScans.length > 0);
  return offending.length === 0
    ? null
    : `${workload}: ${offending.map((statement) => `${statement.label} reads ${statement.seqScans.join(', ')} whole`).join('; ')} (tables of ${LARGE_TABLE_ROWS.toLocaleString('en-GB')}+ rows)`;
}
