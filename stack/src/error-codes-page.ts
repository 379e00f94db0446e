import { ERROR_CODE_DEFINITIONS } from '@mappa/shared';
import { join } from 'node:path';
import type { GeneratedFile } from './generate-schemas';
import { REPOSITORY_ROOT } from './generate-schemas';

/** Where the error-code page is committed. */
export const ERROR_CODES_PAGE_PATH = join(REPOSITORY_ROOT, 'docs', 'error-codes.md');

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders `docs/error-codes.md` from the registry in `shared/src/errors/error-codes.ts`: a summary
 * table, then one section per code with its meaning, statuses, when a client sees it and its
 * extensions. Its text is only what the registry says, so the page cannot drift from the code.
 */
export function renderErrorCodesPage(): GeneratedFile {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from shared/src/errors/error-codes.ts by `npm run errors:generate`; `npm run check` fails when it is stale. -->',
    '',
    'Every error a client receives has a fixed `extensions.code` from this list. An error with any other code is',
    'unexpected and reaches a production client only as `INTERNAL_SERVER_ERROR` with a generic message. The',
    'HTTP status is 200 when the error sits beside data that still stands; any other status means the request',
    'was refused whole.',
    '',
    '| Code | HTTP status | Meaning |',
    '| --- | --- | --- |',
    ...ERROR_CODE_DEFINITIONS.map(
      ({ code, httpStatuses, meaning }) => `| [\`${code}\`](#${code.toLowerCase()}) | ${httpStatuses.join(', ')} | ${cell(meaning)} |`,
    ),
    '',
  ];
  for (const { code, meaning, httpStatuses, whenSeen, extensions } of ERROR_CODE_DEFINITIONS) {
    lines.push(`## ${code}`, '', meaning, '', `- **HTTP status:** ${httpStatuses.join(', ')}`, `- **When a client sees it:** ${whenSeen}`);
    const named = Object.entries(extensions ?? {});
    if (named.length > 0) {
      lines.push('- **Extensions besides `code`:**', ...named.map(([name, description]) => `  - \`${name}\`: ${description}`));
    }
    lines.push('');
  }
  return { path: ERROR_CODES_PAGE_PATH, content: lines.join('\n') };
}
