import { Kind, parse } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { ACCESS_DIRECTIVE, Access } from '../authorization/access-directive';
import type { MappaArea } from '../domain/mappa-area';
import { NotFoundError } from '../errors/not-found.error';
import type { SubgraphContext } from '../subgraph/subgraph-context';
import { parseInput } from '../validation/parse-input';
import { proposeLevel1DisclosureSchema } from './disclosure.input';
import { DISCLOSURE_HOLDER_AGENCY, holdsRoleIn, LEVEL_1_PROPOSER_ROLES } from './disclosure.model';
import type { ItemSourceAgency } from './disclosure.model';
import { disclosureFieldName, disclosureResolver } from './disclosure.resolver';
import type { DisclosurePolicies } from './disclosure.resolver';
import type { DisclosureStatements } from './disclosure-workflow.query';
import { ProposeLevel1DisclosureInput } from './disclosure.type';
import type { DisclosureProposalView } from './disclosure.type';
import { insertDisclosureProposal } from './disclosure.workflow';
import type { DisclosureHolderRules } from './disclosure.workflow';

type AnyContext = SubgraphContext<object>;
type Level1Holder = 'PROBATION' | 'POLICE';

/** The one answer for a subject the lead agency does not hold, or holds outside the caller's scope or area (principle 9). */
export const UNKNOWN_LEVEL_1_SUBJECT = 'No person you manage has this PNC ID.';

/** The policy name prefix each data owner's policies carry (`police.…`, `mappa.…`). */
const OWNER_OF_POLICY_PREFIX: Readonly<Record<string, ItemSourceAgency>> = {
  police: 'police',
  probation: 'probation',
  prison: 'prison',
  yot: 'yot',
  mappa: 'mappa_unit',
};

/**
 * `Type.field` → owner, for every field of a subgraph's committed SDL (`schema.graphql`, written by
 * `npm run schema:generate`) that carries an owner's access policy: what a level 1 holder knows of the
 * federation's fields without importing another subgraph. Its own records are what it quotes.
 */
export function fieldOwnersOfSdl(sdl: string): ReadonlyMap<string, ItemSourceAgency> {
  const owners = new Map<string, ItemSourceAgency>();
  for (const definition of parse(sdl).definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      ['Query', 'Mutation'].includes(definition.name.value)
    )
      continue;
    for (const field of definition.fields ?? []) {
      const access = field.directives?.find((directive) => directive.name.value === ACCESS_DIRECTIVE);
      const policy = access?.arguments?.find((argument) => argument.name.value === 'policy')?.value;
      const owner = policy?.kind === Kind.STRING ? OWNER_OF_POLICY_PREFIX[policy.value.split('.')[0] ?? ''] : undefined;
      if (owner) owners.set(`${definition.name.value}.${field.name.value}`, owner);
    }
  }
  return owners;
}

/** What a level 1 holder knows about a subject it may propose about: its area and whether they are under 18 today. */
export interface Level1SubjectFacts {
  readonly area: MappaArea;
  readonly subjectUnder18: boolean;
}

export interface Level1DisclosureOptions {
  readonly holder: Level1Holder;
  /** The holder's disclosure statements (its `disclosure.query.ts`). */
  readonly statements: DisclosureStatements;
  readonly policies: DisclosurePolicies;
  /** The fields the holder's records are quoted from (`fieldOwnersOfSdl` of its own SDL). */
  readonly fieldOwners: ReadonlyMap<string, ItemSourceAgency>;
  /** The subject when the holder holds them (probation: a current case) and the caller's row scope admits them; null otherwise. */
  readonly subject: (context: AnyContext, pncId: string) => Promise<Level1SubjectFacts | null>;
}

/** The level 1 holder's rules: the lead agency's manager decides (for the police, a PPU officer who did not propose); no co-ordinator. */
export function level1DisclosureRules(
  options: Pick<Level1DisclosureOptions, 'holder' | 'statements' | 'fieldOwners'>,
): DisclosureHolderRules {
  return {
    holder: options.holder,
    statements: options.statements,
    // Level 1: no meeting; the lead agency's manager decides, and the co-ordinator is never a party (B §2 "Level 1").
    meetingChairOf: async () => null,
    fieldOwnedBy: (coordinate, sourceAgency) => options.fieldOwners.get(coordinate) === sourceAgency,
  };
}

/**
 * Makes a level 1 holder's disclosure resolvers: `propose<Holder>Disclosure` under CASE_MANAGEMENT for a
 * subject it holds, and every later step under DISCLOSURE_DECISION (`disclosureResolver`).
 */
export function level1DisclosureResolvers(options: Level1DisclosureOptions): readonly ClassType[] {
  const rules = level1DisclosureRules(options);
  const { resolver, types } = disclosureResolver(rules, options.policies);
  const agency = DISCLOSURE_HOLDER_AGENCY[options.holder];

  @Resolver()
  class Level1DisclosureProposalResolver {
    @Access(options.policies.proposing)
    @Mutation(() => types.DisclosureProposal, {
      name: disclosureFieldName(options.holder, 'proposeDisclosure'),
      nullable: true,
      description: `Proposes a level 1 disclosure about a subject ${agency} holds (B §2 "Level 1": the lead agency's own decision, which the MAPPA co-ordinator does not see), recording that disclosure was considered: ${LEVEL_1_PROPOSER_ROLES[options.holder].join(', ')} of ${agency}, under CASE_MANAGEMENT, for a subject in their area and row scope; anyone else is answered as for a person not held (NOT_FOUND). Every later step is under DISCLOSURE_DECISION with the returned decision id.`,
    })
    async propose(
      @Arg('input', () => ProposeLevel1DisclosureInput, { description: 'What to record.' }) input: ProposeLevel1DisclosureInput,
      @Ctx() context: AnyContext,
    ): Promise<DisclosureProposalView> {
      const { pncId, ...content } = parseInput(proposeLevel1DisclosureSchema, input, 'input');
      const { principal, declaredPurpose } = context.caller;
      if (declaredPurpose.purpose !== 'CASE_MANAGEMENT' || !holdsRoleIn(principal, agency, LEVEL_1_PROPOSER_ROLES[options.holder]))
        throw new NotFoundError(UNKNOWN_LEVEL_1_SUBJECT);
      // Read through the request's loaders, before the transaction: on the embedded database a read on
      // another connection while a transaction is open would wait for it.
      const subject = await options.subject(context, pncId);
      if (!subject || subject.area !== principal.area) throw new NotFoundError(UNKNOWN_LEVEL_1_SUBJECT);
      const today = context.today;
      return context.db.transaction((tx) =>
        insertDisclosureProposal(
          tx,
          context,
          rules,
          { pncId, area: subject.area, level: 1, caseId: null, meetingId: null, subjectUnder18: subject.subjectUnder18, reviewedOn: today },
          content,
        ),
      );
    }
  }

  return [Level1DisclosureProposalResolver, resolver];
}
