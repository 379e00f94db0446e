import { z } from 'zod';
import { MappaArea } from '../domain/mappa-area';

/** The duty-to-co-operate agencies whose staff attend meetings as `dtc_attendee` (domain README §3). */
export const DUTY_TO_CO_OPERATE_AGENCIES = [
  'children_social_care',
  'health',
  'housing',
  'education',
  'jobcentre_plus',
  'home_office',
  'electronic_monitoring',
] as const;

/** Organisations a principal can belong to: the Responsible Authority, the MAPPA unit and duty-to-co-operate agencies. */
export const PRINCIPAL_AGENCIES = ['police', 'probation', 'prison', 'yot', 'mappa_unit', ...DUTY_TO_CO_OPERATE_AGENCIES] as const;
export type PrincipalAgency = (typeof PRINCIPAL_AGENCIES)[number];

/** Roles named by the MAPPA guidance model (domain README §3). */
export const ROLES = [
  'ppu_officer',
  'visor_administrator',
  'ct_officer',
  'probation_practitioner',
  'senior_probation_officer',
  'victim_liaison_officer',
  'approved_premises_staff',
  'prison_offender_manager',
  'yot_case_manager',
  'yot_manager',
  'mappa_coordinator',
  'mappa_chair',
  'dtc_attendee',
  'lay_adviser',
  'analyst',
  'information_governance',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Vetting levels, lowest first: Baseline Personnel Security Standard, Counter-Terrorist Check,
 * Security Check, Developed Vetting. CTC or above is "counter-terrorism cleared".
 */
export const CLEARANCES = ['BPSS', 'CTC', 'SC', 'DV'] as const;
export type Clearance = (typeof CLEARANCES)[number];

/** The authenticated person making a request, as their identity provider vouches for them. */
export const principalSchema = z.object({
  staffId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'staffId must be 1-64 letters, digits, dots, underscores or hyphens'),
  agency: z.enum(PRINCIPAL_AGENCIES),
  roles: z.array(z.enum(ROLES)).min(1, 'at least one role is required'),
  area: z.enum(MappaArea),
  clearance: z.enum(CLEARANCES),
});

export type Principal = z.infer<typeof principalSchema>;
