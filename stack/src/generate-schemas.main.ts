// `npm run schema:generate` writes each subgraph's SDL and the supergraph;
// `--check` (run by `npm run check`) fails when the committed files differ from what the code generates.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateSchemas, REPOSITORY_ROOT } from './generate-schemas';
import { commandFailureText } from './command-failure';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateSchemas();
  const stale = files.filter(({ path, content }) => !existsSync(path) || readFileSync(path, 'utf8') !== content);
  if (check) {
    if (stale.length > 0) {
      process.stderr.write(
        `Generated schemas are out of date; run \`npm run schema:generate\` and commit:\n${stale.map(({ path }) => `  ${relative(REPOSITORY_ROOT, path)}`).join('\n')}\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`schemas up to date (${files.length} files)\n`);
    return;
  }
  for (const { path, content } of stale) writeFileSync(path, content);
  process.stdout.write(`wrote ${stale.length} of ${files.length} schema files\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${commandFailureText(error)}\n`);
  process.exit(1);
});
