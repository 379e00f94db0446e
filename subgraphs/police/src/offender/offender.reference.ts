import type { GraphQLResolveInfo } from 'graphql';
import { companionWanted, subjectInScope } from '@mappa/shared';
import { policePolicies } from '../police.policies';
import type { PoliceContext } from '../police.context';
import type { PersonRow } from '../identity/identity-person.table';
import { policeSubjectFacts } from './offender.scope';

/**
 * The person row, read with their ViSOR nominal in the same statement when the selection under
 * `info` asks for `visorNominal` (issue 15: one statement per request instead of two); the nominal's
 * own resolver then finds it primed. What is answered is decided exactly as before. A nominal the caller's
 * field policy refuses outright is never read: its resolver is never called, and the look-up stays the person's alone.
 */
export function loadPerson(context: PoliceContext, pncId: string, info?: GraphQLResolveInfo): Promise<PersonRow | null> {
  const loader = companionWanted(info, 'visorNominal', context.access, policePolicies.visorNominalRecord)
    ? context.loaders.personWithVisorNominal
    : context.loaders.person;
  return loader.load(pncId);
}

/**
 * Whether the police hold a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function policeKnowsSubject(context: PoliceContext, pncId: string, info?: GraphQLResolveInfo): Promise<boolean> {
  const person = await loadPerson(context, pncId, info);
  return person !== null && subjectInScope(policeSubjectFacts(person), context.rowScope);
}
