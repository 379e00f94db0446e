import type { Database } from '@mappa/shared';
import { createProbationAddressesLoader } from './address/probation-address.loader';
import { createProbationCaseByCrnLoader, createProbationCaseLoader } from './case/probation-case.loader';
import { createLicenceConditionsLoader, createLicencesLoader } from './licence/licence.loader';
import { createCaseWithRiskOfSeriousHarmLoader, createRiskOfSeriousHarmLoader } from './risk/risk-of-serious-harm.loader';
import { createRiskManagementPlanLoader } from './risk-management-plan/risk-management-plan.loader';
import { createVictimContactsLoader } from './victim/victim-contact.loader';

/** One request's probation loaders: created per request, so cached rows never outlive it. */
export function createProbationLoaders(db: Database) {
  const probationCase = createProbationCaseLoader(db);
  const riskOfSeriousHarm = createRiskOfSeriousHarmLoader(db);
  return {
    probationCase,
    // The case and its risk of serious harm summary in one statement, when the selection asks for the summary.
    caseWithRiskOfSeriousHarm: createCaseWithRiskOfSeriousHarmLoader(db, { probationCase, riskOfSeriousHarm }),
    probationCaseByCrn: createProbationCaseByCrnLoader(db),
    licences: createLicencesLoader(db),
    licenceConditions: createLicenceConditionsLoader(db),
    riskOfSeriousHarm,
    riskManagementPlan: createRiskManagementPlanLoader(db),
    victimContacts: createVictimContactsLoader(db),
    addresses: createProbationAddressesLoader(db),
  };
}

export type ProbationLoaders = ReturnType<typeof createProbationLoaders>;
