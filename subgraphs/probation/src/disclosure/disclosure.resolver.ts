import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldOwnersOfSdl, level1DisclosureResolvers, subjectInScope } from '@mappa/shared';
import type { ProbationContext } from '../probation.context';
import { probationPolicies } from '../probation.policies';
import { probationSubjectFacts } from '../offender/offender.scope';
import { probationDisclosureStatements } from './disclosure.query';

/*
 * Level 1 disclosure decisions probation holds as lead agency (issue 11; B §2 "Level 1"): proposed by
 * its practitioners for a person with a current probation case, decided by a senior probation officer,
 * never seen by the MAPPA co-ordinator. nDelius holds adults only, so no subject is under 18.
 */

// Probation's own committed SDL (`npm run schema:generate`): the fields its records are quoted from.
const FIELD_OWNERS = fieldOwnersOfSdl(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

export const probationDisclosureResolvers = level1DisclosureResolvers({
  holder: 'PROBATION',
  statements: probationDisclosureStatements,
  policies: {
    record: probationPolicies.disclosureRecord,
    proposal: probationPolicies.disclosureProposal,
    proposing: probationPolicies.disclosureProposing,
  },
  fieldOwners: FIELD_OWNERS,
  subject: async (context, pncId) => {
    const probationCase = await (context as ProbationContext).loaders.probationCase.load(pncId);
    if (!probationCase || probationCase.status !== 'CURRENT' || !subjectInScope(probationSubjectFacts(probationCase), context.rowScope))
      return null;
    return { area: probationCase.area, subjectUnder18: false };
  },
});
