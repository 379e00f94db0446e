// Fails when a package's drizzle tables and its committed migrations disagree: drizzle-kit is run
// for every subgraph and for shared (the audit store) and must find nothing to generate.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const subgraphsDir = join(root, 'subgraphs');

function fingerprint(dir) {
  if (!existsSync(dir)) return '';
  const hash = createHash('sha256');
  const walk = (current) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

const packages = [
  ...readdirSync(subgraphsDir)
    .sort()
    .map((agency) => `subgraphs/${agency}`),
  'shared',
];

let drift = false;
for (const name of packages) {
  const dir = join(root, name);
  if (!existsSync(join(dir, 'drizzle.config.ts'))) continue;
  const before = fingerprint(join(dir, 'drizzle'));
  execFileSync(join(root, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--config', 'drizzle.config.ts'], {
    cwd: dir,
    stdio: 'pipe',
  });
  if (fingerprint(join(dir, 'drizzle')) !== before) {
    process.stderr.write(`${name}: tables changed without a migration; run \`npm run migrations:generate\` and commit the result\n`);
    drift = true;
  }
}
if (drift) process.exit(1);
process.stdout.write('migrations up to date\n');
