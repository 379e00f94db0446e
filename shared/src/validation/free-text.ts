import { z } from 'zod';

// What a person types is never a control character: NUL, which PostgreSQL `text` cannot store (the
// insert fails, and the caller saw INTERNAL_SERVER_ERROR: issue 9 §6), the other C0 and C1 controls
// (tab, line feed and carriage return excepted), and lone UTF-16 surrogates, which are not text at
// all and would be stored as U+FFFD, altered without a word.
function isText(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
    if (unit >= 0x7f && unit <= 0x9f) return false;
    if (unit >= 0xdc00 && unit <= 0xdfff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index += 1;
    }
  }
  return true;
}

/**
 * Free text a person writes (a reason, a note): trimmed, 1 to `max` characters, and only characters
 * that are text. Every free-text input uses it, so what one input refuses they all refuse, before any
 * SQL runs; identifiers have their own formats (`identifiers.ts`).
 */
export function freeTextSchema(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `a ${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(isText, `${label} must not contain control characters (such as NUL) or unpaired surrogates`);
}
