import { MappaArea, RiskLevel } from '@mappa/shared';
import type { MappaCategory, Random } from '@mappa/shared';

// Reference data the probation seeder draws on. Names are invented (first names with place-like
// surnames, `ZZ` postcodes, Ofcom drama telephone ranges, example.org mail) so nothing is real.

/** nDelius provider (probation region) for each MAPPA area. */
export const PROVIDER_BY_AREA: Record<MappaArea, readonly [code: string, description: string]> = {
  [MappaArea.LONDON]: ['N07', 'London'],
  [MappaArea.GREATER_MANCHESTER]: ['N50', 'Greater Manchester'],
  [MappaArea.CHESHIRE]: ['N51', 'North West'],
  [MappaArea.CUMBRIA]: ['N51', 'North West'],
  [MappaArea.LANCASHIRE]: ['N51', 'North West'],
  [MappaArea.MERSEYSIDE]: ['N51', 'North West'],
  [MappaArea.DYFED_POWYS]: ['N52', 'Wales'],
  [MappaArea.GWENT]: ['N52', 'Wales'],
  [MappaArea.NORTH_WALES]: ['N52', 'Wales'],
  [MappaArea.SOUTH_WALES]: ['N52', 'Wales'],
  [MappaArea.DERBYSHIRE]: ['N53', 'East Midlands'],
  [MappaArea.LEICESTERSHIRE]: ['N53', 'East Midlands'],
  [MappaArea.LINCOLNSHIRE]: ['N53', 'East Midlands'],
  [MappaArea.NORTHAMPTONSHIRE]: ['N53', 'East Midlands'],
  [MappaArea.NOTTINGHAMSHIRE]: ['N53', 'East Midlands'],
  [MappaArea.CLEVELAND]: ['N54', 'North East'],
  [MappaArea.DURHAM]: ['N54', 'North East'],
  [MappaArea.NORTHUMBRIA]: ['N54', 'North East'],
  [MappaArea.HUMBERSIDE]: ['N55', 'Yorkshire and the Humber'],
  [MappaArea.NORTH_YORKSHIRE]: ['N55', 'Yorkshire and the Humber'],
  [MappaArea.SOUTH_YORKSHIRE]: ['N55', 'Yorkshire and the Humber'],
  [MappaArea.WEST_YORKSHIRE]: ['N55', 'Yorkshire and the Humber'],
  [MappaArea.BEDFORDSHIRE]: ['N56', 'East of England'],
  [MappaArea.CAMBRIDGESHIRE]: ['N56', 'East of England'],
  [MappaArea.ESSEX]: ['N56', 'East of England'],
  [MappaArea.HERTFORDSHIRE]: ['N56', 'East of England'],
  [MappaArea.NORFOLK]: ['N56', 'East of England'],
  [MappaArea.SUFFOLK]: ['N56', 'East of England'],
  [MappaArea.KENT]: ['N57', 'Kent, Surrey and Sussex'],
  [MappaArea.SURREY]: ['N57', 'Kent, Surrey and Sussex'],
  [MappaArea.SUSSEX]: ['N57', 'Kent, Surrey and Sussex'],
  [MappaArea.AVON_AND_SOMERSET]: ['N58', 'South West'],
  [MappaArea.DEVON_AND_CORNWALL]: ['N58', 'South West'],
  [MappaArea.DORSET]: ['N58', 'South West'],
  [MappaArea.GLOUCESTERSHIRE]: ['N58', 'South West'],
  [MappaArea.WILTSHIRE]: ['N58', 'South West'],
  [MappaArea.HAMPSHIRE]: ['N59', 'South Central'],
  [MappaArea.THAMES_VALLEY]: ['N59', 'South Central'],
  [MappaArea.STAFFORDSHIRE]: ['N60', 'West Midlands'],
  [MappaArea.WARWICKSHIRE]: ['N60', 'West Midlands'],
  [MappaArea.WEST_MERCIA]: ['N60', 'West Midlands'],
  [MappaArea.WEST_MIDLANDS]: ['N60', 'West Midlands'],
};

/** `WEST_MIDLANDS` → `West Midlands`. */
export function areaName(area: MappaArea): string {
  return area
    .toLowerCase()
    .replaceAll('_', ' ')
    .replace(/\b\w/g, (letter) => letter.toUpperCase());
}

export const FIRST_NAMES = [
  'Alex',
  'Alison',
  'Amir',
  'Beth',
  'Chloe',
  'Dan',
  'Deborah',
  'Eleanor',
  'Farah',
  'Grace',
  'Hannah',
  'Imran',
  'Jo',
  'Joel',
  'Kate',
  'Leah',
  'Maya',
  'Nadia',
  'Owen',
  'Priya',
  'Rosa',
  'Sam',
  'Tariq',
  'Verity',
  'Will',
  'Zara',
] as const;

