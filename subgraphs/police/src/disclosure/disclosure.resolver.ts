import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldOwnersOfSdl, isUnder18, level1DisclosureResolvers, subjectInScope } from '@mappa/shared';
import type { PoliceContext } from '../police.context';
import { policePolicies } from '../police.policies';
import { policeSubjectFacts } from '../offender/offender.scope';
import { policeDisclosureStatements } from './disclosure.query';

/*
 * Level 1 disclosure decisions the police hold as lead agency (issue 11; B §2 "Level 1"): proposed by a
 * PPU officer for a person the police hold in their area, decided by another PPU officer, never seen by
 * the MAPPA co-ordinator. A subject under 18 (by the police date of birth) needs the YOT and children's
 * services consulted (B.10).
 */

// The police's own committed SDL (`npm run schema:generate`): the fields their records are quoted from.
const FIELD_OWNERS = fieldOwnersOfSdl(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

export const policeDisclosureResolvers = level1DisclosureResolvers({
  holder: 'POLICE',
  statements: policeDisclosureStatements,
  policies: {
    record: policePolicies.disclosureRecord,
    proposal: policePolicies.disclosureProposal,
    proposing: policePolicies.disclosureProposing,
  },
  fieldOwners: FIELD_OWNERS,
  subject: async (context, pncId) => {
    const person = await (context as PoliceContext).loaders.person.load(pncId);
    if (!person || person.mappaArea === null || !subjectInScope(policeSubjectFacts(person), context.rowScope)) return null;
    return { area: person.mappaArea, subjectUnder18: isUnder18(person.dateOfBirth, context.today) };
  },
});
