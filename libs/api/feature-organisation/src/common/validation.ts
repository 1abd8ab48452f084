import { applyDecorators } from '@nestjs/common';
import { Trim } from '@stl/api/util-graphql';
import { IsUUID, ValidateBy } from 'class-validator';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';

export { IsIsoDate, Trim } from '@stl/api/util-graphql';

/**
 * A required name: trimmed, not empty or only spaces, at most 200 characters (the column size).
 * Each refusal gives one problem, so a missing name is not also reported as too long.
 */
export function IsName(what: string) {
  return applyDecorators(
    Trim(),
    ValidateBy({
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length > 0,
        defaultMessage: () => `Write the ${what}; it cannot be empty or only spaces.`,
      },
    }),
    ValidateBy({
      name: 'maxLength',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value.length <= MAX_NAME_LENGTH,
        defaultMessage: () => `The ${what} can be at most ${MAX_NAME_LENGTH} characters long.`,
      },
    }),
  );
}

export function IsId(what: string) {
  return IsUUID('all', { message: `The ${what} id is not valid.` });
}

/**
 * A new password, taken as typed (spaces count): the shared password rule's length and list checks
 * (ADR 0010). The person's own words are checked by the service, which knows whose password it is.
 */
export { IsNewPassword as IsPassword } from '@stl/api/feature-auth';
