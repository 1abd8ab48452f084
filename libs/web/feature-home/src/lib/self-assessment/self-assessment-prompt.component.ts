import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SelfAssessmentApi, apiResource } from '@stl/web/data-access';
import { DateTimePipe, LanguageService } from '@stl/web/util-i18n';

/**
 * On the home page: the self-assessment a participant may answer now (issue 14), one card per
 * cohort whose window is open. Nothing when there is none (and nothing while it loads or fails:
 * the home page's own content comes first).
 */
@Component({
  selector: 'stl-self-assessment-prompt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateTimePipe],
  template: `
    @if (prompts.hasValue()) {
      @for (p of prompts.value(); track p.cohortId) {
        <section
          class="card prompt"
          [attr.aria-labelledby]="'self-assessment-' + p.cohortId"
          data-testid="self-assessment-prompt"
        >
          <h2 [id]="'self-assessment-' + p.cohortId">
            {{ 'selfAssessment.promptHeading' | transloco }}:
            {{ 'selfAssessment.phase.' + p.phase | transloco }}
          </h2>
          @if (p.answeredAt) {
            <p>{{ 'selfAssessment.answered' | transloco: { closes: (p.closesAt | stlDateTime: lang()) } }}</p>
            <p>
              <a [routerLink]="['/self-assessment', p.cohortId]">{{
                'selfAssessment.changeAnswers' | transloco
              }}</a>
            </p>
          } @else {
            <p>{{ 'selfAssessment.prompt.' + p.phase | transloco: { cohort: p.cohortName } }}</p>
            <p class="muted">
              {{ 'selfAssessment.closes' | transloco: { closes: (p.closesAt | stlDateTime: lang()) } }}
            </p>
            <p>
              <a class="button button--primary" [routerLink]="['/self-assessment', p.cohortId]">{{
                'selfAssessment.answerNow' | transloco
              }}</a>
            </p>
          }
        </section>
      }
    }
  `,
  styles: `
    .prompt {
      margin-block-end: 1.5rem;
    }
    .prompt h2 {
      margin-block-start: 0;
      font-size: 1.25rem;
    }
  `,
})
export class SelfAssessmentPromptComponent {
  private readonly api = inject(SelfAssessmentApi);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly prompts = apiResource({ stream: () => this.api.myPrompts() });
}
