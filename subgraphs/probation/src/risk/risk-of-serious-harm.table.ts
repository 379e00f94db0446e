import { date, doublePrecision, integer, text } from 'drizzle-orm/pg-core';
import type { RiskLevel } from '@mappa/shared';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

// Stored as text (like every enum here), typed as the shared RiskLevel so rows feed GraphQL directly.
const level = (name: string) => text(name).$type<RiskLevel>();

/**
 * The latest completed OASys risk of serious harm summary (R10/R11 as ARNS exposes it), one per
 * CURRENT case. Group levels are columns rather than a map so the overall level can be checked
 * against them in SQL.
 */
export const riskOfSeriousHarmTable = probationSchema.table('risk_of_serious_harm', {
  crn: text('crn')
    .primaryKey()
    .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
  assessmentId: integer('assessment_id').notNull().unique(),
  assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
  overallRiskLevel: level('overall_risk_level').notNull(),
  communityChildren: level('community_children').notNull(),
  communityPublic: level('community_public').notNull(),
  communityKnownAdult: level('community_known_adult').notNull(),
  communityStaff: level('community_staff').notNull(),
  communityPrisoners: level('community_prisoners').notNull(),
  custodyChildren: level('custody_children').notNull(),
  custodyPublic: level('custody_public').notNull(),
  custodyKnownAdult: level('custody_known_adult').notNull(),
  custodyStaff: level('custody_staff').notNull(),
  custodyPrisoners: level('custody_prisoners').notNull(),
  whoIsAtRisk: text('who_is_at_risk').notNull(),
  natureOfRisk: text('nature_of_risk').notNull(),
  riskImminence: text('risk_imminence').notNull(),
  riskIncreaseFactors: text('risk_increase_factors').notNull(),
  riskMitigationFactors: text('risk_mitigation_factors').notNull(),
  analysisOfRiskFactors: text('analysis_of_risk_factors').notNull(),
  ogrsScore: doublePrecision('ogrs_score').notNull(),
  ogrsBand: level('ogrs_band').notNull(),
  rsrScore: doublePrecision('rsr_score').notNull(),
  rsrBand: level('rsr_band').notNull(),
  ospContactScore: doublePrecision('osp_contact_score'),
  ospContactBand: level('osp_contact_band'),
  ospIndecentScore: doublePrecision('osp_indecent_score'),
  ospIndecentBand: level('osp_indecent_band'),
  ovpScore: doublePrecision('ovp_score').notNull(),
  ovpBand: level('ovp_band').notNull(),
});

export type RiskOfSeriousHarmRow = typeof riskOfSeriousHarmTable.$inferSelect;
