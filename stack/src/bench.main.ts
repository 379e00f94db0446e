// `npm run bench`: seeds the PostgreSQL server (DATABASE_URL, or the local server's `mappa_bench`
// database) and measures workloads side by side in one run, interleaved in rounds so that machine
// noise hits every workload alike. Reports ratios, not absolute promises.
//
// On vs off: besides the product as it runs, three more stacks over the same database each run with
// one part switched off (BENCHMARK ONLY switches; this is the only program that passes them):
// `authorization: 'off'` (see `AuthorizationMode`), `audit: 'off'` (see `AuditMode`) and
// `documentControls: 'off'` (see `DocumentControlsMode`). The same operations are measured on all
// four, in the same rounds, and each off stack is compared with the product. The product requires
// trusted documents, as in production: its workloads send each operation's registered id, and the
// documents-off stack the operation's text. Authentication stays on everywhere (token verification at the gateway, a signed assertion
// on every subgraph call), and each off stack leaves out one part only, so each ratio isolates it.
// At the end every audit chain in the database is verified; a broken one fails the run.
//
// `--only deployed` (issue 15) measures the deployed layout instead, one process per service
// (bench/deployed.ts): the product against its peers, and everything on vs everything off.
//
// `--only subgraph` (issue 15) measures one subgraph alone against the least a subgraph on this stack
// does (bench/subgraph-floor.ts).
//
// This file only wires the modules under bench/ together.
import { runDeployedBench } from './bench/deployed';
import { runInProcessBench } from './bench/in-process';
import { parseBenchOptions, USAGE } from './bench/options';
import { runSubgraphFloorBench } from './bench/subgraph-floor';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.only === 'deployed') await runDeployedBench(options);
  else if (options.only === 'subgraph') await runSubgraphFloorBench(options);
  else await runInProcessBench(options);
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
