import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/angular';
import { SsoApi } from '@stl/web/data-access';
import type { SsoOption } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { of } from 'rxjs';
import { SsoEntryComponent } from './sso-entry.component';

const LARKBY: SsoOption = {
  displayName: 'Lärkby kommun',
  organisationSlug: 'larkby',
  startPath: '/auth/oidc/larkby/start?login_hint=karin%40larkby.se',
};

/** The API's lookup, answering for larkby.se only; remembers what it was asked. */
class LookupByDomain {
  readonly asked: string[] = [];
  forEmail(email: string) {
    this.asked.push(email);
    return of(email.endsWith('@larkby.se') ? LARKBY : null);
  }
}

async function setup(inputs: { email?: string; failure?: string }, lang: 'en' | 'sv' = 'en') {
  const api = new LookupByDomain();
  const view = await render(SsoEntryComponent, {
    inputs,
    providers: [provideI18nTesting(lang), { provide: SsoApi, useValue: api }],
  });
  /** Lets the 300 ms pause after typing pass, then draws. */
  const settle = async () => {
    await jest.advanceTimersByTimeAsync(300);
    await view.fixture.whenStable();
  };
  return { ...view, api, settle };
}

describe('stl-sso-entry', () => {
  // Fake timers that still move on their own, so Angular's own scheduling is not held up.
  beforeEach(() => jest.useFakeTimers({ advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  it('offers the organisation’s sign-in once the address is in its domain, as a link to start it', async () => {
    const { api, settle, fixture } = await setup({ email: '' });
    await settle();
    expect(screen.queryByRole('link')).toBeNull();

    fixture.componentRef.setInput('email', 'karin@gmail.com');
    await settle();
    expect(screen.queryByRole('link')).toBeNull();

    fixture.componentRef.setInput('email', 'Karin@larkby.se ');
    await settle();
    const link = screen.getByRole('link', { name: 'Sign in with Lärkby kommun' });
    expect(link.getAttribute('href')).toBe(LARKBY.startPath);
    expect(screen.getByRole('heading', { name: 'Sign in through your organisation' })).toBeTruthy();
    // Half-typed addresses are never sent; the one typed is sent once, in lower case.
    expect(api.asked).toEqual(['karin@gmail.com', 'karin@larkby.se']);
  });

  it('says in plain words why a single sign-on came back refused', async () => {
    await setup({ failure: 'SSO_UNKNOWN_PERSON' }, 'sv');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Inloggningen via organisationen gick inte');
    expect(alert.textContent).toContain('Det finns inget konto på plattformen för din e-postadress.');
  });

  it('treats a code it does not know as the provider’s error, and shows nothing without one', async () => {
    const { fixture } = await setup({ failure: 'SOMETHING_NEW' });
    expect(screen.getByRole('alert').textContent).toContain('sign-in service stopped the sign-in');
    fixture.componentRef.setInput('failure', undefined);
    await fixture.whenStable();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