const SURNAME_STARTS = [
  'Alder',
  'Bex',
  'Birch',
  'Cley',
  'Dray',
  'Ember',
  'Fallow',
  'Glen',
  'Heron',
  'Ivy',
  'Lang',
  'Mill',
  'Orch',
  'Poll',
  'Rook',
  'Sorrel',
  'Tarn',
  'Wold',
] as const;
const SURNAME_ENDS = ['bourne', 'brook', 'cote', 'dale', 'holme', 'ington', 'lock', 'shaw', 'side', 'wick'] as const;

/** Invented surnames, in a stable order. */
export const SURNAMES: readonly string[] = SURNAME_STARTS.flatMap((start) => SURNAME_ENDS.map((end) => `${start}${end}`));

export const STREETS = [
  'Acorn Way',
  'Beacon Road',
  'Chapel Lane',
  'Dovecote Close',
  'Ferry Street',
  'Granary Row',
  'Kiln Lane',
  'Mill Race',
  'Orchard Walk',
  'Quarry Hill',
  'Tannery Yard',
  'Weir Road',
] as const;

/** An approved premises' code in a probation region: the provider code and its place in `APPROVED_PREMISES`. */
export const approvedPremisesCode = (providerCode: string, premisesName: string): string =>
  `${providerCode}AP${APPROVED_PREMISES.indexOf(premisesName as (typeof APPROVED_PREMISES)[number]) + 1}`;

/** The staff codes of an approved premises' staff (two per premises, synthetic). */
export const approvedPremisesStaffCodes = (premisesCode: string): readonly string[] => [`${premisesCode}1`, `${premisesCode}2`];

export const APPROVED_PREMISES = [
  'Alderbrook House',
  'Beacon Lodge',
  'Cley House',
  'Fallowfield House',
  'Heron Court',
  'Tarnside Lodge',
] as const;

/** A synthetic postcode in the non-existent `ZZ` area. */
export function syntheticPostcode(random: Random): string {
  return `ZZ${random.int(1, 99)} ${random.int(1, 9)}${random.pick(['AB', 'CD', 'EF', 'GH', 'JL', 'NP'])}`;
}

