import { signal } from '@angular/core';
import { render, screen } from '@testing-library/angular';
import { ReviewApi, SessionStore, SupportApi } from '@stl/web/data-access';
import type { SupportThresholds } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { of } from 'rxjs';
import { SchoolOverviewPage } from './school-overview.page';

const ORG = '00000000-0000-4000-8000-000000000001';

async function setup(thresholds: SupportThresholds) {
  const review = {
    schoolCohorts: () =>
      of({
        me: { person: { id: 'p' }, roles: [{ role: 'SCHOOL_LEADER', schoolId: 's' }] },
        cohorts: { nodes: [] },
      }),
  };
  const asked: string[] = [];
  const support = {
    thresholds: (organisationId: string) => {
      asked.push(organisationId);
      return of(thresholds);
    },
  };
  const session = { viewer: signal({ organisation: { id: ORG, name: 'Lärkby kommun' } }) };
  const view = await render(SchoolOverviewPage, {
    providers: [
      provideI18nTesting(),
      { provide: ReviewApi, useValue: review },
      { provide: SupportApi, useValue: support },
      { provide: SessionStore, useValue: session },
    ],
  });
  await view.fixture.whenStable();
  return { asked };
}

describe("the school leader's page explains who needs support", () => {
  it("with the organisation's own thresholds, not the defaults", async () => {
    const { asked } = await setup({
      organisationId: ORG,
      behindAfterDays: 3,
      needsSupportAfterDays: 14,
      needsSupportRoundsMissed: 1,
      isDefault: false,
    });
    expect(asked).toEqual([ORG]);
    const rule = screen.getByTestId('support-rule').textContent ?? '';
    expect(rule).toContain('3 days or more past its deadline');
    expect(rule).toContain(
      'not published 14 days or more after its deadline, or the teacher has one analysis overdue',
    );
    expect(rule).not.toContain('7 days');
    expect(rule).toContain('set by your organisation');
  });

  it('says so when the defaults apply', async () => {
    await setup({
      organisationId: ORG,
      behindAfterDays: 1,
      needsSupportAfterDays: 7,
      needsSupportRoundsMissed: 2,
      isDefault: true,
    });
    const rule = screen.getByTestId('support-rule').textContent ?? '';
    expect(rule).toContain('1 day or more past its deadline');
    expect(rule).toContain('7 days or more after its deadline, or the teacher has 2 analyses overdue');
    expect(rule).toContain("platform's defaults");
  });
});
