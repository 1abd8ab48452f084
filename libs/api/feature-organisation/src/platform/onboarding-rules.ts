import { isEmail } from 'class-validator';
import type { FieldProblem } from '@stl/api/util-errors';
import { normaliseEmail } from '../person/role-rules';

/** The longest slug the column holds. */
export const MAX_SLUG_LENGTH = 64;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A URL-safe short name from an organisation's name: "Lärkby kommun" → "larkby-kommun". Swedish
 * letters lose their dots and rings; anything else that is not a letter or digit becomes a hyphen.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** The problem with an e-mail address as typed, or null; the address is compared normalised. */
export function emailProblem(field: string, raw: string | null | undefined): FieldProblem | null {
  const email = normaliseEmail(raw ?? '');
  if (!email) return { field, code: 'EMAIL_MISSING', message: 'Write an e-mail address.' };
  if (email.length > 320 || !isEmail(email)) {
    return { field, code: 'EMAIL_INVALID', message: `"${email}" is not a valid e-mail address.` };
  }
  return null;
}

/** The problem with a person's or an organisation's name, or null. */
export function nameProblem(
  field: string,
  raw: string | null | undefined,
  what: string,
): FieldProblem | null {
  const name = (raw ?? '').trim();
  if (!name) return { field, code: 'NAME_MISSING', message: `Write the ${what}.` };
  if (name.length > 200) {
    return { field, code: 'NAME_TOO_LONG', message: `The ${what} can be at most 200 characters long.` };
  }
  return null;
}

export function slugProblem(field: string, slug: string): FieldProblem | null {
  if (!slug || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) {
    return {
      field,
      code: 'SLUG_INVALID',
      message: `The short name must be 1–${MAX_SLUG_LENGTH} lower-case letters a–z, digits and single hyphens, e.g. "larkby".`,
    };
  }
  return null;
}
