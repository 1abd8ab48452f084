import { isAllowedLink, normaliseLink } from './allowlist';

describe('links in analyses', () => {
  it.each([
    ['https://skolverket.se/a?b=1', true],
    ['http://example.org', true],
    ['mailto:namn@skola.se', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,x', false],
    ['ftp://example.org', false],
    ['//example.org', false],
    ['/relative', false],
    ['https://', false],
  ])('%s allowed: %s', (href, allowed) => {
    expect(isAllowedLink(href)).toBe(allowed);
  });

  it('completes what teachers type into the link dialog', () => {
    expect(normaliseLink(' skolverket.se/lgr22 ')).toBe('https://skolverket.se/lgr22');
    expect(normaliseLink('namn@skola.se')).toBe('mailto:namn@skola.se');
    expect(normaliseLink('https://a.se')).toBe('https://a.se');
    expect(normaliseLink('javascript:alert(1)')).toBeNull();
    expect(normaliseLink('två ord')).toBeNull();
    expect(normaliseLink('ord')).toBeNull();
  });
});
