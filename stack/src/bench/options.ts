// `npm run bench`'s options: parsed and checked before anything starts.
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The full run's dataset size: its database is `BENCH_DATABASE`; any other size has one of its own (`benchDatabaseUrl`). */
export const DEFAULT_OFFENDERS = 100_000;

const optionsSchema = z.object({
  offenders: z.coerce.number().int().min(1_000).default(DEFAULT_OFFENDERS),
  rounds: z.coerce.number().int().min(1).default(8),
  // Fewer per round than before the on/off comparison (6 × 300), more rounds: eight workloads, six of
  // them five-agency, and a check of every compared answer keep the run near five minutes on 2 cores.
  'requests-per-round': z.coerce.number().int().min(10).default(200),
  concurrency: z.coerce.number().int().min(1).max(64).default(8),
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
  only: z.enum(['pack', 'deployed']).optional(),
  // With `--only pack`: before measuring, each side's critical path, hop by hop (bench/trace.ts),
  // written with that run's numbers into the last section of docs/benchmarks.md, which the full run keeps.
  trace: z.boolean().default(false),
  help: z.boolean().default(false),
});

export type BenchOptions = z.infer<typeof optionsSchema>;

export const USAGE = `Usage: npm run bench -- [options]

Seeds the PostgreSQL server (DATABASE_URL, or the local server's mappa_bench database; mappa_bench_<N>
for any other size than ${DEFAULT_OFFENDERS.toLocaleString('en-GB')}) once, then measures workloads in interleaved rounds.

  --offenders N            dataset size (default ${DEFAULT_OFFENDERS}, at least 1000)
  --rounds N               rounds (default 8)
  --requests-per-round N   requests per workload per round (default 200, at least 10)
  --concurrency N          requests in flight per workload (default 8, 1-64)
  --reseed                 seed again even when the database holds the dataset
  --statistics-only        only the statistics workloads (docs/benchmarks-statistics.md)
  --register-only          only the register at scale, every plan checked (stdout)
  --only pack              only the meeting pack beside the single offender view (stdout)
  --only deployed          one process per service: the product against a bare @apollo/gateway and
                           Hive Gateway, and everything on vs off (its section of docs/benchmarks.md)
  --trace                  with --only pack: each side's critical path, hop by hop
  --help                   this text
`;

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options = optionsSchema.parse(values);
  if (options.trace && options.only !== 'pack') throw new Error('--trace traces the meeting pack: run it with --only pack');
  return options;
}
