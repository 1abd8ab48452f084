import { signal } from '@angular/core';
import { render, screen } from '@testing-library/angular';
import { ApiError, SessionStore, SsoApi } from '@stl/web/data-access';
import type { OrganisationSso, SaveOrganisationSsoInput } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { of, throwError } from 'rxjs';
import { AdminSsoPage } from './sso-settings.page';

const ORG = '00000000-0000-4000-8000-000000000001';
const STORED: OrganisationSso = {
  organisationId: ORG,
  redirectUri: 'https://stl.larkby.se/auth/oidc/callback',
  configured: true,
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'client-1',
  clientSecretSet: true,
  allowedDomains: ['larkby.se', 'skola.larkby.se'],
  displayName: 'Lärkby kommun',
  enabled: true,
  passwordSignInDisabled: false,
  updatedAt: '2026-12-06T04:00:00.000Z',
};

/** The API as the screen sees it: the stored settings, and saves it records (or refuses). */
class SettingsApi {
  readonly saves: SaveOrganisationSsoInput[] = [];
  refusal: ApiError | null = null;
  settings() {
    return of(STORED);
  }
  save(input: SaveOrganisationSsoInput) {
    this.saves.push(input);
    if (this.refusal) return throwError(() => this.refusal);
    return of({ ...STORED, allowedDomains: input.allowedDomains, clientSecretSet: true });
  }
}

async function setup() {
  const api = new SettingsApi();
  const session = { viewer: signal({ organisation: { id: ORG, name: 'Lärkby kommun' } }) };
  const view = await render(AdminSsoPage, {
    providers: [
      provideI18nTesting(),
      { provide: SsoApi, useValue: api },
      { provide: SessionStore, useValue: session },
    ],
  });
  await view.fixture.whenStable();
  return { ...view, api };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('the administrators’ SSO screen', () => {
  it('shows what is stored and the redirect URI, never a secret', async () => {
    await setup();
    expect(screen.getByText(STORED.redirectUri)).toBeTruthy();
    expect(field('Issuer URL').value).toBe(STORED.issuer);
    expect(field('Client id').value).toBe('client-1');
    expect(field('Allowed e-mail domains').value).toBe('larkby.se\nskola.larkby.se');
    expect(field('Client secret').value).toBe('');
    expect(field('Client secret').getAttribute('aria-describedby')).toBe('sso-client-secret-hint');
    expect(screen.getByText(/A secret is stored \(encrypted\) and never shown/)).toBeTruthy();
    expect(
      (screen.getByLabelText('Turn on sign-in through the organisation') as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('asks for the issuer before asking the API, beside the field and in a focused summary', async () => {
    const { api, fixture } = await setup();
    field('Issuer URL').value = '';
    field('Issuer URL').dispatchEvent(new Event('input'));
    screen.getByRole('button', { name: 'Save' }).click();
    await fixture.whenStable();
    expect(api.saves).toEqual([]);
    expect(field('Issuer URL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Enter the issuer URL.').length).toBe(2);
    expect(document.activeElement?.closest('stl-error-summary')).toBeTruthy();
  });

  it('saves the domains as a list and keeps the stored secret when the field is left empty', async () => {
    const { api, fixture } = await setup();
    field('Allowed e-mail domains').value = 'larkby.se, elev.larkby.se';
    field('Allowed e-mail domains').dispatchEvent(new Event('input'));
    screen.getByRole('button', { name: 'Save' }).click();
    await fixture.whenStable();
    expect(api.saves).toEqual([
      {
        organisationId: ORG,
        issuer: STORED.issuer,
        clientId: 'client-1',
        clientSecret: null,
        allowedDomains: ['larkby.se', 'elev.larkby.se'],
        displayName: 'Lärkby kommun',
        enabled: true,
        passwordSignInDisabled: false,
      },
    ]);
    expect(screen.getByRole('status').textContent).toContain('The settings are saved.');
  });

  it('shows the API’s refusal beside the field it is about', async () => {
    const { api, fixture } = await setup();
    api.refusal = new ApiError('BAD_USER_INPUT', 'no', [
      { field: 'issuer', code: 'ISSUER_DISCOVERY_FAILED', message: 'No provider answered.' },
    ]);
    screen.getByRole('button', { name: 'Save' }).click();
    await fixture.whenStable();
    expect(field('Issuer URL').getAttribute('aria-describedby')).toBe('sso-issuer-hint sso-issuer-error');
    expect(
      screen.getAllByText('No OpenID Connect service answered at that address. Check the issuer URL.').length,
    ).toBe(2);
  });
});
