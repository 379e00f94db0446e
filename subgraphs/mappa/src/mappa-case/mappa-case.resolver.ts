import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MappaContext } from '../mappa.context';
import type { MappaCaseChangeRow, MappaCaseRow } from './mappa-case.table';
import { MappaCase, MappaCaseChange } from './mappa-case.type';

/** A change row as the API shows it: the decision's kind and reference grouped together. */
function toMappaCaseChange(row: MappaCaseChangeRow): MappaCaseChange {
  return {
    field: row.field,
    valueBefore: row.valueBefore,
    valueAfter: row.valueAfter,
    changedDate: row.changedDate,
    changedByStaffId: row.changedByStaffId,
    decision: { kind: row.decisionKind, reference: row.decisionReference },
  };
}

@Resolver(() => MappaCase)
export class MappaCaseResolver {
  @FieldResolver(() => [MappaCaseChange], {
    description: 'Every change to the case, oldest first, starting with its opening (STATUS from null to ACTIVE).',
  })
  async history(@Root() mappaCase: MappaCaseRow, @Ctx() context: MappaContext): Promise<MappaCaseChange[]> {
    const rows = await context.loaders.mappaCaseHistory.load(mappaCase.caseId);
    return rows.map(toMappaCaseChange);
  }
}
