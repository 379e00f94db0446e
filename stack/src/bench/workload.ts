// What the benchmark measures: workloads on a stack, operations compared across stacks, and what is
// recorded of each while it runs.
import type { LocalStack } from '../local-stack';

/** A part of the product that a BENCHMARK-ONLY switch leaves out, so that its cost can be measured. */
export type Switch = 'authorization' | 'audit' | 'documents';

/** One of the stacks the benchmark runs over the one database. */
export interface BenchStack {
  readonly stack: LocalStack;
  /** What its workloads are called after: `gateway` for the product as it runs, else what is off. */
  readonly label: string;
  /** The part it runs without; null for the product as it runs. */
  readonly off: Switch | null;
}

export interface Workload {
  readonly name: string;
  /** The stack it runs on: the product as it runs, or one with a part switched off. */
  readonly stack: LocalStack;
  readonly url: (stack: LocalStack) => string;
  /** Credentials for one request: a bearer token for the gateway, an assertion for a subgraph (bound to the body). */
  readonly headers: (stack: LocalStack, i: number, body: string) => Promise<Record<string, string>>;
  readonly query: string;
  /** Whether the operation is sent by its registered id (`documentId`) rather than as text. */
  readonly byId: boolean;
  readonly variables: (i: number) => Record<string, unknown>;
  /** Whether FORBIDDEN errors are the expected answer (denied fields), not failures. */
  readonly deniesFields?: boolean;
}

/** An operation, measured on the product and on every stack with a part switched off. */
export interface Operation {
  readonly name: string;
  /** Whether the principal is denied fields (where authorization is on): FORBIDDEN is then the expected answer. */
  readonly deniesFields: boolean;
  readonly on: (stack: BenchStack) => Workload;
}

/** One operation measured on the product (`on`) and on a stack with one part switched off (`off`). */
export interface Comparison {
  readonly name: string;
  /** What the off side leaves out. */
  readonly switched: Switch;
  readonly on: Workload;
  readonly off: Workload;
  /** What the answers on the two stacks are checked to be before measuring. */
  readonly answers: 'same' | 'more data with authorization off';
}

export interface Measurement {
  readonly latenciesMs: number[];
  busyMs: number;
  errors: number;
  /** Audit SQL statements its stack sent while it ran: fewer per request than alone, under group commit. */
  auditStatements: number;
  /**
   * CPU time this process (every service and the load generator) spent while it ran. Unlike
   * requests/s it hardly moves with other load on the machine; the database server's is not in it.
   */
  cpuMs: number;
  /** Requests, busy time and latencies in each round, for the spread of a ratio across rounds. */
  readonly rounds: { requests: number; busyMs: number; readonly latenciesMs: number[] }[];
}

/** What one request of a workload costs, counted with nothing else running. */
export interface OperationCounts {
  /** Per subgraph: GraphQL requests it served and data SQL statements it sent. */
  readonly subgraphs: Readonly<Record<string, { requests: number; statements: number }>>;
  /** Per audit log (the gateway's and each subgraph's): entries written and audit SQL statements sent. */
  readonly audit: Readonly<Record<string, { entries: number; statements: number }>>;
}

/** Requests per chunk: within a round, the sides of an operation (product and off stacks) alternate chunk by chunk. */
export const CHUNK = 50;

/**
 * Requests of each operation every side of a multi-process run (`--only deployed`, `--only subgraph`)
 * serves before measuring, discarded. A service's CPU per request falls for its first thousands of
 * requests as V8 compiles and optimises its code: with 50 after the answer check (as before), the same
 * build on both sides of the deployed run (an A/A run) cost 1.42-1.47x the subgraph CPU per request on
 * the side that had served fewer requests; with 1,000 1.12x; with 2,000 in chunks taking turns
 * 0.91-1.20x, the noise of those short runs (docs/benchmarks.md, "Warming up the deployed run").
 */
export const WARM_UP_REQUESTS = 2_000;
