import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadInputError } from '@stl/api/util-errors';

/**
 * Checks a scalar `ID` argument (`@Args('id', { type: () => ID }, ParseIdPipe)`). The global
 * ValidationPipe skips scalar arguments, so without this a malformed id would reach PostgreSQL and
 * surface as an internal error instead of BAD_USER_INPUT naming the argument. Absent optional
 * arguments pass through.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string | null | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    const message = `${field} is not a valid id.`;
    throw new BadInputError(message, [{ field, code: 'isUuid', message }]);
  }
}
