import { crnSchema, formatPncId, pncIdSchema, prisonNumberSchema } from './identifiers';

describe('identifier validation', () => {
  it('accepts the PNC ID from the police national computer documentation', () => {
    expect(pncIdSchema.safeParse('2008/0545166T').success).toBe(true);
  });

  it('rejects a PNC ID with a wrong check letter or format', () => {
    expect(pncIdSchema.safeParse('2008/0545166A').success).toBe(false);
    expect(pncIdSchema.safeParse('08/0545166T').success).toBe(false);
    expect(pncIdSchema.safeParse('2008/0545166t').success).toBe(false);
  });

  it('formats PNC IDs with their check letter', () => {
    expect(formatPncId(2008, 545166)).toBe('2008/0545166T');
  });

  it('validates CRNs and prison numbers by their formats', () => {
    expect(crnSchema.safeParse('X123456').success).toBe(true);
    expect(crnSchema.safeParse('X12345').success).toBe(false);
    expect(prisonNumberSchema.safeParse('A1234BC').success).toBe(true);
    expect(prisonNumberSchema.safeParse('A1234B1').success).toBe(false);
  });
});
