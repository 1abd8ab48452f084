import { confirmPage, donePage, invalidLinkPage } from './unsubscribe-page';
import { signUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';
const PERSON = '00000000-0000-4000-8003-000000000064';

describe('unsubscribe tokens', () => {
  it('round-trips a person and a kind', () => {
    const token = signUnsubscribeToken({ personId: PERSON, kind: 'FEEDBACK_DUE_48H' }, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ personId: PERSON, kind: 'FEEDBACK_DUE_48H' });
  });

  it('refuses forged, edited and malformed tokens', () => {
    const token = signUnsubscribeToken({ personId: PERSON, kind: 'FEEDBACK_DUE_48H' }, SECRET);
    const other = PERSON.replace(/4$/, '5');
    expect(verifyUnsubscribeToken(token.replace(PERSON, other), SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token.replace('FEEDBACK_DUE_48H', 'MEETING_TOMORROW'), SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token, 'another-secret-that-is-long-enough-too')).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`v1.${PERSON}.NOT_A_KIND.abc`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken('', SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(undefined, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(['a'], SECRET)).toBeNull();
  });

  it('builds the link under the public web address', () => {
    const url = unsubscribeUrl('https://stl.larkby.se', { personId: PERSON, kind: 'DIGEST' }, SECRET);
    expect(url).toMatch(/^https:\/\/stl\.larkby\.se\/unsubscribe\?token=v1\./);
    expect(verifyUnsubscribeToken(new URL(url).searchParams.get('token'), SECRET)?.kind).toBe('DIGEST');
  });
});

describe('unsubscribe pages', () => {
  it('asks in Swedish before turning a kind off, with a form that posts the token back', () => {
    const html = confirmPage({
      locale: 'sv',
      kind: 'MEETING_TOMORROW',
      token: 'v1.a.b&c',
      publicWebUrl: 'http://x',
    });
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Vill du sluta få mejl om påminnelser dagen före träffar?');
    expect(html).toContain('<form method="post" action="?token=v1.a.b%26c">');
    expect(html).toContain('href="http://x/settings/notifications"');
  });

  it('says what was done, in English for English speakers', () => {
    expect(donePage({ locale: 'en', kind: 'FEEDBACK_OVERDUE', publicWebUrl: 'http://x' })).toContain(
      'You will no longer get e-mail about overdue feedback.',
    );
    expect(donePage({ locale: 'sv', kind: 'DIGEST', publicWebUrl: 'http://x' })).toContain(
      'Du får inte längre den dagliga sammanfattningen.',
    );
    expect(invalidLinkPage('http://x')).toContain('Länken fungerar inte');
  });
});
