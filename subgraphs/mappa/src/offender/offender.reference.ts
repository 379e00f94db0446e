import type { MappaContext } from '../mappa.context';
import { mappaSubjectInScope } from './offender.scope';

/**
 * Whether the MAPPA unit holds a record of the person and the caller may know it exists (row scope):
 * the one check behind every answer about a person by PNC ID, references and the access audit alike.
 */
export async function mappaKnowsSubject(context: MappaContext, pncId: string): Promise<boolean> {
  const mappaCase = await context.loaders.mappaCase.load(pncId);
  return mappaCase !== null && mappaSubjectInScope(mappaCase, context.rowScope);
}
