import { z } from 'zod';

// Identifier formats from the real justice systems (see README "Identifiers").

/** Check letters used by the Police National Computer: the remainder modulo 23 picks one. */
const PNC_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/** Computes the PNC check letter for a four-digit year and a serial number. */
export function pncCheckLetter(year: number, serial: number): string {
  const yy = year % 100;
  const letter = PNC_CHECK_LETTERS[(yy * 10_000_000 + serial) % 23];
  if (!letter) throw new RangeError('unreachable: modulo 23 indexes a 23-letter alphabet');
  return letter;
}

/** Formats a PNC ID as `YYYY/NNNNNNNX` with its check letter. */
export function formatPncId(year: number, serial: number): string {
  return `${year}/${String(serial).padStart(7, '0')}${pncCheckLetter(year, serial)}`;
}

/** PNC ID, `YYYY/NNNNNNNX` (e.g. `2008/0545166T`), check letter verified. */
const PNC_ID_FORMAT = /^\d{4}\/\d{7}[A-Z]$/;

export const pncIdSchema = z
  .string()
  .regex(PNC_ID_FORMAT, 'PNC ID must look like 2008/0545166T (YYYY/NNNNNNNX)')
  .refine((value) => {
    // zod runs refinements after a failed regex too; the format error has been reported already.
    if (!PNC_ID_FORMAT.test(value)) return true;
    const year = Number(value.slice(0, 4));
    const serial = Number(value.slice(5, 12));
    return pncCheckLetter(year, serial) === value.slice(12);
  }, 'PNC ID check letter does not match');

/** CRO number, either `SFYY/NNNNNNX` or `NNNNNN/YYX`. */
export const croNumberSchema = z
  .string()
  .regex(/^(SF\d{2}\/\d{1,6}[A-Z]|\d{1,6}\/\d{2}[A-Z])$/, 'CRO number must look like SF80/655108T or 123456/08A');

/** Probation case reference number (nDelius CRN), e.g. `X123456`. */
export const crnSchema = z.string().regex(/^[A-Z]\d{6}$/, 'CRN must look like X123456');

/** Prison (NOMS) number, e.g. `A1234BC`. */
export const prisonNumberSchema = z.string().regex(/^[A-Z]\d{4}[A-Z]{2}$/, 'prison number must look like A1234BC');

/** Youth offending team case reference, e.g. `YOT-LDN-000123`. */
export const yotReferenceSchema = z.string().regex(/^YOT-[A-Z]{3}-\d{6}$/, 'YOT reference must look like YOT-LDN-000123');

/** ISO calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date();
