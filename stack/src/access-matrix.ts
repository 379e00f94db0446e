import { declaredPolicies, RECORD_CONDITION_DESCRIPTIONS, ROLE_AGENCIES, ROLES } from '@mappa/shared';
import type { FieldPolicy } from '@mappa/shared';
import type { GraphQLSchema } from 'graphql';

/** One subgraph's schema and the policies its fields name. */
export interface SubgraphPolicies {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly policies: readonly FieldPolicy[];
}

function readers(policy: FieldPolicy): string {
  if (policy.grants.length === 0) return 'nobody';
  return policy.grants
    .map((grant) => {
      const conditions = [
        grant.agencies ? `agency ${grant.agencies.join(' or ')}` : '',
        grant.minimumClearance ? `clearance ${grant.minimumClearance} or above` : '',
        grant.condition ? RECORD_CONDITION_DESCRIPTIONS[grant.condition] : '',
      ].filter(Boolean);
      return `${grant.roles.map((role) => `\`${role}\``).join(', ')} for ${grant.purposes.join(', ')}${conditions.length > 0 ? ` (${conditions.join('; ')})` : ''}`;
    })
    .join('; ');
}

const anchor = (name: string) => name.replace(/\./g, '-').toLowerCase();

/** The one table of which agencies hold each role (`ROLE_AGENCIES`), as the gateway and the policy build apply it. */
function roleAgencies(): string {
  return ROLES.map((role) => `| \`${role}\` | ${ROLE_AGENCIES[role].map((agency) => `\`${agency}\``).join(', ')} |`).join('\n');
}

/**
 * The access matrix an information-governance officer signs off, generated from the policies the
 * subgraphs enforce, so the page and the code cannot drift apart (`npm run check` compares them).
 */
export function renderAccessMatrix(subgraphs: readonly SubgraphPolicies[]): string {
  const sections = subgraphs.map(({ name, schema, policies }) => {
    const byName = new Map(policies.map((policy) => [policy.name, policy]));
    const policyRows = policies
      .map(
        (policy) =>
          `| <a id="${anchor(policy.name)}"></a>\`${policy.name}\` | ${policy.classification} | ${policy.summary} | ${readers(policy)} | ${policy.rules.join(', ')} |`,
      )
      .join('\n');
    const fieldRows = [...declaredPolicies(schema)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([coordinate, policyName]) => {
        const policy = policyName ? byName.get(policyName) : undefined;
        if (!policy) return `| \`${coordinate}\` | — | — | — | **no policy** |`;
        return `| \`${coordinate}\` | [\`${policy.name}\`](#${anchor(policy.name)}) | ${policy.owner} | ${policy.classification} | ${policy.rules.join(', ')} |`;
      })
      .join('\n');
    return `## ${name}

### Policies

| policy | classification | what it covers | who may read it, and why | rules |
|---|---|---|---|---|
${policyRows}

### Fields

| field | policy | owner | classification | rules |
|---|---|---|---|---|
${fieldRows}
`;
  });
  return `# Access matrix

Generated from the access policies each agency's subgraph enforces (\`subgraphs/<agency>/src/<agency>.policies.ts\`)
by \`npm run schema:generate\`; \`npm run check\` fails when this page and the code disagree. Do not edit by hand.

How to read it:
- Every field of every type has exactly one policy. A policy lists who may read the field: a role, and the
  purposes (declared with each request) for which that role may read it. Anyone else gets \`null\` and a
  \`FORBIDDEN\` error naming the policy. Nothing is readable unless a policy allows it.
- The owner agency's subgraph enforces its own policies on every path, including references from other agencies.
- The gateway applies the same role-and-purpose rules before it asks any agency: a field the reader can never
  be granted is not requested from its owner at all, and the reader gets the same \`null\` and \`FORBIDDEN\` error.
- Row scope, enforced by every agency before any field, on every path (principle 9: a person outside it
  does not exist for the reader, exactly as an unknown identifier, in every agency and in the register's
  pages and counts):
  - a person in MAPPA category 4 or with a restricted-access ViSOR record only for counter-terrorism cleared
    readers (CTC, SC or DV; principle 7);
  - under MAPPA_MEETING and DISCLOSURE_DECISION no one under 18 on the day of the request (or of unknown age)
    unless the meeting has the YOT and children's services attending or consulted, or the decision has asked
    both (A.R25, B.10, C.52);
  - under DISCLOSURE_DECISION only the subject of the decision named in x-mappa-case, and only for its parties
    (its proposer, its decision maker, an owner asked to agree to one of its items, an agency it consulted, the
    area's co-ordinator for a level 2/3 decision), as its holder (the MAPPA unit, or probation or the police for
    level 1) answers to the gateway: no area, no case grant, and a made-up decision id reaches no one;
  - otherwise only people whose responsible MAPPA area is the reader's own (principle 2; the area follows a
    transfer, C.5), or for whom the reader holds a live case grant for the declared purpose (and meeting or
    decision). Duty-to-co-operate attendees see people only through such a grant (principle 5). Information
    governance is not limited to an area under AUDIT;
  - probation limited-access cases only for the allocated community offender manager and grant holders (R-4);
    victim contacts only for the allocated victim liaison officer. A staff id counts only as issued by the
    owner's own identity provider (\`STAFF_ID_ISSUERS\`), and a case grant to a staff id only for that id from
    the provider the grant names.
- A grant may hold only for some records ("only for a record that …"): the owner decides it for each record,
  and where it does not hold the reader gets \`null\` and no error, exactly as when the agency holds no such
  record (principle 9). The gateway treats such a grant as one that may allow.
- Where a summary says a condition is "not yet enforced", the role-and-purpose rule applies today and the
  per-record condition it names (for example meeting membership, the same local authority, foreign-national
  status) is still to come: the summary says whether the field is refused meanwhile or the grant applies.
- Rule ids (\`A.R32\`, \`B.15\`, \`C.42\`, \`principle 3\`) point into the MAPPA guidance analyses.
- A role is held only in the agencies listed for it below: the gateway refuses a token claiming a role its
  agency cannot hold (and an agency or clearance its identity provider may not vouch for), and a policy
  granting a role to agencies none of which hold it fails the build. So "\`ppu_officer\`" in a policy always
  means a police officer.

## Roles and the agencies that hold them

| role | held in |
|---|---|
${roleAgencies()}

${sections.join('\n')}`;
}
