import { date, integer, text } from 'drizzle-orm/pg-core';
import { probationCaseTable } from '../case/probation-case.table';
import { probationSchema } from '../probation.schema';

/** The lead agency's risk management plan from the latest OASys assessment (ARNS RiskManagementPlanDto). */
export const riskManagementPlanTable = probationSchema.table('risk_management_plan', {
  crn: text('crn')
    .primaryKey()
    .references(() => probationCaseTable.crn, { onDelete: 'cascade' }),
  assessmentId: integer('assessment_id').notNull().unique(),
  initiationDate: date('initiation_date', { mode: 'string' }).notNull(),
  dateCompleted: date('date_completed', { mode: 'string' }).notNull(),
  keyInformationCurrentSituation: text('key_information_current_situation').notNull(),
  furtherConsiderationsCurrentSituation: text('further_considerations_current_situation').notNull(),
  supervision: text('supervision').notNull(),
  monitoringAndControl: text('monitoring_and_control').notNull(),
  interventionsAndTreatment: text('interventions_and_treatment').notNull(),
  victimSafetyPlanning: text('victim_safety_planning').notNull(),
  contingencyPlans: text('contingency_plans').notNull(),
});

export type RiskManagementPlanRow = typeof riskManagementPlanTable.$inferSelect;