/** A mobile number in Ofcom's drama range (07700 900000-900999). */
export function dramaMobile(random: Random): string {
  return `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
}

/** A landline number in Ofcom's drama range (01632 960000-960999). */
export function dramaLandline(random: Random): string {
  return `01632 960${String(random.int(0, 999)).padStart(3, '0')}`;
}

/** Tier letter by overall risk of serious harm. */
export const TIER_LETTER: Record<RiskLevel, string> = {
  [RiskLevel.VERY_HIGH]: 'A',
  [RiskLevel.HIGH]: 'B',
  [RiskLevel.MEDIUM]: 'C',
  [RiskLevel.LOW]: 'D',
};

/** Tier digit by OGRS band. */
export const TIER_DIGIT: Record<RiskLevel, number> = {
  [RiskLevel.VERY_HIGH]: 3,
  [RiskLevel.HIGH]: 2,
  [RiskLevel.MEDIUM]: 1,
  [RiskLevel.LOW]: 0,
};

/** Lowest level first, so an index comparison orders levels. */
export const RISK_ORDER: readonly RiskLevel[] = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH];

/**
 * Predictor bands as score ranges in hundredths of a percent, lowest band first. Bands follow OASys
 * (OGRS, RSR, OVP); the OSP ranges are synthetic, as OSP bands come from points, not percentages.
 */
export const PREDICTOR_BANDS = {
  ogrs: [
    [RiskLevel.LOW, 100, 4999],
    [RiskLevel.MEDIUM, 5000, 7499],
    [RiskLevel.HIGH, 7500, 8999],
    [RiskLevel.VERY_HIGH, 9000, 9900],
  ],
  rsr: [
    [RiskLevel.LOW, 10, 299],
    [RiskLevel.MEDIUM, 300, 689],
    [RiskLevel.HIGH, 690, 2500],
  ],
  ospContact: [
    [RiskLevel.LOW, 10, 199],
    [RiskLevel.MEDIUM, 200, 399],
    [RiskLevel.HIGH, 400, 689],
    [RiskLevel.VERY_HIGH, 690, 1500],
  ],
  ospIndecent: [
    [RiskLevel.LOW, 10, 111],
    [RiskLevel.MEDIUM, 112, 299],
    [RiskLevel.HIGH, 300, 800],
  ],
  ovp: [
    [RiskLevel.LOW, 100, 2999],
    [RiskLevel.MEDIUM, 3000, 5999],
    [RiskLevel.HIGH, 6000, 7999],
    [RiskLevel.VERY_HIGH, 8000, 9900],
  ],
} as const satisfies Record<string, readonly (readonly [RiskLevel, number, number])[]>;

export type PredictorName = keyof typeof PREDICTOR_BANDS;

/** A condition as the seeder writes it, before it is attached to a licence. */
export interface ConditionDraft {
  readonly kind: 'STANDARD' | 'ADDITIONAL' | 'BESPOKE';
  readonly period: 'AP' | 'PSS';
  readonly code: string;
  readonly category: string;
  readonly text: string;
  readonly identifiesVictim: boolean;
  readonly isExclusionZone: boolean;
  /** The victim who asked for the condition (their Victim Contact Scheme reference), if one did. */
  readonly victimReference?: string | null;
  /** True for a curfew or exclusion zone the electronic monitoring provider monitors. */
  readonly electronicMonitoring?: boolean;
}

const standard = (period: 'AP' | 'PSS', code: string, text: string): ConditionDraft => ({
  kind: 'STANDARD',
  period,
  code,
  category: 'Standard',
  text,
  identifiesVictim: false,
  isExclusionZone: false,
});

/** The standard licence conditions every licence carries. */
export const STANDARD_AP_CONDITIONS: readonly ConditionDraft[] = [
  standard('AP', 'GOOD_BEHAVIOUR', 'Be of good behaviour and not behave in a way which undermines the purpose of the licence period.'),
  standard('AP', 'NOT_OFFEND', 'Not commit any offence.'),
  standard(
    'AP',
    'TALK_TO_PP',
    'Keep in touch with the supervising officer in accordance with instructions given by the supervising officer.',
  ),
  standard(
    'AP',
    'RECEIVE_VISIT',
    'Receive visits from the supervising officer in accordance with instructions given by the supervising officer.',
  ),
  standard(
    'AP',
    'RESIDE_AT_SPECIFIC_PLACE',
    'Reside permanently at an address approved by the supervising officer and obtain prior permission for any stay of one or more nights at a different address.',
  ),
  standard(
    'AP',
    'NO_WORK_WITHOUT_APPROVAL',
    'Not undertake work, or a particular type of work, unless it is approved by the supervising officer.',
  ),
  standard(
    'AP',
    'NO_TRAVEL_OUTSIDE_UK',
    'Not travel outside the United Kingdom, the Channel Islands or the Isle of Man except with the prior permission of the supervising officer.',
  ),
];

/** The standard requirements of post-sentence supervision (AP_PSS licences). */
export const STANDARD_PSS_CONDITIONS: readonly ConditionDraft[] = [
  standard(
    'PSS',
    'GOOD_BEHAVIOUR',
    'Be of good behaviour and not behave in a way which undermines the rehabilitative purpose of the supervision period.',
  ),
  standard('PSS', 'NOT_OFFEND', 'Not commit any offence.'),
  standard('PSS', 'TALK_TO_SUPERVISOR', 'Keep in touch with the supervisor in accordance with instructions given by the supervisor.'),
  standard(
    'PSS',
    'RESIDE_AT_PERMANENT_ADDRESS',
    "Have the supervisor's approval before living at an address other than the permanent address.",
  ),
];

export const additional = (
  code: string,
  category: string,
  text: string,
  flags: { identifiesVictim?: boolean; isExclusionZone?: boolean; victimReference?: string; electronicMonitoring?: boolean } = {},
): ConditionDraft => ({
  kind: 'ADDITIONAL',
  period: 'AP',
  code,
  category,
  text,
  identifiesVictim: flags.identifiesVictim ?? false,
  isExclusionZone: flags.isExclusionZone ?? false,
  victimReference: flags.victimReference ?? null,
  electronicMonitoring: flags.electronicMonitoring ?? false,
});

/** Additional conditions that depend only on the MAPPA category, with how often each is set. */
export const CATEGORY_CONDITIONS: Record<MappaCategory, readonly (readonly [ConditionDraft, number])[]> = {
  1: [
    [
      additional(
        'NO_UNSUPERVISED_CONTACT_CHILDREN',
        'Making or maintaining contact with a person',
        "Not to have unsupervised contact with any child under 18 without the prior approval of your supervising officer and the child's parent or guardian, who knows of your convictions.",
      ),
      0.7,
    ],
    [
      additional(
        'INTERNET_DEVICE_MONITORING',
        'Possession, ownership, control or inspection of specified items or documents',
        'Not to use or access any internet-enabled device unless it keeps a usage history and you make it available for inspection on request.',
      ),
      0.5,
    ],
    [additional('POLYGRAPH', 'Polygraph', 'Comply with any instruction from your supervising officer to attend polygraph testing.'), 0.4],
  ],
  2: [
    [
      additional(
        'ADDRESS_OFFENDING_BEHAVIOUR',
        'Participation in, or co-operation with, a programme or set of activities',
        'To comply with any requirements of your supervising officer to address your offending behaviour, including violence and anger management.',
      ),
      0.5,
    ],
    [additional('DRUG_TESTING', 'Drug testing', 'Attend drug testing as directed by your supervising officer.'), 0.25],
  ],
  3: [
    [
      additional(
        'NOTIFY_RELATIONSHIPS',
        'Making or maintaining contact with a person',
        'Notify your supervising officer of any developing intimate relationship.',
      ),
      0.7,
    ],
    [
      additional(
        'ADDRESS_OFFENDING_BEHAVIOUR',
        'Participation in, or co-operation with, a programme or set of activities',
        'To comply with any requirements of your supervising officer to address your offending behaviour, including domestic abuse programmes.',
      ),
      0.5,
    ],
  ],
  4: [
    [
      additional(
        'EXTREMISM_ASSOCIATION',
        'Extremism',
        'Not to contact or associate with a person or group known to promote extremist views without the prior approval of your supervising officer.',
      ),
      1,
    ],
    [
      additional(
        'ELECTRONIC_MONITORING',
        'Electronic monitoring',
        'Allow electronic monitoring equipment to be installed and worn, and keep it charged and in working order.',
      ),
      0.6,
    ],
  ],
};

export const CURFEW_CONDITION = additional(
  'CURFEW',
  'Curfew arrangement',
  'Confine yourself to the address approved by your supervising officer between 21:00 and 07:00 daily unless otherwise authorised.',
);

/** Synthetic narrative text for OASys and the risk management plan, by MAPPA category. */
export const WHO_IS_AT_RISK: Record<MappaCategory, readonly string[]> = {
  1: [
    'Synthetic: children under 13 in the community, in particular those in the care of a new partner.',
    'Synthetic: adult females unknown to the person, and the victim of the index offence.',
  ],
  2: [
    'Synthetic: members of the public in night-time economy settings, and the victim of the index offence.',
    "Synthetic: known adults in the person's social circle, and staff who enforce rules.",
  ],
  3: [
    'Synthetic: current and future intimate partners, and the former partner who was the victim.',
    "Synthetic: the former partner and that partner's new family.",
  ],
  4: [
    'Synthetic: the public at large, in crowded places and at symbolic locations.',
    "Synthetic: the public, and staff who challenge the person's views.",
  ],
};

export const NATURE_OF_RISK: Record<MappaCategory, readonly string[]> = {
  1: [
    'Synthetic: contact sexual offending, preceded by grooming and gaining the trust of carers.',
    'Synthetic: viewing and sharing indecent images, with a risk of escalation to contact offending.',
  ],
  2: [
    'Synthetic: serious physical violence, including use of a weapon, when intoxicated or provoked.',
    'Synthetic: violence causing serious injury in confrontations over perceived disrespect.',
  ],
  3: [
    'Synthetic: controlling and coercive behaviour escalating to physical violence and stalking.',
    'Synthetic: threats, harassment and violence towards partners who end the relationship.',
  ],
  4: [
    'Synthetic: planning or encouraging acts of terrorism; sharing extremist material.',
    'Synthetic: radicalising others and supporting a proscribed group.',
  ],
};

export const RISK_IMMINENCE = [
  'Synthetic: risk is not imminent while current controls are in place; it would rise quickly on loss of accommodation.',
  'Synthetic: risk could become imminent if the person resumes contact with the victim.',
  'Synthetic: risk is greatest in the first weeks after release and at times of relationship breakdown.',
] as const;

export const RISK_INCREASE_FACTORS = [
  'Synthetic: alcohol or drug misuse, loss of accommodation, contact with pro-offending peers.',
  'Synthetic: relationship breakdown, unemployment, disengagement from supervision.',
  'Synthetic: isolation, poor emotional regulation, access to potential victims.',
] as const;

export const RISK_MITIGATION_FACTORS = [
  'Synthetic: stable accommodation, engagement with programmes, supportive family ties.',
  'Synthetic: compliance with licence conditions, employment, abstinence from alcohol.',
  'Synthetic: motivation to change, positive relationship with the supervising officer.',
] as const;
