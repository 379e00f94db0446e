// `npm run bench`'s options: parsed and checked before anything starts.
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The full run's dataset size: its database is `BENCH_DATABASE`; any other size has one of its own (`benchDatabaseUrl`). */
export const DEFAULT_OFFENDERS = 100_000;
/** Requests in flight per workload in every run but `--only deployed`. */
export const DEFAULT_CONCURRENCY = 8;
/**
 * `--only deployed`'s levels unless told (issue 15's findings were measured at these): one request at a
 * time (each request's own cost, nothing queued), and ten and twenty in flight, where the on/off and
 * product/peer ratios move because waits (the audit commits, the pools) start to overlap and queue.
 */
export const DEFAULT_DEPLOYED_CONCURRENCY = [1, 10, 20] as const;
const MAX_CONCURRENCY = 64;

/** `--concurrency`: one level (`8`), or with `--only deployed` or `--only subgraph` a comma-separated list (`1,10,20`), each level once. */
const concurrencyList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'a number, or numbers separated by commas (1,10,20)')
  .transform((text) => text.split(',').map(Number))
  .pipe(z.array(z.number().int().min(1).max(MAX_CONCURRENCY)))
  .refine((levels) => new Set(levels).size === levels.length, 'each level once');

/** `--node-flags`: Node or V8 flags separated by spaces, each `--name` or `--name=value` (no quoting, no paths with spaces). */
const nodeFlagList = z
  .string()
  .regex(/^--[a-z0-9-]+(=[\w.-]+)?( --[a-z0-9-]+(=[\w.-]+)?)*$/, 'flags separated by spaces, each --name or --name=value')
  .transform((text) => text.split(' '));

const optionsSchema = z.object({
  offenders: z.coerce.number().int().min(1_000).default(DEFAULT_OFFENDERS),
  rounds: z.coerce.number().int().min(1).default(8),
  // Fewer per round than before the on/off comparison (6 × 300), more rounds: eight workloads, six of
  // them five-agency, and a check of every compared answer keep the run near five minutes on 2 cores.
  'requests-per-round': z.coerce.number().int().min(10).default(200),
  concurrency: concurrencyList.optional(),
  reseed: z.boolean().default(false),
  // Only the statistics workloads (issue 13), on the product alone: `--statistics-only --offenders N`.
  'statistics-only': z.boolean().default(false),
  // Only the register at scale (issue 15), on the product alone, with every statement's plan checked: `--register-only --offenders N`.
  'register-only': z.boolean().default(false),
  // `--only pack`: the meeting pack and the single offender view beside it, nothing else (no off
  // stacks, no other workload), reported on stdout: the rest of docs/benchmarks.md is the full run's.
  // `--only deployed` (issue 15): one process per service, the product against a bare
  // @apollo/gateway and Hive Gateway in front of the same subgraphs, and the product with
  // authorization and audit on against everything off; its section of docs/benchmarks.md only.
  // `--only subgraph` (issue 15): the product's police subgraph alone against the least a subgraph on
  // this stack does (bench/subgraph-floor.ts), each in a process of its own; its table on stdout.
  only: z.enum(['pack', 'deployed', 'subgraph']).optional(),
  // With `--only pack`: before measuring, each side's critical path, hop by hop (bench/trace.ts),
  // written with that run's numbers into the last section of docs/benchmarks.md, which the full run keeps.
  trace: z.boolean().default(false),
  // With `--only deployed`: a control (A/A) run. The "everything off" side is started with authorization and
  // the audit trail on, so both sides of on vs off run the same build and its ratios show the instrument's
  // own bias (1.00 but for noise when it is fair); reported on stdout, docs/benchmarks.md left as it is.
  control: z.boolean().default(false),
  // With `--only deployed` or `--only subgraph`: Node flags every service process of every side starts
  // with (`--no-memory-reducer`), to measure what a flag would change; reported on stdout only, as the
  // product does not start with them.
  'node-flags': nodeFlagList.optional(),
  help: z.boolean().default(false),
});

type ParsedOptions = z.infer<typeof optionsSchema>;

