// Writes each holder's `disclosure_rules` custom migration from the one definition of the disclosure
// triggers (shared/src/disclosure/disclosure-triggers.sql.ts), so the three holders enforce the same rules.
// Run with `npx tsx scripts/write-disclosure-migrations.ts` after changing that definition; the holders'
// disclosure trigger tests fail when a migration and the definition differ.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { disclosureTriggersSql } from '../shared/src/disclosure/disclosure-triggers.sql';

for (const schema of ['mappa', 'probation', 'police']) {
  const folder = join(__dirname, '..', 'subgraphs', schema, 'drizzle');
  const [file] = readdirSync(folder).filter((name) => /^\d{4}_disclosure_rules\.sql$/.test(name));
  if (!file)
    throw new Error(`${schema}: no disclosure_rules migration; generate it with drizzle-kit generate --custom --name disclosure_rules`);
  writeFileSync(join(folder, file), disclosureTriggersSql(schema));
  process.stdout.write(`${schema}: ${file}\n`);
}
