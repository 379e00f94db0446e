import { z } from 'zod';
import { CLEARANCES, PRINCIPAL_AGENCIES, ROLES } from '../auth/principal';
import { PURPOSES } from '../auth/purpose';
import type { AccessGrant } from './field-policy';
import { RECORD_CONDITIONS } from './record-condition';

/**
 * The encoding of one `AccessGrant` as a directive argument string, so a policy's grants travel in the
 * supergraph (`@mappaAccess(policy: "…", grants: ["…"])`) and the gateway can decide "never visible"
 * without importing any subgraph's code. One string per grant:
 *
 *     roles=<role>,<role>;purposes=<PURPOSE>,<PURPOSE>[;agencies=<agency>,<agency>][;clearance=<LEVEL>][;condition=<name>]
 *
 * Keys in that order, each at most once, lists in the policy's order, no spaces. Every token is an
 * identifier from a closed vocabulary (roles, purposes, agencies, clearances contain only letters and
 * underscores; condition names letters only), so `;`, `=` and `,` never need escaping and a string has exactly one reading.
 * An empty grants list means nobody may read (deny by default).
 */
export function encodeGrant(grant: AccessGrant): string {
  return [
    `roles=${grant.roles.join(',')}`,
    `purposes=${grant.purposes.join(',')}`,
    ...(grant.agencies ? [`agencies=${grant.agencies.join(',')}`] : []),
    ...(grant.minimumClearance ? [`clearance=${grant.minimumClearance}`] : []),
    // The condition travels too, so the supergraph drift check covers it and the gateway knows the
    // grant only "may allow" (it cannot see the record the condition is about).
    ...(grant.condition ? [`condition=${grant.condition}`] : []),
  ].join(';');
}

const list = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z
    .string()
    .transform((text) => text.split(','))
    .pipe(z.array(z.enum(values)).min(1));

const encodedGrantSchema = z.strictObject({
  roles: list(ROLES),
  purposes: list(PURPOSES),
  agencies: list(PRINCIPAL_AGENCIES).optional(),
  clearance: z.enum(CLEARANCES).optional(),
  condition: z.enum(RECORD_CONDITIONS).optional(),
});

const KEY_ORDER = ['roles', 'purposes', 'agencies', 'clearance', 'condition'];

/**
 * Reads a grant written by `encodeGrant`. Anything else throws: the gateway refuses to start on a
 * supergraph it cannot read exactly, rather than guess who may see a field.
 */
export function decodeGrant(encoded: string): AccessGrant {
  const pairs = encoded.split(';').map((pair) => {
    const match = /^([a-z]+)=([A-Za-z_,]+)$/.exec(pair);
    if (!match) throw new Error(`Unreadable access grant "${encoded}": "${pair}" is not key=value`);
    return [match[1]!, match[2]!] as const;
  });
  const keys = pairs.map(([key]) => key);
  const inOrder = KEY_ORDER.filter((key) => keys.includes(key));
  if (new Set(keys).size !== keys.length || keys.join() !== inOrder.join()) {
    throw new Error(`Unreadable access grant "${encoded}": keys must be ${KEY_ORDER.join(', ')}, in that order, each once`);
  }
  const parsed = encodedGrantSchema.safeParse(Object.fromEntries(pairs));
  if (!parsed.success) {
    throw new Error(
      `Unreadable access grant "${encoded}": ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const { roles, purposes, agencies, clearance, condition } = parsed.data;
  return {
    roles,
    purposes,
    ...(agencies ? { agencies } : {}),
    ...(clearance ? { minimumClearance: clearance } : {}),
    ...(condition ? { condition } : {}),
  };
}
