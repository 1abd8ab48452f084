import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { isIsoDate } from '@stl/shared/domain';

const trim = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** Surrounding spaces are never meant, so names and titles (or each one in a list) are stored trimmed. */
export const Trim = () => Transform(({ value }) => (Array.isArray(value) ? value.map(trim) : trim(value)));

/** Required one-line text (a name or title): trimmed, not empty or only spaces, bounded by its column. */
export function IsRequiredText(what: string, max: number) {
  return applyDecorators(
    Trim(),
    IsString({ message: `The ${what} must be text.` }),
    IsNotEmpty({ message: `Write the ${what}; it cannot be empty or only spaces.` }),
    MaxLength(max, { message: `The ${what} can be at most ${max} characters long.` }),
  );
}

/** Optional text: bounded so one request cannot flood storage. */
export function IsBoundedText(what: string, max: number) {
  return applyDecorators(
    IsString({ message: `The ${what} must be text.` }),
    MaxLength(max, { message: `The ${what} can be at most ${max} characters long.` }),
  );
}

export function IsId(what: string, options: { each?: boolean } = {}) {
  return IsUUID('all', { message: `The ${what} is not a valid id.`, each: options.each });
}

/** A real calendar date written 'YYYY-MM-DD' (so '2027-02-29' is refused). */
export function IsIsoDate(what: string) {
  return ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: (value: unknown) => isIsoDate(value),
      defaultMessage: () => `The ${what} must be a real date written YYYY-MM-DD, e.g. 2026-08-17.`,
    },
  });
}

/**
 * For partial updates: an absent field is left alone, but an explicit null is validated (and so
 * refused) rather than skipped, since these columns cannot be emptied.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
