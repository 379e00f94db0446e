/**
 * Reference data: establishment (agency location) codes used in NOMIS and their names. The first
 * twelve are the ones the synthetic population is held in; the rest are places people were
 * transferred from or released from.
 */
export const ESTABLISHMENT_NAMES: Readonly<Record<string, string>> = {
  BMI: 'HMP Birmingham',
  DWI: 'HMP Downview',
  FKI: 'HMP Frankland',
  HMI: 'HMP Humber',
  LEI: 'HMP Leeds',
  MDI: 'HMP Moorland',
  NMI: 'HMP Nottingham',
  PVI: 'HMP Pentonville',
  SFI: 'HMP Stafford',
  WDI: 'HMP Wakefield',
  WLI: 'HMP Wayland',
  WTI: 'HMP Whatton',
  BWI: 'HMP Berwyn',
  DMI: 'HMP Durham',
  EXI: 'HMP Exeter',
  HOI: 'HMP High Down',
  LPI: 'HMP Liverpool',
  MHI: 'HMP Morton Hall',
  NSI: 'HMP North Sea Camp',
  SPI: 'HMP Spring Hill',
  FDI: 'HMP Ford',
  HDI: 'HMP Hatfield',
};

/** Open (category D) prisons in the list above: where people move to on recategorisation. */
export const OPEN_ESTABLISHMENTS = ['NSI', 'SPI', 'FDI', 'HDI'] as const;

/** Closed local and training prisons people are received into or transferred from. */
export const CLOSED_ESTABLISHMENTS = [
  'BMI',
  'FKI',
  'HMI',
  'LEI',
  'MDI',
  'NMI',
  'PVI',
  'SFI',
  'WDI',
  'WLI',
  'WTI',
  'BWI',
  'DMI',
  'EXI',
  'HOI',
  'LPI',
] as const;

/** The establishment's name; the code itself when the reference data does not know it. */
export function establishmentName(code: string): string {
  return ESTABLISHMENT_NAMES[code] ?? code;
}
