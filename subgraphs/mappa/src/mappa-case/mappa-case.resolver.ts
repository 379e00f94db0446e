import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import type { OfCaseLedBy } from './mappa-case-lead-agency.condition';
import { mappaPolicies } from '../mappa.policies';
import type { MappaCaseChangeRow, MappaCaseRow } from './mappa-case.table';
import { MappaCase, MappaCaseChange } from './mappa-case.type';

/**
 * A change row as the API shows it: the decision's kind and reference grouped together. Both carry the
 * case's lead agency for the lead agency's reading of the history (`leadAgencyOfCase`, A.R20, A.R21).
 */
function toMappaCaseChange(row: MappaCaseChangeRow, caseLeadAgency: MappaCaseRow['leadAgency']): MappaCaseChange & OfCaseLedBy {
  return {
    field: row.field,
    valueBefore: row.valueBefore,
    valueAfter: row.valueAfter,
    changedDate: row.changedDate,
    changedByStaffId: row.changedByStaffId,
    decision: { kind: row.decisionKind, reference: row.decisionReference, caseLeadAgency } as MappaCaseChange['decision'] & OfCaseLedBy,
    caseLeadAgency,
  };
}

@Resolver(() => MappaCase)
export class MappaCaseResolver {
  @Access(mappaPolicies.caseHistory)
  @FieldResolver(() => [MappaCaseChange], {
    nullable: true,
    description:
      "Every change to the case, oldest first, starting with its opening (STATUS from null to ACTIVE). Null when the caller may not read the case history (the co-ordinator, the chair, and the lead agency's case managers may).",
  })
  async history(@Root() mappaCase: MappaCaseRow, @Ctx() context: MappaContext): Promise<MappaCaseChange[] | null> {
    const rows = await context.loaders.mappaCaseHistory.load(mappaCase.caseId);
    return rows.map((row) => toMappaCaseChange(row, mappaCase.leadAgency));
  }
}
