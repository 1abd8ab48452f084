import { render, screen, within } from '@testing-library/angular';
import { provideRouter } from '@angular/router';
import { OperatorApi } from '@stl/web/data-access';
import type { OperatorOrganisation } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import axe from 'axe-core';
import { of } from 'rxjs';
import { OperatorOrganisationPage } from './organisation.page';

const NORRBY: OperatorOrganisation = {
  organisation: { id: 'o2', name: 'Norrby kommun', slug: 'norrby' },
  schoolCount: 0,
  peopleCount: 2,
  cohortCount: 0,
  createdAt: '2026-12-01T00:00:00.000Z',
  administrators: [
    { personId: 'p1', fullName: 'Greta Ek', email: 'greta@norrby.example', status: 'ACTIVE' },
    { personId: 'p2', fullName: 'Nils Norr', email: 'nils@norrby.example', status: 'INVITATION_EXPIRED' },
  ],
};

class FakeOperatorApi {
  resent: string[] = [];
  organisation = () => of(NORRBY);
  resendInvitation = (personId: string) => {
    this.resent.push(personId);
    return of({
      ...NORRBY,
      administrators: NORRBY.administrators.map((a) =>
        a.personId === personId ? { ...a, status: 'INVITED' as const } : a,
      ),
    });
  };
}

describe('operator: one organisation', () => {
  it('shows where each administrator stands and resends an invitation to who cannot get in', async () => {
    const api = new FakeOperatorApi();
    const { fixture } = await render(OperatorOrganisationPage, {
      inputs: { organisationId: 'o2' },
      providers: [provideI18nTesting(), provideRouter([]), { provide: OperatorApi, useValue: api }],
    });
    const table = await screen.findByRole('table', { name: 'Administrators (2)' });
    const greta = within(table).getByRole('row', { name: /Greta Ek/ });
    const nils = within(table).getByRole('row', { name: /Nils Norr/ });
    expect(greta.textContent).toContain('Can sign in');
    expect(within(greta).queryByRole('button')).toBeNull();
    expect(nils.textContent).toContain('Invitation expired');
    const results = await axe.run(fixture.nativeElement as HTMLElement, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);

    within(nils).getByRole('button', { name: 'Send the invitation again Nils Norr' }).click();
    await fixture.whenStable();
    expect(api.resent).toEqual(['p2']);
    expect((await screen.findByTestId('notice')).textContent).toContain(
      'A new invitation has been sent to Nils Norr.',
    );
    expect(within(screen.getByRole('table')).getByRole('row', { name: /Nils Norr/ }).textContent).toContain(
      'Invited',
    );
  });
});
