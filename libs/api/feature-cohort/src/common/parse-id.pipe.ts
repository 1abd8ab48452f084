import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadInputError } from '@stl/api/util-errors';

/**
 * Validates a single `ID` argument. The global ValidationPipe skips scalar arguments, so without
 * this a malformed id would reach PostgreSQL and fail as an internal error instead of bad input.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    const message = `${field} is not a valid id.`;
    throw new BadInputError(message, [{ field, code: 'isUuid', message }]);
  }
}
