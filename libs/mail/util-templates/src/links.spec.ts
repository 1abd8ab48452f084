import { MailTemplateError } from './errors';
import { MAIL_PATHS, absoluteUrl, listUnsubscribeHeaders, safeUrl } from './links';

describe('mail links', () => {
  it('fills a path into an absolute URL', () => {
    expect(
      absoluteUrl('https://stl.larkby.se', MAIL_PATHS.analysisEditor, { cohortId: 'c1', roundId: 'r3' }),
    ).toBe('https://stl.larkby.se/cohorts/c1/rounds/r3/analysis');
  });

  it('keeps a path prefix of the base URL and ignores trailing slashes', () => {
    expect(
      absoluteUrl('https://example.se/stl/', MAIL_PATHS.review, { cohortId: 'c1', analysisId: 'a 1' }),
    ).toBe('https://example.se/stl/cohorts/c1/feedback/analyses/a%201');
  });

  it('takes no parameters for a path without placeholders', () => {
    expect(absoluteUrl('http://localhost:4200', MAIL_PATHS.mailSettings)).toBe(
      'http://localhost:4200/settings/notifications',
    );
  });

  it('encodes parameters so they cannot change the path', () => {
    expect(
      absoluteUrl('https://x.se', MAIL_PATHS.analysis, { cohortId: 'c', analysisId: '../admin?x=<y>' }),
    ).toBe('https://x.se/cohorts/c/analyses/..%2Fadmin%3Fx%3D%3Cy%3E');
  });

  it('refuses a relative or non-http base URL and a missing parameter', () => {
    expect(() => absoluteUrl('/relative', MAIL_PATHS.cohorts)).toThrow(MailTemplateError);
    expect(() => absoluteUrl('javascript:alert(1)', MAIL_PATHS.cohorts)).toThrow(MailTemplateError);
    expect(() => absoluteUrl('https://x.se', MAIL_PATHS.review, { cohortId: 'c', analysisId: '' })).toThrow(
      /:analysisId/,
    );
  });

  it('lets only http(s) links from data into a mail', () => {
    expect(safeUrl(' https://meet.example.se/abc ')).toBe('https://meet.example.se/abc');
    expect(() => safeUrl('javascript:alert(1)')).toThrow(MailTemplateError);
    expect(() => safeUrl('data:text/html,<script>')).toThrow(MailTemplateError);
  });

  it('builds one-click unsubscribe headers', () => {
    expect(listUnsubscribeHeaders('https://x.se/u/abc')).toEqual({
      'List-Unsubscribe': '<https://x.se/u/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
