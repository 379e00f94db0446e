import 'reflect-metadata';
import { join } from 'node:path';
import { buildFederatedSchema } from '@mappa/shared';
import type { SubgraphDefinition } from '@mappa/shared';
import { HomeOfficeAccessAuditResolver } from './access-audit/access-audit.resolver';
import { DetentionEvidenceResolver } from './detention-decision/detention-evidence.resolver';
import { DetentionResolver } from './detention/detention.resolver';
import { createHomeOfficeLoaders } from './home-office.loaders';
import type { HomeOfficeLoaders } from './home-office.loaders';
import { HOME_OFFICE_POLICIES } from './home-office.policies';
import { ImmigrationCaseResolver } from './immigration-case/immigration-case.resolver';
import { IrcSuitabilityResolver } from './irc-suitability/irc-suitability.resolver';
import { HOME_OFFICE_RECORD_CONDITIONS } from './offender/case-relationship.condition';
import { offenderReferenceResolver } from './offender/offender.reference';
import { clearHomeOffice, homeOfficeIsEmpty, seedHomeOffice } from './seed/home-office.seed';

export { loadHomeOfficeConfig } from './config';

/** The Home Office subgraph: immigration enforcement records about foreign national offenders (issue 14). */
export const homeOfficeSubgraph: SubgraphDefinition<HomeOfficeLoaders> = {
  name: 'home-office',
  schema: 'home_office',
  migrationsFolder: join(__dirname, '..', 'drizzle'),
  policies: HOME_OFFICE_POLICIES,
  buildSchema: (authorization) =>
    buildFederatedSchema(
      { resolvers: [ImmigrationCaseResolver, DetentionResolver, IrcSuitabilityResolver, DetentionEvidenceResolver, HomeOfficeAccessAuditResolver] },
      offenderReferenceResolver,
      HOME_OFFICE_POLICIES,
      authorization,
      HOME_OFFICE_RECORD_CONDITIONS,
    ),
  createLoaders: createHomeOfficeLoaders,
  seed: seedHomeOffice,
  clear: clearHomeOffice,
  isEmpty: homeOfficeIsEmpty,
};
