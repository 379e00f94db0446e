import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '@mappa/shared';
import { probationPolicies } from '../probation.policies';
import type { RiskLevel } from '@mappa/shared';
import { carryFacts } from '../record/probation-record-facts';
import type { RiskOfSeriousHarmRow } from './risk-of-serious-harm.table';
import { ProbationRiskOfSeriousHarm, ProbationRiskPredictors, ProbationRiskToGroups } from './risk-of-serious-harm.type';
import type { ProbationPredictorScore } from './risk-of-serious-harm.type';

function predictor(score: number | null, band: RiskLevel | null): ProbationPredictorScore | null {
  return score === null || band === null ? null : { score, band };
}

// The summary row keeps group levels and predictors in flat columns; these resolvers shape them without I/O.
@Resolver(() => ProbationRiskOfSeriousHarm)
export class ProbationRiskOfSeriousHarmResolver {
  @Access(probationPolicies.riskOfSeriousHarm)
  @FieldResolver(() => ProbationRiskToGroups, { description: 'Risk to each group while the person is in the community.' })
  riskInCommunity(@Root() row: RiskOfSeriousHarmRow): ProbationRiskToGroups {
    // The levels are decided on the summary's facts (approved premises staff read their residents'): they carry them.
    return carryFacts(row, {
      children: row.communityChildren,
      public: row.communityPublic,
      knownAdult: row.communityKnownAdult,
      staff: row.communityStaff,
      prisoners: row.communityPrisoners,
    });
  }

  @Access(probationPolicies.riskInCustody)
  @FieldResolver(() => ProbationRiskToGroups, { nullable: true, description: 'Risk to each group while the person is in custody.' })
  riskInCustody(@Root() row: RiskOfSeriousHarmRow): ProbationRiskToGroups {
    return carryFacts(row, {
      children: row.custodyChildren,
      public: row.custodyPublic,
      knownAdult: row.custodyKnownAdult,
      staff: row.custodyStaff,
      prisoners: row.custodyPrisoners,
    });
  }

  @Access(probationPolicies.riskAssessment)
  @FieldResolver(() => ProbationRiskPredictors, { nullable: true, description: 'Actuarial predictor scores from the same assessment.' })
  predictors(@Root() row: RiskOfSeriousHarmRow): ProbationRiskPredictors {
    return {
      ogrs: { score: row.ogrsScore, band: row.ogrsBand },
      rsr: { score: row.rsrScore, band: row.rsrBand },
      ospContact: predictor(row.ospContactScore, row.ospContactBand),
      ospIndecent: predictor(row.ospIndecentScore, row.ospIndecentBand),
      ovp: { score: row.ovpScore, band: row.ovpBand },
    };
  }
}
