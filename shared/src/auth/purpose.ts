import { z } from 'zod';

/** Why a request is made. Every operation declares one; what may be read depends on it. */
export const PURPOSES = [
  'CASE_MANAGEMENT',
  'MAPPA_SCREENING',
  'MAPPA_MEETING',
  'DISCLOSURE_DECISION',
  'STATISTICS',
  'AUDIT',
  'IMMIGRATION_DETENTION_DECISION',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * Purposes that only make sense about one meeting, one disclosure decision or one Home Office detention
 * decision. IMMIGRATION_DETENTION_DECISION (issue 14, C.72): the Home Office deciding on a foreign
 * national offender's detention, transfer to an immigration removal centre or bail, for which the
 * offender manager's risk of serious harm may be read; x-mappa-case names the Home Office's decision.
 */
const PURPOSES_NEEDING_A_CASE: ReadonlySet<Purpose> = new Set(['MAPPA_MEETING', 'DISCLOSURE_DECISION', 'IMMIGRATION_DETENTION_DECISION']);

/** The declared purpose of a request and, where the purpose needs one, the meeting or decision id. */
export const declaredPurposeSchema = z
  .object({
    purpose: z.enum(PURPOSES, { error: `purpose must be one of ${PURPOSES.join(', ')}` }),
    caseId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'case id must be 1-64 letters, digits or hyphens')
      .nullable(),
  })
  .superRefine((value, context) => {
    if (PURPOSES_NEEDING_A_CASE.has(value.purpose) && value.caseId === null) {
      context.addIssue({ code: 'custom', path: ['caseId'], message: `${value.purpose} needs the meeting or decision id in x-mappa-case` });
    }
  });

export type DeclaredPurpose = z.infer<typeof declaredPurposeSchema>;
