import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, decodeCursor, encodeCursor, pageSizeSchema, parseInput, pncIdSchema } from '@mappa/shared';
import type { MappaContext } from '../mappa.context';
import { mappaPolicies } from '../mappa.policies';
import type { RowScope } from '@mappa/shared';
import { countRegister, fetchRegisterPage, offenderFilterSchema } from './register.query';
import type { RegisterFilter } from './register.query';
import { OffenderConnection, OffendersArgs } from './register.type';

/** What `offenders` hands to the connection's field resolvers: the page, and the scope and filter to count with. */
interface OffenderConnectionSource extends OffenderConnection {
  readonly scope: RowScope;
  readonly filter: RegisterFilter;
  /** The request's date: a page and its count judge reviews due and overdue on the same day. */
  readonly today: string;
}

@Resolver(() => OffenderConnection)
export class OffenderRegisterResolver {
  @Access(mappaPolicies.register)
  @Query(() => OffenderConnection, {
    nullable: true,
    description:
      'The MAPPA register: offenders with an ACTIVE MAPPA case, in ascending PNC ID order, a page at a time (cursor paging). Null when the caller may not read the register (only the MAPPA co-ordinator may: A.R9, A.R19, B.52). Invalid arguments are BAD_USER_INPUT.',
  })
  async offenders(
    @Args(() => OffendersArgs) { first, after, filter }: OffendersArgs,
    @Ctx() context: MappaContext,
  ): Promise<OffenderConnectionSource> {
    const pageSize = parseInput(pageSizeSchema, first, 'first');
    // A cursor is opaque to clients but carries a PNC ID; anything else was not made by this API.
    const afterPncId = after == null ? null : parseInput(pncIdSchema, decodeCursor(after, 'after'), 'after');
    const validFilter = parseInput(offenderFilterSchema, filter ?? {}, 'filter');

    // Row scope (CT gate, own area, grants, under-18s at meetings) is part of the WHERE clause: the
    // page, its cursors and the count are exactly those of a register without the people the caller
    // may not know of (principle 9).
    const scope = context.rowScope;
    const today = context.today;
    // One row more than asked for tells whether another page follows, in the same statement.
    const rows = await fetchRegisterPage(context.db, scope, validFilter, afterPncId, pageSize + 1, today);
    const page = rows.slice(0, pageSize);
    // The page's rows are these people's current cases: `node { mappaCase }` needs no second query.
    for (const row of page) context.loaders.mappaCase.prime(row.pncId, row);
    const edges = page.map((row) => ({ cursor: encodeCursor(row.pncId), node: { pncId: row.pncId } }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > pageSize, endCursor: edges.at(-1)?.cursor ?? null },
      scope,
      filter: validFilter,
      today,
    };
  }

  // A field resolver of its own, so the count query runs only when a client selects it.
  @Access(mappaPolicies.register)
  @FieldResolver(() => Int, { description: 'How many offenders match the filter across all pages.' })
  totalCount(@Root() connection: OffenderConnectionSource, @Ctx() context: MappaContext): Promise<number> {
    return countRegister(context.db, connection.scope, connection.filter, connection.today);
  }
}
