import { TestBed } from '@angular/core/testing';
import { render, screen, within } from '@testing-library/angular';
import { SessionStore, StaffImportApi } from '@stl/web/data-access';
import type { StaffImportPreview, StaffImportResult } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import axe from 'axe-core';
import { of } from 'rxjs';
import { AdminStaffImportPage } from './staff-import.page';

const row = (line: number, outcome: 'NEW' | 'UPDATE' | 'UNCHANGED' | 'ERROR', extra: object = {}) => ({
  line,
  name: `Person ${line}`,
  email: `p${line}@larkby.example`,
  school: 'Ekbackeskolan',
  roles: 'Lärare',
  outcome,
  changes: [],
  rolesAdded: outcome === 'NEW' ? ['TEACHER' as const] : [],
  rolesKept: [],
  problems: [],
  ...extra,
});

const WITH_ERRORS: StaffImportPreview = {
  kind: 'CSV',
  newCount: 1,
  updateCount: 1,
  unchangedCount: 0,
  errorCount: 1,
  rows: [
    row(2, 'NEW'),
    row(3, 'UPDATE', {
      changes: [{ field: 'fullName', from: 'Old Name', to: 'Person 3' }],
      rolesAdded: ['COURSE_LEADER'],
      rolesKept: ['ADMINISTRATOR'],
    }),
    row(4, 'ERROR', { email: 'inte-en-adress', problems: [{ field: 'email', code: 'EMAIL_INVALID' }] }),
  ],
};
const CLEAN: StaffImportPreview = { ...WITH_ERRORS, errorCount: 0, rows: WITH_ERRORS.rows.slice(0, 2) };

class FakeImports {
  previews: StaffImportPreview[] = [];
  applied: { file: string; invite: boolean }[] = [];
  preview = (_org: string, _file: string) => of(this.previews.shift() as StaffImportPreview);
  apply = (_org: string, file: string, invite: boolean) => {
    this.applied.push({ file, invite });
    return of<StaffImportResult>({ created: 1, updated: 1, unchanged: 0, invited: invite ? 1 : 0 });
  };
}

async function setup(...previews: StaffImportPreview[]) {
  const imports = new FakeImports();
  imports.previews = previews;
  const view = await render(AdminStaffImportPage, {
    providers: [
      provideI18nTesting(),
      { provide: StaffImportApi, useValue: imports },
      {
        provide: SessionStore,
        useValue: { viewer: () => ({ organisation: { id: 'org-1', name: 'Lärkby' } }) },
      },
    ],
  });
  return { ...view, imports };
}

async function choose(fixture: { whenStable(): Promise<unknown> }, text: string) {
  const input = screen.getByLabelText('Staff file') as HTMLInputElement;
  const file = new File([text], 'personal.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  // The file is read, then the preview requested.
  await new Promise((r) => setTimeout(r, 0));
  await fixture.whenStable();
}

describe('staff import screen', () => {
  it('shows the preview as a table with each row’s outcome and problems, and refuses to import', async () => {
    const { fixture } = await setup(WITH_ERRORS);
    await choose(fixture, 'Namn;E-post\n');
    const table = await screen.findByRole('table', { name: /The file's rows \(3\)/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[3].textContent).toContain('Error');
    expect(rows[3].textContent).toContain('E-mail: not a valid e-mail address');
    expect(rows[2].textContent).toContain('Name: Old Name → Person 3');
    expect(rows[2].textContent).toContain('Gets the roles: Course leader');
    expect(rows[2].textContent).toContain('Keeps the roles the file does not name: Administrator');
    expect(screen.getByText(/New: 1\. Updated: 1\. Unchanged: 0\. With errors: 1\./)).toBeTruthy();
    const apply = screen.getByRole('button', { name: /Import \(2 people\)/ }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(screen.getByText('The import cannot be done until every error is fixed.')).toBeTruthy();
    const results = await axe.run(fixture.nativeElement as HTMLElement, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('imports a clean file with the file as base64 and says what it did', async () => {
    const { fixture, imports } = await setup(CLEAN);
    await choose(fixture, 'Namn;E-post\nÅsa;a@b.se\n');
    const apply = (await screen.findByRole('button', { name: /Import \(2 people\)/ })) as HTMLButtonElement;
    expect(apply.disabled).toBe(false);
    apply.click();
    await fixture.whenStable();
    expect(imports.applied).toHaveLength(1);
    expect(imports.applied[0].invite).toBe(true);
    expect(Buffer.from(imports.applied[0].file, 'base64').toString('utf8')).toBe('Namn;E-post\nÅsa;a@b.se\n');
    expect((await screen.findByTestId('import-result')).textContent).toContain(
      'Done: 1 new, 1 updated, 0 unchanged. Invitations sent: 1.',
    );
    expect(TestBed.inject(StaffImportApi)).toBe(imports);
  });
});
