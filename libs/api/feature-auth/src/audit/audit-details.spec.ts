import { AuditDetailsRefused, checkedAuditDetails } from './audit-details';

describe('checkedAuditDetails', () => {
  it('keeps ids, codes, numbers, booleans and lists of codes', () => {
    const details = {
      method: 'PASSWORD',
      cohortId: '0b8f7c1e-9a53-4c1e-8f55-3f2b1c0d9e7a',
      count: 3,
      revoked: true,
      records: ['DRAFT', 'SESSION'],
      none: null,
    };
    expect(checkedAuditDetails(details)).toBe(details);
  });

  it.each([
    ['an e-mail address', { email: 'anna@larkby.se' }],
    ['a name', { name: 'Anna Berg' }],
    ['text', { text: 'Min analys av lektionen' }],
    ['a long token', { token: 'x'.repeat(81) }],
    ['text in a list', { records: ['DRAFT', 'Anna Berg'] }],
    ['a key that is text', { 'who did it': 'x' }],
    ['an object', { nested: { a: 1 } as unknown as string }],
    ['an infinite number', { n: Number.POSITIVE_INFINITY }],
  ])('refuses %s', (_what, details) => {
    expect(() => checkedAuditDetails(details)).toThrow(AuditDetailsRefused);
  });
});
