import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { personExportUrl } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';

/**
 * My data (GDPR art. 15 and 20; ADR 0030): plain download links to the access export, which the
 * API builds when clicked (no GraphQL, no script: the browser saves the file).
 */
@Component({
  selector: 'stl-my-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent],
  template: `
    <stl-page-header
      [heading]="'privacy.settings.title' | transloco"
      [lead]="'privacy.settings.lead' | transloco"
    />
    <section class="card section">
      <ul class="downloads">
        <li>
          <a [href]="url('html')" download data-testid="my-data-html">{{
            'privacy.settings.html' | transloco
          }}</a>
        </li>
        <li>
          <a [href]="url('json')" download data-testid="my-data-json">{{
            'privacy.settings.json' | transloco
          }}</a>
        </li>
        <li>
          <a [href]="url('zip')" download data-testid="my-data-zip">{{
            'privacy.settings.zip' | transloco
          }}</a>
        </li>
      </ul>
      <p class="hint">{{ 'privacy.settings.hint' | transloco }}</p>
      <p>{{ 'privacy.settings.erasure' | transloco }}</p>
    </section>
  `,
  styles: `
    .downloads {
      display: grid;
      gap: 0.5rem;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class MyDataPage {
  protected url(format: 'json' | 'html' | 'zip'): string {
    return personExportUrl('me', format);
  }
}
