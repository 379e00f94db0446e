import { MappaArea, policeForceOf, RiskLevel } from '@mappa/shared';

// The fixed vocabulary the police's builders draw from.

export const WARNING_MARKERS = ['WE', 'VI', 'SH', 'DR', 'ES', 'FI', 'MH'] as const;
export const HOME_VISIT_WEEKS: Record<RiskLevel, number> = {
  [RiskLevel.VERY_HIGH]: 6,
  [RiskLevel.HIGH]: 13,
  [RiskLevel.MEDIUM]: 26,
  [RiskLevel.LOW]: 52,
};
export const SHPO_CONDITIONS = [
  "Not to have unsupervised contact with any child under 16 without the consent of the child's parent who knows of the conviction",
  'Not to use any device capable of accessing the internet unless it keeps a viewable history',
  'Not to enter the exclusion zone shown on the map attached to the order',
  'To notify the police of any new device within 3 days',
] as const;

/**
 * The areas whose Responsible Authority has a local agreement that makes probation a ViSOR partner on
 * category 1 nominals managed at level 1 (A.R6), and since when. A few areas, so that the synthetic
 * data has both kinds; every other area shares category 1 with probation only at level 2 or 3.
 */
export const LEVEL_ONE_PROBATION_AGREEMENTS: ReadonlyMap<MappaArea, string> = new Map([
  [MappaArea.KENT, '2019-04-01'],
  [MappaArea.WEST_MIDLANDS, '2021-10-01'],
  [MappaArea.NORTHUMBRIA, '2023-01-16'],
]);

/** The police force of an area, by the name its records carry: the one mapping tokens are read with too. */
export const forceName = policeForceOf;
