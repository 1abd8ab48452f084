import { render, screen, within } from '@testing-library/angular';
import { provideRouter } from '@angular/router';
import { ApiError, OperatorApi } from '@stl/web/data-access';
import type { CreateOrganisationInput, OperatorOrganisation } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import axe from 'axe-core';
import { of, throwError } from 'rxjs';
import { OperatorOrganisationsPage } from './organisations.page';

const LARKBY: OperatorOrganisation = {
  organisation: { id: 'o1', name: 'Lärkby kommun', slug: 'larkby' },
  schoolCount: 4,
  peopleCount: 32,
  cohortCount: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  administrators: [{ personId: 'p1', fullName: 'Åsa Lind', email: 'admin@larkby.example', status: 'ACTIVE' }],
};

class FakeOperatorApi {
  list: OperatorOrganisation[] = [LARKBY];
  created: CreateOrganisationInput[] = [];
  refuse: ApiError | null = null;
  organisations = () => of(this.list);
  create = (input: CreateOrganisationInput) => {
    this.created.push(input);
    if (this.refuse) return throwError(() => this.refuse);
    const made: OperatorOrganisation = {
      ...LARKBY,
      organisation: { id: 'o2', name: input.name, slug: 'norrby' },
      administrators: [
        { personId: 'p2', fullName: input.adminName, email: input.adminEmail, status: 'INVITED' },
      ],
    };
    this.list = [...this.list, made];
    return of(made);
  };
}

async function setup() {
  const api = new FakeOperatorApi();
  const view = await render(OperatorOrganisationsPage, {
    providers: [provideI18nTesting(), provideRouter([]), { provide: OperatorApi, useValue: api }],
  });
  return { ...view, api };
}

const type = (label: string, value: string) => {
  const input = screen.getByLabelText(label, { exact: false }) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('operator: organisations', () => {
  it('lists organisations with their sizes and administrators, accessibly', async () => {
    const { fixture } = await setup();
    const table = await screen.findByRole('table', { name: 'Organisations (1)' });
    const row = within(table).getByRole('row', { name: /Lärkby kommun/ });
    expect(row.textContent).toContain('Åsa Lind');
    expect(row.textContent).toContain('Can sign in');
    expect(within(row).getByRole('link', { name: 'Lärkby kommun' }).getAttribute('href')).toBe(
      '/organisations/o1',
    );
    const results = await axe.run(fixture.nativeElement as HTMLElement, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('checks the form before sending, then creates and lists the organisation', async () => {
    const { fixture, api } = await setup();
    await screen.findByRole('table');
    screen.getByRole('button', { name: 'Create and invite' }).click();
    await fixture.whenStable();
    expect(api.created).toEqual([]);
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Write a name.');
    expect(summary.textContent).toContain('Write a valid e-mail address');

    type('Organisation name', 'Norrby kommun');
    type("Administrator's name", 'Nils Norr');
    type("Administrator's e-mail address", 'nils@norrby.example');
    screen.getByRole('button', { name: 'Create and invite' }).click();
    await fixture.whenStable();
    expect(api.created).toEqual([
      { name: 'Norrby kommun', slug: null, adminName: 'Nils Norr', adminEmail: 'nils@norrby.example' },
    ]);
    expect((await screen.findByTestId('created')).textContent).toContain(
      'Norrby kommun has been created. An invitation has been sent to nils@norrby.example.',
    );
    expect(await screen.findByRole('table', { name: 'Organisations (2)' })).toBeTruthy();
  });

  it("shows the API's refusal beside the field it concerns", async () => {
    const { fixture, api } = await setup();
    api.refuse = new ApiError('CONFLICT', 'taken', [{ field: 'slug', code: 'SLUG_TAKEN', message: 'taken' }]);
    await screen.findByRole('table');
    type('Organisation name', 'Lärkby');
    type('Short name', 'larkby');
    type("Administrator's name", 'Ny');
    type("Administrator's e-mail address", 'ny@larkby.example');
    screen.getByRole('button', { name: 'Create and invite' }).click();
    await fixture.whenStable();
    const slug = screen.getByLabelText('Short name', { exact: false });
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Another organisation already has that short name.').length).toBeGreaterThan(
      0,
    );
  });
});
