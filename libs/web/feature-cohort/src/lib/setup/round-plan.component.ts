import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SetupApi, toApiError } from '@stl/web/data-access';
import type { ApiError } from '@stl/web/data-access';
import { MIN_ANALYSIS_ROUNDS, MIN_MEETINGS } from '@stl/shared/domain';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { derivableRoundCount, deriveRounds } from './derive-rounds';
import type { DerivedRound } from './derive-rounds';
import { fieldErrorKey } from './form-errors';
import { meetingLabels } from './meeting-label';
import { planFrom } from './round-form';
import { SetupStore } from './setup.store';

/**
 * Rounds derived from the meetings: a proposal to look at first, then saved as the cohort's whole
 * round plan in one call, or refused with every round that did not fit.
 */
@Component({
  selector: 'stl-setup-round-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ...FORMAT_PIPES],
  styleUrl: './setup-form.css',
  styles: `
    :host {
      display: block;
    }
    .card h3 {
      margin-top: 0;
    }
  `,
  template: `
    <section aria-labelledby="derive-heading" class="card">
      <h3 id="derive-heading">{{ 'setup.rounds.deriveHeading' | transloco }}</h3>
      <p>{{ 'setup.rounds.deriveRule' | transloco }}</p>
      @if (derivable() < minRounds) {
        <p class="notice notice--warning">
          {{
            'setup.rounds.deriveNeedsMeetings'
              | transloco: { meetings: store.meetings().length, needed: minMeetingsForRounds }
          }}
        </p>
      }
      <button type="button" class="button" (click)="derive()" [disabled]="derivable() === 0 || busy()">
        {{ 'setup.rounds.derive' | transloco }}
      </button>
      @if (derived(); as proposal) {
        <div class="table-wrap">
          <table data-testid="derived-table">
            <caption>
              {{
                'setup.rounds.derivedCaption' | transloco: { count: proposal.length }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'setup.rounds.titleCol' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.opens' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.submission' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.feedback' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.meeting' | transloco }}</th>
                <th scope="col">{{ 'setup.rounds.change' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of proposal; track d.number) {
                <tr>
                  <th scope="row">{{ d.number }}</th>
                  <td>{{ d.opensAt | stlDateTime: lang() }}</td>
                  <td>
                    {{ d.submissionDeadline | stlDateTime: lang() }} ({{
                      d.submissionDeadline | stlWeek: lang()
                    }})
                  </td>
                  <td>
                    {{ d.feedbackDeadline | stlDateTime: lang() }} ({{
                      d.feedbackDeadline | stlWeek: lang()
                    }})
                  </td>
                  <td>{{ meetingLabel(d.meetingId) }}</td>
                  <td>
                    {{
                      (hasRound(d.number) ? 'setup.rounds.willUpdate' : 'setup.rounds.willCreate') | transloco
                    }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (applyError(); as e) {
          <div class="notice notice--error" role="alert" data-testid="plan-refused">
            <p>{{ 'setup.rounds.planRefused' | transloco }}</p>
            @if (planProblems().length) {
              <ul>
                @for (p of planProblems(); track $index) {
                  <li>
                    @if (p.number !== null) {
                      {{ 'setup.rounds.refusedRound' | transloco: { number: p.number } }}:
                    }
                    {{ p.key | transloco }}
                  </li>
                }
              </ul>
            } @else {
              <p>{{ e.messageKey | transloco }}</p>
            }
          </div>
        }
        <div class="actions">
          <button type="button" class="button button--primary" (click)="apply(proposal)" [disabled]="busy()">
            {{ 'setup.rounds.applyDerived' | transloco: { count: proposal.length } }}
          </button>
          <button type="button" class="button" (click)="derived.set(null)">
            {{ 'setup.common.cancel' | transloco }}
          </button>
        </div>
      }
      @if (appliedNote()) {
        <p role="status" class="notice notice--success">
          {{ 'setup.rounds.applied' | transloco: { count: appliedNote() } }}
        </p>
      }
    </section>
  `,
})
export class RoundPlanComponent {
  protected readonly store = inject(SetupStore);
  private readonly api = inject(SetupApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly meetingLabel = meetingLabels();
  protected readonly minRounds = MIN_ANALYSIS_ROUNDS;
  protected readonly minMeetingsForRounds = MIN_MEETINGS;

  /** The template version new rounds get. */
  readonly templateVersionId = input.required<string>();

  private readonly rounds = computed(() =>
    [...(this.store.cohort()?.rounds ?? [])].sort((a, b) => a.number - b.number),
  );
  protected readonly derivable = computed(() => derivableRoundCount(this.store.meetings().length));
  protected readonly derived = signal<DerivedRound[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly applyError = signal<ApiError | null>(null);
  protected readonly appliedNote = signal(0);
  protected readonly planProblems = signal<{ number: number | null; key: string }[]>([]);

  protected hasRound(n: number): boolean {
    return this.rounds().some((r) => r.number === n);
  }

  protected derive(): void {
    this.applyError.set(null);
    this.appliedNote.set(0);
    const wanted = Math.max(MIN_ANALYSIS_ROUNDS, this.rounds().length);
    this.derived.set(deriveRounds(this.store.meetings(), wanted));
  }

  /**
   * Saves the proposal as the cohort's whole round plan in one call (planRounds): rounds that exist
   * get the proposed dates, missing ones are created, any others are kept as they are. The API
   * saves all of it or nothing, and lists every refused round.
   */
  protected async apply(proposal: DerivedRound[]): Promise<void> {
    const cohort = this.store.cohort();
    if (!cohort) return;
    const plan = planFrom(this.rounds(), proposal, this.templateVersionId(), (n) =>
      this.transloco.translate('setup.rounds.defaultTitle', { number: n }),
    );
    this.busy.set(true);
    this.applyError.set(null);
    this.planProblems.set([]);
    try {
      await firstValueFrom(this.api.planRounds(cohort.id, plan));
      this.derived.set(null);
      this.appliedNote.set(proposal.length);
    } catch (e) {
      const error = toApiError(e);
      this.applyError.set(error);
      this.planProblems.set(
        error.problems.map((p) => {
          const index = /^rounds\.(\d+)\./.exec(p.field)?.[1];
          return {
            number: index === undefined ? null : (plan[Number(index)]?.number ?? null),
            key: fieldErrorKey(p.code),
          };
        }),
      );
    } finally {
      await this.store.reload();
      this.busy.set(false);
    }
  }
}
