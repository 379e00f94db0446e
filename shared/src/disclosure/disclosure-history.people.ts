import type { Role } from '../auth/principal';
import type { MappaArea } from '../domain/mappa-area';
import { CONSULTEES } from './disclosure.model';
import type { ConsultationKind, ConsultationResponse } from './disclosure.model';

/*
 * SEEDS AND TESTS ONLY: how each required consultation of a finished decision was answered, by whom
 * (`CONSULTEES`: the agency and role the guidance names) and with what (a response that satisfies it).
 */
export const CONSULTATION_ANSWERS: {
  readonly [K in ConsultationKind]: {
    readonly agency: (typeof CONSULTEES)[K]['agency'];
    readonly role: Role;
    readonly response: ConsultationResponse;
    readonly note: string;
  };
} = {
  YOT_SENIOR: {
    agency: CONSULTEES.YOT_SENIOR.agency,
    role: CONSULTEES.YOT_SENIOR.roles[0]!,
    response: 'AGREES',
    note: 'The YOT agrees; its worker will tell the young person first.',
  },
  CHILDRENS_SERVICES: {
    agency: CONSULTEES.CHILDRENS_SERVICES.agency,
    role: CONSULTEES.CHILDRENS_SERVICES.roles[0]!,
    response: 'AGREES',
    note: "Children's services agree; a social worker will be present.",
  },
  ADULT_SOCIAL_CARE: {
    agency: CONSULTEES.ADULT_SOCIAL_CARE.agency,
    role: CONSULTEES.ADULT_SOCIAL_CARE.roles[0]!,
    response: 'AGREES',
    note: 'Adult social care agree; the care co-ordinator will attend.',
  },
  ACC_APPROVAL: {
    agency: CONSULTEES.ACC_APPROVAL.agency,
    role: CONSULTEES.ACC_APPROVAL.roles[0]!,
    response: 'APPROVED',
    note: 'Approved by the Assistant Chief Constable, reference ACC-APP-0001.',
  },
  MOJ_PRESS_OFFICE: {
    agency: CONSULTEES.MOJ_PRESS_OFFICE.agency,
    role: CONSULTEES.MOJ_PRESS_OFFICE.roles[0]!,
    response: 'INFORMED',
    note: 'Press office told by telephone before release.',
  },
};

/** The synthetic staff id who answered a consultation in an area. */
export function consulteeStaffId(kind: ConsultationKind, area: MappaArea): string {
  return `CON-${kind.replace(/_/g, '-')}-${area.slice(0, 3)}`;
}
