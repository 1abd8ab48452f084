import { ParseUUIDPipe } from '@nestjs/common';
import { BadInputError } from '@stl/api/util-errors';

/** For `@Args('id', { type: () => ID }, UuidPipe)`: a malformed id is BAD_USER_INPUT, never a 500. */
export const UuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadInputError('That is not a valid id.', [
      { field: 'id', code: 'INVALID_ID', message: 'That is not a valid id.' },
    ]),
});
