import { z } from 'zod';
import { MappaArea } from '../domain/mappa-area';

/** The duty-to-co-operate agencies whose staff attend meetings as `dtc_attendee` (domain README §3). */
export const DUTY_TO_CO_OPERATE_AGENCIES = [
  'children_social_care',
  // Consulted when a disclosure's recipient is an adult at risk (B.11, issue 11).
  'adult_social_care',
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
  // Issue 14, C.73, seed 000 §11: the Home Office Criminal Casework case owner (or Immigration
  // Enforcement manager) managing a foreign national offender's immigration case and detention.
  'immigration_case_owner',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Vetting levels, lowest first: Baseline Personnel Security Standard, Counter-Terrorist Check,
 * Security Check, Developed Vetting. CTC or above is "counter-terrorism cleared".
 */
export const CLEARANCES = ['BPSS', 'CTC', 'SC', 'DV'] as const;
export type Clearance = (typeof CLEARANCES)[number];

const RESPONSIBLE_AUTHORITY_AND_YOT: readonly PrincipalAgency[] = ['police', 'probation', 'prison', 'yot'];

/**
 * Which agencies can hold each role (domain README §3): the one table token verification, the policy
 * build and the access matrix all read. A token claiming a role its agency cannot hold is refused,
 * and a policy granting a role to an agency that cannot hold it fails the build.
 * - Lay advisers are members of the public appointed to the Strategic Management Board, which the
 *   MAPPA unit supports: they sign in as the MAPPA unit's.
 * - Analysts work for a data owner or the MAPPA unit (the annual report, principle 8); a
 *   duty-to-co-operate agency holds no MAPPA data to analyse.
 * - Every organisation has its own information governance (what it may read under AUDIT is the
 *   access-audit policies' and row scope's business, not this table's).
 */
export const ROLE_AGENCIES: { readonly [R in Role]: readonly PrincipalAgency[] } = {
  ppu_officer: ['police'],
  visor_administrator: ['police'],
  ct_officer: ['police'],
  probation_practitioner: ['probation'],
  senior_probation_officer: ['probation'],
  victim_liaison_officer: ['probation'],
  approved_premises_staff: ['probation'],
  prison_offender_manager: ['prison'],
  yot_case_manager: ['yot'],
  yot_manager: ['yot'],
  mappa_coordinator: ['mappa_unit'],
  // A police or probation employee chairs; the MAPPA unit's own chairs too.
  mappa_chair: ['police', 'probation', 'mappa_unit'],
  dtc_attendee: DUTY_TO_CO_OPERATE_AGENCIES,
  lay_adviser: ['mappa_unit'],
  analyst: [...RESPONSIBLE_AUTHORITY_AND_YOT, 'mappa_unit'],
  information_governance: PRINCIPAL_AGENCIES,
  immigration_case_owner: ['home_office'],
};

/** Whether someone of `agency` can hold `role` (`ROLE_AGENCIES`). */
export function agencyHoldsRole(agency: PrincipalAgency, role: Role): boolean {
  return ROLE_AGENCIES[role].includes(agency);
}

/**
 * An identity provider's `iss`, as the principal and the audit carry it: a URL or URN of 1-128
 * letters, digits and `_.:/@-` (the audit's id alphabet, so it is recorded as given).
 */
export const issuerSchema = z.string().regex(/^[A-Za-z0-9_.:/@-]{1,128}$/, 'issuer must be 1-128 letters, digits or _.:/@- (a URL or URN)');

/**
 * The issuer recorded on case grants to a staff id made before grants named the provider: it stands
 * for "unknown", so no gateway may trust an identity provider of this name and such grants hold for no one.
 */
export const ISSUER_NOT_RECORDED = 'urn:mappa:issuer-not-recorded';

/** The issuer of the local development tokens (`npm run token`); a production gateway refuses it. */
export const DEV_ISSUER = 'urn:mappa:dev-issuer';

/** What a bearer token says about its holder: who, in which agency and area, with which roles and vetting. */
export const principalClaimsSchema = z.object({
  staffId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'staffId must be 1-64 letters, digits, dots, underscores or hyphens'),
  agency: z.enum(PRINCIPAL_AGENCIES),
  roles: z.array(z.enum(ROLES)).min(1, 'at least one role is required'),
  area: z.enum(MappaArea),
  clearance: z.enum(CLEARANCES),
  /**
   * The prison establishment (NOMIS agency location code, `WDI`) a prison principal works in, when
   * their identity provider says: a prison offender manager's row scope over the prison's own records
   * then follows custody (the people held there now, A.R5, inventory OQ 14) instead of the person's
   * responsible MAPPA area. Optional: a token without it keeps area scope.
   */
  establishment: z
    .string()
    .regex(/^[A-Z]{3}$/, 'establishment must be a three-letter NOMIS establishment code, e.g. WDI')
    .optional(),
  /**
   * The local authority (the council, by the name the youth offending team records on its cases) whose
   * YOT a YOT principal works for, when their identity provider says: their row scope over the YOT's own
   * records is then that council's cases, not every case in the MAPPA area (a MAPPA area holds several
   * councils' YOTs, and each keeps its own case records: principle 2). Optional: a token without it keeps
   * area scope.
   */
  localAuthority: z
    .string()
    .regex(/^[A-Za-z][A-Za-z .,'&()-]{0,99}$/, "localAuthority must be a council's name, e.g. Kent Council")
    .optional(),
});

export type PrincipalClaims = z.infer<typeof principalClaimsSchema>;

/**
 * The authenticated person making a request, as their identity provider vouches for them, with that
 * provider (`issuer`): a staff id means something only together with the provider that issued it,
 * so wherever a staff id decides access it is matched with its issuer.
 */
export const principalSchema = principalClaimsSchema.extend({ issuer: issuerSchema });

export type Principal = z.infer<typeof principalSchema>;
