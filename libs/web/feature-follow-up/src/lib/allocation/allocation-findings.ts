import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AllocationFinding } from '@stl/shared/domain';

/**
 * Rule 4's findings on one pair as a list, each an icon and a sentence (never colour alone): the
 * icon is decoration, the sentence says it all. Shows "no warnings" when asked to and none apply.
 */
@Component({
  selector: 'stl-allocation-findings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (findings().length) {
      <ul class="findings" data-testid="pair-findings">
        @for (f of findings(); track f.code) {
          <li class="finding" [class.finding--impossible]="f.severity === 'IMPOSSIBLE'">
            <span class="finding__icon" aria-hidden="true">{{
              f.severity === 'IMPOSSIBLE' ? '⛔' : '⚠'
            }}</span>
            {{
              'followUp.finding.' + f.code
                | transloco
                  : { author: author(), reviewer: reviewer(), rounds: (f.earlierRounds ?? []).join(', ') }
            }}
          </li>
        }
      </ul>
    } @else if (showNone()) {
      <p class="finding finding--none">
        <span class="finding__icon" aria-hidden="true">✓</span>
        {{ 'followUp.finding.none' | transloco }}
      </p>
    }
  `,
  styleUrl: './allocation.page.css',
})
export class AllocationFindingsComponent {
  readonly findings = input.required<readonly AllocationFinding[]>();
  /** Names for the sentences. */
  readonly author = input.required<string>();
  readonly reviewer = input.required<string>();
  readonly showNone = input(false);
}
