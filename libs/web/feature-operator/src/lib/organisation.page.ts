import { ChangeDetectionStrategy, Component, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { OperatorApi, apiResource, toApiError } from '@stl/web/data-access';
import type { OperatorOrganisation } from '@stl/web/data-access';
import {
  ErrorSummaryComponent,
  FIELD,
  LoadDirective,
  PageHeaderComponent,
  StatusBadgeComponent,
  formProblems,
  isEmailAddress,
} from '@stl/web/ui';
import { formErrorsOf } from '@stl/web/ui/form-errors';
import { firstValueFrom } from 'rxjs';
import { operatorFormErrors } from './operator-errors';
import { STATUS_TONE, canInvite } from './status-badge';

const INVITE_IDS: Record<string, string> = { name: 'admin-name', email: 'admin-email' };
const RENAME_IDS: Record<string, string> = { name: 'rename-name' };

/**
 * One organisation as an operator sees it: its sizes, its administrators and where their
 * invitations stand (send again), another administrator to invite, and its name.
 */
@Component({
  selector: 'stl-operator-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ErrorSummaryComponent,
    StatusBadgeComponent,
    ...FIELD,
  ],
  styleUrls: ['../../../feature-admin/src/lib/shared/admin.css', './operator.css'],
  template: `
    <ng-container *stlLoad="organisation; let o">
      <stl-page-header
        [heading]="o.organisation.name"
        [lead]="
          'operator.detail.lead'
            | transloco
              : {
                  slug: o.organisation.slug,
                  schools: o.schoolCount,
                  people: o.peopleCount,
                  cohorts: o.cohortCount,
                }
        "
      >
        <a routerLink="/operator" class="back-link" stlBeforeHeading>{{
          'operator.detail.back' | transloco
        }}</a>
      </stl-page-header>

      @if (notice(); as n) {
        <p class="notice notice--success" role="status" data-testid="notice">
          {{ n.key | transloco: n.params }}
        </p>
      }

      <div class="table-wrap">
        <table data-testid="administrators">
          <caption>
            {{
              'operator.detail.administrators' | transloco: { count: o.administrators.length }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'operator.detail.name' | transloco }}</th>
              <th scope="col">{{ 'operator.detail.email' | transloco }}</th>
              <th scope="col">{{ 'operator.detail.status' | transloco }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'operator.detail.actions' | transloco }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (a of o.administrators; track a.personId) {
              <tr data-testid="administrator-row">
                <th scope="row">{{ a.fullName }}</th>
                <td>{{ a.email }}</td>
                <td>
                  <stl-status-badge [tone]="tone[a.status]">{{
                    'operator.status.' + a.status | transloco
                  }}</stl-status-badge>
                </td>
                <td>
                  @if (canInvite(a.status)) {
                    <button
                      type="button"
                      class="button button--small"
                      [disabled]="busy()"
                      (click)="resend(a.personId, a.fullName)"
                    >
                      {{ 'operator.detail.resend' | transloco
                      }}<span class="visually-hidden"> {{ a.fullName }}</span>
                    </button>
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4">{{ 'operator.list.noAdministrator' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (resendError(); as key) {
        <p class="notice notice--error" role="alert">{{ key | transloco }}</p>
      }

      <section class="card section" aria-labelledby="invite-heading">
        <form class="form" [formGroup]="inviteForm" (ngSubmit)="invite(o)" novalidate>
          <h2 id="invite-heading">{{ 'operator.detail.inviteHeading' | transloco }}</h2>
          <p class="muted">{{ 'operator.detail.inviteLead' | transloco }}</p>
          <stl-error-summary
            #inviteSummary
            [heading]="'form.fixThese' | transloco"
            [errors]="inviteProblems.summary()"
          />
          <div class="form-row">
            <stl-field
              fieldId="admin-name"
              [label]="'operator.detail.name' | transloco"
              [error]="inviteProblems.of('admin-name')"
            >
              <input stlControl formControlName="name" type="text" autocomplete="off" maxlength="200" />
            </stl-field>
            <stl-field
              fieldId="admin-email"
              [label]="'operator.detail.email' | transloco"
              [error]="inviteProblems.of('admin-email')"
            >
              <input stlControl formControlName="email" type="email" autocomplete="off" maxlength="320" />
            </stl-field>
          </div>
          <div class="actions">
            <button type="submit" class="button button--primary" [disabled]="busy()">
              {{ 'operator.detail.invite' | transloco }}
            </button>
          </div>
        </form>
      </section>

      <section class="card section" aria-labelledby="rename-heading">
        <form class="form" [formGroup]="renameForm" (ngSubmit)="rename(o)" novalidate>
          <h2 id="rename-heading">{{ 'operator.detail.renameHeading' | transloco }}</h2>
          <stl-error-summary
            #renameSummary
            [heading]="'form.fixThese' | transloco"
            [errors]="renameProblems.summary()"
          />
          <stl-field
            fieldId="rename-name"
            [label]="'operator.create.name' | transloco"
            [error]="renameProblems.of('rename-name')"
          >
            <input
              stlControl
              formControlName="name"
              type="text"
              autocomplete="organization"
              maxlength="200"
            />
          </stl-field>
          <div class="actions">
            <button type="submit" class="button" [disabled]="busy()">
              {{ 'operator.detail.rename' | transloco }}
            </button>
          </div>
        </form>
      </section>
    </ng-container>
  `,
})
export class OperatorOrganisationPage {
  private readonly api = inject(OperatorApi);
  private readonly fb = inject(NonNullableFormBuilder);
  /** From the route (component input binding). */
  readonly organisationId = input.required<string>();
  protected readonly tone = STATUS_TONE;
  protected readonly canInvite = canInvite;
  protected readonly organisation = apiResource({
    params: () => this.organisationId(),
    stream: (id) => this.api.organisation(id),
  });
  protected readonly busy = signal(false);
  protected readonly notice = signal<{ key: string; params: Record<string, string> } | null>(null);
  protected readonly resendError = signal<string | null>(null);
  protected readonly inviteForm = this.fb.group({ name: '', email: '' });
  protected readonly renameForm = this.fb.group({ name: '' });
  private readonly inviteSummary = viewChild('inviteSummary', { read: ErrorSummaryComponent });
  private readonly renameSummary = viewChild('renameSummary', { read: ErrorSummaryComponent });
  protected readonly inviteProblems = formProblems(this.inviteSummary);
  protected readonly renameProblems = formProblems(this.renameSummary);

