import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { prisonPolicies } from '../prison.policies';
import type { PrisonContext } from '../prison.context';
import type { SentenceRow } from './sentence.table';
import { PrisonOffence, PrisonSentence } from './sentence.type';

@Resolver(() => PrisonSentence)
export class PrisonSentenceResolver {
  @Access(prisonPolicies.offences)
  @FieldResolver(() => [PrisonOffence], {
    nullable: true,
    description:
      'Offences the sentence was passed for, the most serious first. Null for readers granted the key dates only (the allocated OM, the ppu_officer and the VLO under case management).',
  })
  offences(@Root() sentence: SentenceRow, @Ctx() context: PrisonContext) {
    return context.loaders.offences.load(sentence.prisonNumber);
  }
}
