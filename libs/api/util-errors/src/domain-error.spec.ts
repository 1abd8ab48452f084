import { Logger } from '@nestjs/common';
import { ExternalExceptionFilter } from '@nestjs/core/exceptions/external-exception-filter.js';
import { DomainError, ForbiddenError } from './domain-error';

describe('DomainError', () => {
  const filter = new ExternalExceptionFilter();
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('is not logged by Nest when a resolver throws it: it is an answer, and may carry what a person wrote', () => {
    const conflict = new DomainError('EDIT_CONFLICT', 'Changed elsewhere.', [], {
      answers: [{ sectionKey: 'goals', html: '<p>Elevernas texter …</p>' }],
    });
    expect(() => filter.catch(conflict, undefined as never)).toThrow(conflict);
    expect(() => filter.catch(new ForbiddenError('No.'), undefined as never)).toThrow(ForbiddenError);
    expect(logged).not.toHaveBeenCalled();
  });

  it('leaves a fault (any other error) to be logged', () => {
    const fault = new Error('connection reset');
    expect(() => filter.catch(fault, undefined as never)).toThrow(fault);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('is still an Error with its code, name and details', () => {
    const e = new DomainError('CONFLICT', 'Changed.', [], { x: 1 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      code: 'CONFLICT',
      name: 'DomainError',
      details: { x: 1 },
      message: 'Changed.',
    });
  });
});
