import { parseDomains, ssoFormProblems, ssoProblemKey } from './sso-form';

describe('SSO settings form', () => {
  it('reads domains one per line, or separated by commas or spaces', () => {
    expect(parseDomains(' larkby.se\n\nskola.larkby.se, elev.larkby.se ')).toEqual([
      'larkby.se',
      'skola.larkby.se',
      'elev.larkby.se',
    ]);
    expect(parseDomains('  \n ')).toEqual([]);
  });

  it('asks for the required fields before the API is asked', () => {
    expect(ssoFormProblems({ issuer: ' ', clientId: '', displayName: 'Lärkby' })).toEqual({
      'sso-issuer': 'sso.admin.problems.issuerMissing',
      'sso-client-id': 'sso.admin.problems.clientIdMissing',
    });
    expect(ssoFormProblems({ issuer: 'https://idp', clientId: 'x', displayName: 'y' })).toEqual({});
  });

  it('explains the API’s SSO problems in its own words and others as the admin screens do', () => {
    expect(ssoProblemKey({ field: 'issuer', code: 'ISSUER_DISCOVERY_FAILED', message: '' })).toBe(
      'sso.admin.problems.ISSUER_DISCOVERY_FAILED',
    );
    expect(ssoProblemKey({ field: 'clientId', code: 'maxLength', message: '' })).toBe(
      'admin.problems.tooLong',
    );
  });
});
