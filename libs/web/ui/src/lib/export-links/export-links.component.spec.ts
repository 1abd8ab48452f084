import { render, screen } from '@testing-library/angular';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { ExportLinksComponent, cohortExportPath } from './export-links.component';

describe('stl-export-links', () => {
  it('offers the cohort export as XLSX and CSV downloads, in a labelled group', async () => {
    await render(ExportLinksComponent, {
      inputs: { cohortId: 'c-1', kind: 'progress' },
      providers: [provideI18nTesting()],
    });
    const group = screen.getByRole('group', { name: "Export the participants' progress" });
    expect(group.getAttribute('aria-describedby')).toBe('export-hint-progress');
    const xlsx = screen.getByRole('link', { name: 'Export to Excel' });
    const csv = screen.getByRole('link', { name: 'Export CSV' });
    expect(xlsx.getAttribute('href')).toBe('/export/cohorts/c-1/progress.xlsx');
    expect(csv.getAttribute('href')).toBe('/export/cohorts/c-1/progress.csv');
    expect(xlsx.hasAttribute('download')).toBe(true);
    expect(csv.hasAttribute('download')).toBe(true);
  });

  it('encodes the id into the path', () => {
    expect(cohortExportPath('a/b?c', 'attendance')).toBe('/export/cohorts/a%2Fb%3Fc/attendance');
  });
});
