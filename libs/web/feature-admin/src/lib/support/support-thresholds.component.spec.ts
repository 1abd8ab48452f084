import { signal } from '@angular/core';
import { render, screen } from '@testing-library/angular';
import { SessionStore, SupportApi } from '@stl/web/data-access';
import type { SetSupportThresholdsInput, SupportThresholds } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { of } from 'rxjs';
import { AdminSupportThresholdsPage } from './support-thresholds.page';

const ORG = '00000000-0000-4000-8000-000000000001';
const DEFAULTS: SupportThresholds = {
  organisationId: ORG,
  behindAfterDays: 1,
  needsSupportAfterDays: 7,
  needsSupportRoundsMissed: 2,
  isDefault: true,
};

class ThresholdsApi {
  readonly saves: SetSupportThresholdsInput[] = [];
  thresholds() {
    return of(DEFAULTS);
  }
  save(input: SetSupportThresholdsInput) {
    this.saves.push(input);
    return of({ ...input, isDefault: false });
  }
}

async function setup() {
  const api = new ThresholdsApi();
  const session = { viewer: signal({ organisation: { id: ORG, name: 'Lärkby kommun' } }) };
  const view = await render(AdminSupportThresholdsPage, {
    providers: [
      provideI18nTesting(),
      { provide: SupportApi, useValue: api },
      { provide: SessionStore, useValue: session },
    ],
  });
  await view.fixture.whenStable();
  return { ...view, api };
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('the administrators’ support signal screen', () => {
  it('shows the defaults and saves new limits', async () => {
    const { api, fixture } = await setup();
    expect(screen.getByTestId('support-defaults').textContent).toContain('default values');
    expect(field(/“Behind” from/).value).toBe('1');
    expect(field(/when an analysis is this many days late/).value).toBe('7');
    field(/when an analysis is this many days late/).value = '10';
    field(/when an analysis is this many days late/).dispatchEvent(new Event('input'));
    screen.getByRole('button', { name: 'Save the limits' }).click();
    await fixture.whenStable();
    expect(api.saves).toEqual([
      { organisationId: ORG, behindAfterDays: 1, needsSupportAfterDays: 10, needsSupportRoundsMissed: 2 },
    ]);
    expect(screen.getByTestId('saved')).toBeTruthy();
    expect(screen.getByTestId('support-defaults').textContent).toContain('its own values');
  });

  it('refuses needing support before behind without asking the API', async () => {
    const { api, fixture } = await setup();
    field(/“Behind” from/).value = '9';
    field(/“Behind” from/).dispatchEvent(new Event('input'));
    screen.getByRole('button', { name: 'Save the limits' }).click();
    await fixture.whenStable();
    expect(api.saves).toEqual([]);
    expect(field(/when an analysis is this many days late/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/cannot start before “Behind”/).length).toBe(2);
  });
});
