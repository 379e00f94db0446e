import 'reflect-metadata';
import { join } from 'node:path';
import { defineSubgraph } from '@mappa/shared';
// First: type-graphql orders the SDL's Query fields as their classes were declared (so the order of
// these imports is the SDL's), and the entity's access-audit query comes first in every subgraph's.
import { homeOfficeOffender } from './offender/offender.type';
import { DetentionEvidenceResolver } from './detention-decision/detention-decision-evidence.resolver';
import { DetentionResolver } from './detention/detention.resolver';
import { createHomeOfficeLoaders } from './home-office.loaders';
import { homeOfficePolicies } from './home-office.policies';
import { ImmigrationCaseResolver } from './immigration-case/immigration-case.resolver';
import { IrcSuitabilityResolver } from './irc-suitability/irc-suitability.resolver';
import { HOME_OFFICE_RECORD_CONDITIONS } from './offender/offender-case-relationship.condition';
import { homeOfficeSeed } from './seed/home-office.seed';

/** The Home Office subgraph: immigration enforcement records about foreign national offenders (issue 14). */
export const homeOfficeSubgraph = defineSubgraph({
  agency: 'home-office',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: homeOfficePolicies,
  offender: homeOfficeOffender,
  resolvers: [ImmigrationCaseResolver, DetentionResolver, IrcSuitabilityResolver, DetentionEvidenceResolver],
  conditions: HOME_OFFICE_RECORD_CONDITIONS,
  createLoaders: createHomeOfficeLoaders,
  seed: homeOfficeSeed,
});
