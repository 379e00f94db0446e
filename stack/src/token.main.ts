// `npm run -s token -- --agency <agency> --role <role> [--role …] [--area <AREA>] [--clearance <level>] [--staff <id>] [--establishment <NOMIS code>] [--local-authority <council>] [--minutes <n>]`
// prints a bearer token from the local development issuer that `npm start` trusts.
import { parseArgs } from 'node:util';
import { LocalIssuer } from '@mappa/gateway';
import { agencyHoldsRole, principalClaimsSchema, ROLE_AGENCIES } from '@mappa/shared';
import { loadStackConfig } from './config';
import { commandFailureText } from './command-failure';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      area: { type: 'string', default: 'LONDON' },
      clearance: { type: 'string', default: 'SC' },
      staff: { type: 'string' },
      establishment: { type: 'string' },
      'local-authority': { type: 'string' },
      minutes: { type: 'string', default: '60' },
    },
    strict: true,
  });
  const principal = principalClaimsSchema.safeParse({
    staffId: values.staff ?? `DEV-${values.agency ?? 'unknown'}-${(values.role ?? ['user'])[0]}`.toUpperCase().replace(/[^A-Z0-9_-]/g, '-'),
    agency: values.agency,
    roles: values.role,
    area: values.area,
    clearance: values.clearance,
    establishment: values.establishment,
    localAuthority: values['local-authority'],
  });
  if (!principal.success) {
    // Each problem under the option it came from, not the claim's name.
    const optionOf: Record<string, string> = { staffId: 'staff', roles: 'role', localAuthority: 'local-authority' };
    const option = (claim: string) => optionOf[claim] ?? claim;
    throw new Error(principal.error.issues.map((issue) => `--${option(String(issue.path[0] ?? ''))}: ${issue.message}`).join('\n'));
  }
  // The gateway would refuse these tokens; say why here instead.
  const { agency, roles } = principal.data;
  if (principal.data.establishment !== undefined && agency !== 'prison') throw new Error('--establishment is for prison principals only');
  if (principal.data.localAuthority !== undefined && agency !== 'yot') throw new Error('--local-authority is for yot principals only');
  const foreign = roles.filter((role) => !agencyHoldsRole(agency, role));
  if (foreign.length > 0) {
    throw new Error(foreign.map((role) => `--role ${role} is held only in ${ROLE_AGENCIES[role].join(', ')}, not ${agency}`).join('\n'));
  }
  const config = loadStackConfig();
  const minutes = Number(values.minutes);
  const maxMinutes = Math.floor(config.TOKEN_MAX_LIFETIME_SECONDS / 60);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > maxMinutes) {
    throw new Error(`--minutes must be a whole number from 1 to ${maxMinutes} (TOKEN_MAX_LIFETIME_SECONDS)`);
  }
  const issuer = await LocalIssuer.openDevIssuer(config.DEV_ISSUER_DIR);
  process.stdout.write(`${await issuer.mint(principal.data, { lifetimeSeconds: minutes * 60 })}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`token: ${commandFailureText(error)}\n`);
  process.exit(1);
});
