// `npm run -s token -- --agency <agency> --role <role> [--role …] [--area <AREA>] [--clearance <level>] [--staff <id>]`
// prints a bearer token from the local development issuer that `npm start` trusts.
import { parseArgs } from 'node:util';
import { LocalIssuer } from '@mappa/gateway';
import { principalSchema } from '@mappa/shared';
import { loadStackConfig } from './config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      area: { type: 'string', default: 'LONDON' },
      clearance: { type: 'string', default: 'SC' },
      staff: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
    strict: true,
  });
  const principal = principalSchema.safeParse({
    staffId: values.staff ?? `DEV-${values.agency ?? 'unknown'}-${(values.role ?? ['user'])[0]}`.toUpperCase().replace(/[^A-Z0-9_-]/g, '-'),
    agency: values.agency,
    roles: values.role,
    area: values.area,
    clearance: values.clearance,
  });
  if (!principal.success) {
    throw new Error(principal.error.issues.map((issue) => `--${String(issue.path[0] ?? '')}: ${issue.message}`).join('\n'));
  }
  const hours = Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24) throw new Error('--hours must be a whole number from 1 to 24');
  const issuer = await LocalIssuer.openDevIssuer(loadStackConfig().DEV_ISSUER_DIR);
  process.stdout.write(`${await issuer.mint(principal.data, { hours })}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
