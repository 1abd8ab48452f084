import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@stl/web/data-access';
import { PageHeaderComponent } from '@stl/web/ui';
import { AccessibilityReportFormComponent } from './accessibility-report-form.component';

/** When the platform was last assessed and this statement last updated (ISO dates). */
export const ACCESSIBILITY_ASSESSED_ON = '2026-12-06';
export const ACCESSIBILITY_UPDATED_ON = '2026-12-06';

/** Digg's form for reporting a lack of accessibility (the law on accessible public digital services). */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/**
 * The accessibility statement (tillgänglighetsredogörelse) in the shape Digg's model asks for
 * (issue 12): who stands behind the service, how accessible it is, what to do and whom to tell when
 * something cannot be used, Digg as supervisory authority with a link to its form, the technical
 * compliance with its list of known problems, how the platform was tested, and the dates. Public:
 * reached from every page's footer, signed in or not.
 */
@Component({
  selector: 'stl-accessibility-statement-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, PageHeaderComponent, AccessibilityReportFormComponent],
  template: `
    <stl-page-header
      [heading]="'accessibility.title' | transloco"
      [lead]="
        'accessibility.lead'
          | transloco: { organisation: organisation() || ('accessibility.yourOrganisation' | transloco) }
      "
    />
    <article class="statement">
      <section aria-labelledby="a11y-how">
        <h2 id="a11y-how">{{ 'accessibility.how.heading' | transloco }}</h2>
        <p>{{ 'accessibility.how.text' | transloco }}</p>
      </section>

      <section aria-labelledby="a11y-cannot">
        <h2 id="a11y-cannot">{{ 'accessibility.cannot.heading' | transloco }}</h2>
        <p>
          {{
            'accessibility.cannot.text'
              | transloco: { organisation: organisation() || ('accessibility.yourOrganisation' | transloco) }
          }}
        </p>
      </section>

      <section aria-labelledby="a11y-report">
        <h2 id="a11y-report">{{ 'accessibility.report.heading' | transloco }}</h2>
        <p>{{ 'accessibility.report.text' | transloco }}</p>
        <p>
          {{
            'accessibility.report.how'
              | transloco: { organisation: organisation() || ('accessibility.yourOrganisation' | transloco) }
          }}
        </p>
        <stl-accessibility-report-form [from]="sida() ?? null" />
      </section>

      <section aria-labelledby="a11y-supervision">
        <h2 id="a11y-supervision">{{ 'accessibility.supervision.heading' | transloco }}</h2>
        <p>{{ 'accessibility.supervision.text' | transloco }}</p>
        <p>
          <a [href]="diggUrl" data-testid="digg-link">{{ 'accessibility.supervision.link' | transloco }}</a>
        </p>
      </section>

      <section aria-labelledby="a11y-technical">
        <h2 id="a11y-technical">{{ 'accessibility.technical.heading' | transloco }}</h2>
        <p>{{ 'accessibility.technical.text' | transloco }}</p>
        <h3>{{ 'accessibility.technical.notAccessible' | transloco }}</h3>
        <ul>
          @for (key of problems; track key) {
            <li>{{ 'accessibility.technical.problems.' + key | transloco }}</li>
          }
        </ul>
        <h3>{{ 'accessibility.technical.outOfScope' | transloco }}</h3>
        <p>{{ 'accessibility.technical.outOfScopeText' | transloco }}</p>
      </section>

      <section aria-labelledby="a11y-tested">
        <h2 id="a11y-tested">{{ 'accessibility.tested.heading' | transloco }}</h2>
        <p>{{ 'accessibility.tested.text' | transloco }}</p>
        <p data-testid="a11y-dates">
          {{ 'accessibility.tested.assessed' | transloco: { date: assessedOn } }}
          {{ 'accessibility.tested.updated' | transloco: { date: updatedOn } }}
        </p>
      </section>
    </article>
  `,
  styles: `
    .statement {
      max-width: 44rem;
    }
    .statement h2 {
      margin-top: 2rem;
    }
  `,
})
export class AccessibilityStatementPage {
  private readonly session = inject(SessionStore);
  /** The page the reader came from (`?sida=`, set by the footer link), to start the report with. */
  readonly sida = input<string | null | undefined>(null);
  protected readonly diggUrl = DIGG_REPORT_URL;
  protected readonly assessedOn = ACCESSIBILITY_ASSESSED_ON;
  protected readonly updatedOn = ACCESSIBILITY_UPDATED_ON;
  protected readonly problems = ['attachments', 'userText', 'pdfExports', 'timeouts'];
  /** The organisation (huvudman) signed in to; signed out, the statement speaks of "your organisation". */
  protected readonly organisation = computed(() => this.session.viewer()?.organisation?.name ?? '');
}
