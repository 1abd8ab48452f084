import { BadInputError } from '@stl/api/util-errors';
import { ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe();
  const meta = { type: 'query' as const, data: 'assignmentId' };

  it('passes ids and absent values through', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(pipe.transform(id, meta)).toBe(id);
    expect(pipe.transform(null, meta)).toBeNull();
    expect(pipe.transform(undefined, meta)).toBeUndefined();
  });

  it('refuses anything else as bad input naming the argument', () => {
    for (const bad of ['x', "1' OR '1'='1", 42, {}]) {
      try {
        pipe.transform(bad, meta);
        throw new Error('expected a refusal');
      } catch (err) {
        expect(err).toBeInstanceOf(BadInputError);
        expect((err as BadInputError).problems).toEqual([
          { field: 'assignmentId', code: 'isUuid', message: 'assignmentId is not a valid id.' },
        ]);
      }
    }
  });
});
