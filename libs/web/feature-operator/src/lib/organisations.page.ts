import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { OperatorApi, apiResource, toApiError } from '@stl/web/data-access';
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
import { STATUS_TONE } from './status-badge';

const IDS: Record<string, string> = {
  name: 'org-name',
  slug: 'org-slug',
  adminName: 'org-admin-name',
  adminEmail: 'org-admin-email',
};
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The operator's landing page: every organisation, and a form that creates one with its first administrator. */
@Component({
  selector: 'stl-operator-organisations-page',
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
  // The admin screens' form and table styles, shared rather than copied.
  styleUrls: ['../../../feature-admin/src/lib/shared/admin.css', './operator.css'],
  template: `
    <stl-page-header
      [heading]="'operator.list.title' | transloco"
      [lead]="'operator.list.lead' | transloco"
    />

    @if (created(); as c) {
      <p class="notice notice--success" role="status" data-testid="created">
        {{ 'operator.create.done' | transloco: c }}
      </p>
    }

    <div *stlLoad="organisations; let list" class="table-wrap">
      <table data-testid="organisations">
        <caption>
          {{
            'operator.list.caption' | transloco: { count: list.length }
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'operator.list.name' | transloco }}</th>
            <th scope="col">{{ 'operator.list.schools' | transloco }}</th>
            <th scope="col">{{ 'operator.list.people' | transloco }}</th>
            <th scope="col">{{ 'operator.list.cohorts' | transloco }}</th>
            <th scope="col">{{ 'operator.list.administrators' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (o of list; track o.organisation.id) {
            <tr data-testid="organisation-row">
              <th scope="row">
                <a [routerLink]="['organisations', o.organisation.id]">{{ o.organisation.name }}</a>
                <span class="muted slug">{{ o.organisation.slug }}</span>
              </th>
              <td>{{ o.schoolCount }}</td>
              <td>{{ o.peopleCount }}</td>
              <td>{{ o.cohortCount }}</td>
              <td>
                <ul class="plain">
                  @for (a of o.administrators; track a.personId) {
                    <li>
                      {{ a.fullName }}
                      <stl-status-badge [tone]="tone[a.status]">{{
                        'operator.status.' + a.status | transloco
                      }}</stl-status-badge>
                    </li>
                  } @empty {
                    <li>{{ 'operator.list.noAdministrator' | transloco }}</li>
                  }
                </ul>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5">{{ 'operator.list.empty' | transloco }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>

    <section class="card section" aria-labelledby="create-heading">
      <form class="form" [formGroup]="form" (ngSubmit)="create()" novalidate>
        <h2 id="create-heading">{{ 'operator.create.heading' | transloco }}</h2>
        <p class="muted">{{ 'operator.create.lead' | transloco }}</p>
        <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="problems.summary()" />
        <div class="form-row">
          <stl-field
            fieldId="org-name"
            [label]="'operator.create.name' | transloco"
            [error]="problems.of('org-name')"
          >
            <input
              stlControl
              formControlName="name"
              type="text"
              autocomplete="organization"
              maxlength="200"
            />
          </stl-field>
          <stl-field
            fieldId="org-slug"
            [label]="'operator.create.slug' | transloco"
            [hint]="'operator.create.slugHint' | transloco"
            [error]="problems.of('org-slug')"
          >
            <input stlControl formControlName="slug" type="text" autocomplete="off" maxlength="64" />
          </stl-field>
        </div>
        <div class="form-row">
          <stl-field
            fieldId="org-admin-name"
            [label]="'operator.create.adminName' | transloco"
            [error]="problems.of('org-admin-name')"
          >
            <input stlControl formControlName="adminName" type="text" autocomplete="off" maxlength="200" />
          </stl-field>
          <stl-field
            fieldId="org-admin-email"
            [label]="'operator.create.adminEmail' | transloco"
            [hint]="'operator.create.adminEmailHint' | transloco"
            [error]="problems.of('org-admin-email')"
          >
            <input stlControl formControlName="adminEmail" type="email" autocomplete="off" maxlength="320" />
          </stl-field>
        </div>
        <div class="actions">
          <button
            type="submit"
            class="button button--primary"
            [disabled]="busy()"
            data-testid="create-organisation"
          >
            {{ 'operator.create.submit' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class OperatorOrganisationsPage {
  private readonly api = inject(OperatorApi);
  protected readonly tone = STATUS_TONE;
  protected readonly organisations = apiResource({ stream: () => this.api.organisations() });
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: '',
    slug: '',
    adminName: '',
    adminEmail: '',
  });
  protected readonly busy = signal(false);
  protected readonly created = signal<{ name: string; email: string } | null>(null);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);

  protected async create(): Promise<void> {
    this.created.set(null);
    const v = this.form.getRawValue();
    const input = {
      name: v.name.trim(),
      slug: v.slug.trim() || null,
      adminName: v.adminName.trim(),
      adminEmail: v.adminEmail.trim(),
    };
    const problems: Record<string, string> = {};
    if (!input.name) problems[IDS['name']] = 'operator.problems.NAME_MISSING';
    if (input.slug && !SLUG.test(input.slug)) problems[IDS['slug']] = 'operator.problems.SLUG_INVALID';
    if (!input.adminName) problems[IDS['adminName']] = 'operator.problems.NAME_MISSING';
    if (!isEmailAddress(input.adminEmail)) problems[IDS['adminEmail']] = 'operator.problems.EMAIL_INVALID';
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));
    this.busy.set(true);
    try {
      const o = await firstValueFrom(this.api.create(input));
      this.created.set({ name: o.organisation.name, email: o.administrators[0]?.email ?? input.adminEmail });
      this.form.reset();
      this.problems.clear();
      this.organisations.reload();
    } catch (e) {
      this.problems.fail(operatorFormErrors(toApiError(e), IDS));
    } finally {
      this.busy.set(false);
    }
  }
}
