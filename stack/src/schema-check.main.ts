// `npm run schema:check -w subgraphs/<agency>` (one agency) and `npm run schema:check` (every
// registered agency): before an agency publishes, its current schema composed with the committed
// others, against the committed supergraph (docs/schema-checks.md). Non-zero exit when one fails.
//   --base <git revision>   the committed schemas to compare with (default HEAD; SCHEMA_CHECK_BASE);
//                           --base working-tree reads the files on disk instead
//   --manifest <file>       a trusted-document manifest of registered operations (repeatable);
//                           TRUSTED_DOCUMENTS_MANIFEST (comma-separated) as the gateway reads it
import { resolve } from 'node:path';
import { AGENCY_SUBGRAPH_NAMES, agencyRegistration } from '@mappa/shared';
import { REPOSITORY_ROOT } from './generate-schemas';
import { checkSubgraphSchema, renderSchemaCheckReport } from './schema-check';
import { schemaCheckInputOf } from './schema-check-inputs';
import type { Baseline } from './schema-check-inputs';
import { commandFailureText } from './command-failure';

function optionValues(args: readonly string[], option: string): string[] {
  return args.flatMap((arg, index) => (arg === option && args[index + 1] !== undefined ? [args[index + 1]!] : []));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const optionArgs = new Set(args.flatMap((arg, index) => (arg.startsWith('--') ? [index, index + 1] : [])));
  const agencies = args.filter((_arg, index) => !optionArgs.has(index));
  for (const agency of agencies) agencyRegistration(agency);
  const base = optionValues(args, '--base').at(-1) ?? process.env.SCHEMA_CHECK_BASE ?? 'HEAD';
  const baseline: Baseline = base === 'working-tree' ? null : base;
  // Relative paths are read from where npm was run (INIT_CWD), not from the workspace npm runs the script in.
  const manifests = [
    ...(process.env.TRUSTED_DOCUMENTS_MANIFEST ?? '')
      .split(',')
      .map((path) => path.trim())
      .filter(Boolean),
    ...optionValues(args, '--manifest'),
  ].map((path) => resolve(process.env.INIT_CWD ?? process.cwd(), path));
  let failed = false;
  for (const agency of agencies.length > 0 ? agencies : AGENCY_SUBGRAPH_NAMES) {
    try {
      const input = await schemaCheckInputOf(REPOSITORY_ROOT, agency, baseline, manifests);
      const report = await checkSubgraphSchema(input);
      process.stdout.write(renderSchemaCheckReport(report));
      failed ||= !report.passed;
    } catch (error: unknown) {
      // The subgraph did not build (a field without a policy, a grant naming an unknown condition…).
      process.stdout.write(
        `schema check of the ${agency} subgraph: FAILED\n  its schema does not build:\n    ${error instanceof Error ? error.message.replace(/\n/g, '\n    ') : String(error)}\n`,
      );
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${commandFailureText(error)}\n`);
  process.exit(1);
});
