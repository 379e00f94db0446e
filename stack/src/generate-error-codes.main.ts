// `npm run errors:generate` writes docs/error-codes.md from the error-code registry;
// `--check` (run by `npm run check`) fails when the committed page differs from what the registry generates.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderErrorCodesPage } from './error-codes-page';
import { REPOSITORY_ROOT } from './generate-schemas';

function main(): void {
  const { path, content } = renderErrorCodesPage();
  const stale = !existsSync(path) || readFileSync(path, 'utf8') !== content;
  if (process.argv.includes('--check')) {
    if (stale) {
      process.stderr.write(
        `The error-code page is out of date; run \`npm run errors:generate\` and commit:\n  ${relative(REPOSITORY_ROOT, path)}\n`,
      );
      process.exit(1);
    }
    process.stdout.write('error-code page up to date\n');
    return;
  }
  if (stale) writeFileSync(path, content);
  process.stdout.write(stale ? `wrote ${relative(REPOSITORY_ROOT, path)}\n` : 'error-code page already up to date\n');
}

main();