  protected async resend(personId: string, name: string): Promise<void> {
    await this.run(
      () => this.api.resendInvitation(personId),
      { key: 'operator.detail.resent', params: { name } },
      (e) => this.resendError.set(toApiError(e).messageKey),
    );
  }

  protected async invite(o: OperatorOrganisation): Promise<void> {
    const name = this.inviteForm.controls.name.value.trim();
    const email = this.inviteForm.controls.email.value.trim();
    const problems: Record<string, string> = {};
    if (!name) problems[INVITE_IDS['name']] = 'operator.problems.NAME_MISSING';
    if (!isEmailAddress(email)) problems[INVITE_IDS['email']] = 'operator.problems.EMAIL_INVALID';
    if (Object.keys(problems).length) return this.inviteProblems.fail(formErrorsOf(problems));
    await this.run(
      () => this.api.inviteAdministrator(o.organisation.id, { name, email }),
      { key: 'operator.detail.invited', params: { name, email } },
      (e) => this.inviteProblems.fail(operatorFormErrors(toApiError(e), INVITE_IDS)),
      () => {
        this.inviteForm.reset();
        this.inviteProblems.clear();
      },
    );
  }

  protected async rename(o: OperatorOrganisation): Promise<void> {
    const name = this.renameForm.controls.name.value.trim();
    if (!name)
      return this.renameProblems.fail(
        formErrorsOf({ [RENAME_IDS['name']]: 'operator.problems.NAME_MISSING' }),
      );
    await this.run(
      () => this.api.rename(o.organisation.id, name),
      { key: 'operator.detail.renamed', params: { name } },
      (e) => this.renameProblems.fail(operatorFormErrors(toApiError(e), RENAME_IDS)),
      () => {
        this.renameForm.reset();
        this.renameProblems.clear();
      },
    );
  }

  private async run(
    call: () => ReturnType<OperatorApi['organisation']>,
    done: { key: string; params: Record<string, string> },
    failed: (e: unknown) => void,
    after?: () => void,
  ): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    this.resendError.set(null);
    try {
      this.organisation.set(await firstValueFrom(call()));
      this.notice.set(done);
      after?.();
    } catch (e) {
      failed(e);
    } finally {
      this.busy.set(false);
    }
  }
}