export interface BenchOptions extends Omit<ParsedOptions, 'concurrency' | 'node-flags'> {
  /** Requests in flight per workload: the one level of every run but `--only deployed` (the first level there). */
  readonly concurrency: number;
  /** Every level `--only deployed` or `--only subgraph` measures, in the order given (one level elsewhere: `concurrency`). */
  readonly concurrencyLevels: readonly number[];
  /** Node flags of every service process `--only deployed` or `--only subgraph` starts (none unless `--node-flags`). */
  readonly nodeFlags: readonly string[];
}

export const USAGE = `Usage: npm run bench -- [options]

Seeds the PostgreSQL server (DATABASE_URL, or the local server's mappa_bench database; mappa_bench_<N>
for any other size than ${DEFAULT_OFFENDERS.toLocaleString('en-GB')}) once, then measures workloads in interleaved rounds. Seeding
clears every agency's records, so a database holding other people is refused unless --reseed.

  --offenders N            dataset size (default ${DEFAULT_OFFENDERS}, at least 1000)
  --rounds N               rounds (default 8)
  --requests-per-round N   requests per workload per round (default 200, at least 10)
  --concurrency N[,N...]   requests in flight per workload, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}); with --only deployed
                           or --only subgraph a list of levels, each measured in the same rounds (default ${DEFAULT_DEPLOYED_CONCURRENCY.join(',')})
  --reseed                 seed again even when the database holds the dataset, or replace the people it holds
  --statistics-only        only the statistics workloads (docs/benchmarks-statistics.md)
  --register-only          only the register at scale, every plan checked (stdout)
  --only pack              only the meeting pack beside the single offender view (stdout)
  --only deployed          one process per service: the product against a bare @apollo/gateway and
                           Hive Gateway, and everything on vs off (its section of docs/benchmarks.md)
  --only subgraph          the product's police subgraph alone against the least a subgraph on this
                           stack does, one process each, at each --concurrency level (stdout)
  --trace                  with --only pack: each side's critical path, hop by hop
  --control                with --only deployed: an A/A run, the "everything off" side started with everything
                           on, to check the comparison itself (stdout; docs/benchmarks.md unchanged)
  --node-flags="--F ..."   with --only deployed or --only subgraph: Node flags for every service process
                           (e.g. --node-flags=--no-memory-reducer), to measure what one changes (stdout; docs unchanged)
  --help                   this text
`;

/** `nodeFlags` as written on the command line (` --node-flags="…"`), or nothing without any: for a report's "Written by". */
export function nodeFlagsArgument(nodeFlags: readonly string[]): string {
  return nodeFlags.length > 0 ? ` --node-flags="${nodeFlags.join(' ')}"` : '';
}

/** The options of `argv` (without node and the script), checked; throws on an unknown or invalid one. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      offenders: { type: 'string' },
      rounds: { type: 'string' },
      'requests-per-round': { type: 'string' },
      concurrency: { type: 'string' },
      reseed: { type: 'boolean' },
      'statistics-only': { type: 'boolean' },
      'register-only': { type: 'boolean' },
      only: { type: 'string' },
      trace: { type: 'boolean' },
      control: { type: 'boolean' },
      'node-flags': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { concurrency, 'node-flags': nodeFlags, ...options } = optionsSchema.parse(values);
  if (options.trace && options.only !== 'pack') throw new Error('--trace traces the meeting pack: run it with --only pack');
  if (options.control && options.only !== 'deployed') throw new Error('--control checks the deployed run: run it with --only deployed');
  const byProcess = options.only === 'deployed' || options.only === 'subgraph';
  if (!byProcess && nodeFlags !== undefined)
    throw new Error('--node-flags sets the flags of service processes: run it with --only deployed or --only subgraph');
  if (!byProcess && concurrency !== undefined && concurrency.length > 1)
    throw new Error('--concurrency takes a list of levels only with --only deployed or --only subgraph');
  const levels = concurrency ?? (byProcess ? [...DEFAULT_DEPLOYED_CONCURRENCY] : [DEFAULT_CONCURRENCY]);
  return { ...options, concurrency: levels[0]!, concurrencyLevels: levels, nodeFlags: nodeFlags ?? [] };
}
