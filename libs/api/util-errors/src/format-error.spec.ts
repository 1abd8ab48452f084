import { ERROR_CODES } from '@stl/shared/domain';
import { GraphQLError } from 'graphql';
import { DomainError, NotFoundError } from './domain-error';
import { ErrorCode, statusOf } from './error-codes';
import { formatGraphQLError } from './format-error';

function wrap(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['cohort'] });
}

describe('formatGraphQLError', () => {
  it('keeps the code, message and problems of a domain error', () => {
    const err = new DomainError('COHORT_NOT_READY', 'Needs 8 meetings', [
      { field: 'meetings', code: 'TOO_FEW_MEETINGS', message: 'Needs 8 meetings' },
    ]);
    const gql = wrap(err);
    const out = formatGraphQLError(gql.toJSON(), gql);
    expect(out.extensions).toEqual({
      code: 'COHORT_NOT_READY',
      problems: [{ field: 'meetings', code: 'TOO_FEW_MEETINGS', message: 'Needs 8 meetings' }],
    });
    expect(out.message).toBe('Needs 8 meetings');
  });

  it('hides the message and stack of unexpected errors and logs them', () => {
    const logged: unknown[] = [];
    const gql = wrap(new Error('relation "person" does not exist at SELECT * FROM person'));
    const out = formatGraphQLError(gql.toJSON(), gql, { error: (o) => logged.push(o) });
    expect(out.extensions).toEqual({ code: ErrorCode.Internal });
    expect(out.message).not.toContain('person');
    expect(JSON.stringify(out)).not.toContain('stacktrace');
    expect(logged).toHaveLength(1);
  });

  it('passes GraphQL validation errors through', () => {
    const gql = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const out = formatGraphQLError(gql.toJSON(), gql);
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(out.message).toContain('Cannot query field');
  });

  it("gives graphql-js's give-up on too many variable errors the BAD_USER_INPUT code", () => {
    const gql = new GraphQLError(
      'Too many errors processing variables, error limit reached. Execution aborted.',
    );
    const formatted = { ...gql.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    const out = formatGraphQLError(formatted, gql);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toMatch(/Too many errors processing variables/);
  });

  it('maps every code to a status', () => {
    for (const code of Object.values(ErrorCode)) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
    expect(statusOf(new NotFoundError('cohort').code)).toBe(404);
  });
});

describe('the error-code names', () => {
  it('name every code of the shared closed list, and nothing else', () => {
    expect([...Object.values(ErrorCode)].sort()).toEqual([...ERROR_CODES].sort());
  });
});
