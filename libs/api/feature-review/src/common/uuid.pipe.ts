import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadInputError } from '@stl/api/util-errors';

/**
 * Checks a scalar id argument: a malformed id is BAD_USER_INPUT naming the argument, so a guessed
 * or mangled id never reaches SQL (where it would surface as an internal error).
 */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string | null | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    const message = `${field} must be a valid id.`;
    throw new BadInputError(message, [{ field, code: 'isUuid', message }]);
  }
}
