import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, map } from 'rxjs';
import {
  AdminApi,
  PrivacyApi,
  apiResource,
  personExportUrl,
  problemKey,
  toApiError,
} from '@stl/web/data-access';
import { FIELD, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { AdminBackLinkComponent } from '../shared/back-link.component';

/**
 * A person's personal data, for administrators (ADR 0030): the same access export the person can
 * download, and erasure on request, confirmed by typing the person's name.
 */
@Component({
  selector: 'stl-admin-person-privacy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    AdminBackLinkComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'privacy.person.title' | transloco"
      [lead]="'privacy.person.lead' | transloco: { name: name() }"
    >
      <stl-admin-back-link
        stlBeforeHeading
        [to]="'/admin/people/' + personId()"
        label="privacy.person.back"
      />
    </stl-page-header>

    <ng-container *stlLoad="state; let p">
      <section class="card section" aria-labelledby="export-heading">
        <h2 id="export-heading">{{ 'privacy.person.downloadHeading' | transloco }}</h2>
        <p>{{ 'privacy.person.downloadLead' | transloco }}</p>
        <ul class="downloads">
          <li>
            <a [href]="url('html')" download data-testid="person-data-html">{{
              'privacy.settings.html' | transloco
            }}</a>
          </li>
          <li>
            <a [href]="url('json')" download data-testid="person-data-json">{{
              'privacy.settings.json' | transloco
            }}</a>
          </li>
          <li>
            <a [href]="url('zip')" download data-testid="person-data-zip">{{
              'privacy.settings.zip' | transloco
            }}</a>
          </li>
        </ul>
      </section>

      <section class="card section" aria-labelledby="erase-heading">
        <h2 id="erase-heading">{{ 'privacy.person.eraseHeading' | transloco }}</h2>
        <div class="status" role="status" aria-live="polite" data-testid="erase-status">
          @if (erased(); as placeholder) {
            <p class="notice notice--success">{{ 'privacy.person.erased' | transloco: { placeholder } }}</p>
          }
        </div>
        @if (!erased()) {
          <p id="erase-lead">{{ 'privacy.person.eraseLead' | transloco }}</p>
          <form class="form" [formGroup]="form" (ngSubmit)="erase()" novalidate>
            <stl-field
              fieldId="erase-confirmation"
              [label]="'privacy.person.confirmLabel' | transloco"
              [hint]="'privacy.person.confirmHint' | transloco: { name: p.fullName }"
              [error]="error()"
              [required]="true"
            >
              <input stlControl type="text" autocomplete="off" maxlength="200" [formControl]="confirmation" />
            </stl-field>
            <div class="actions">
              <button
                type="submit"
                class="button button--danger"
                aria-describedby="erase-lead"
                [disabled]="busy()"
                data-testid="erase-person"
              >
                {{ 'privacy.person.erase' | transloco }}
              </button>
            </div>
          </form>
        }
      </section>
    </ng-container>
  `,
  styleUrls: ['../shared/admin.css'],
  styles: `
    .downloads {
      display: grid;
      gap: 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .status {
      min-height: 1.5rem;
    }
  `,
})
export class AdminPersonPrivacyPage {
  private readonly admin = inject(AdminApi);
  private readonly privacy = inject(PrivacyApi);
  /** From the route (`people/:personId/privacy`). */
  readonly personId = input.required<string>();

  protected readonly state = apiResource({
    params: () => this.personId(),
    stream: (id) => this.admin.person(id).pipe(map((r) => r.person)),
  });
  protected readonly name = computed(() =>
    this.state.hasValue() ? (this.state.value()?.fullName ?? '') : '',
  );
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly confirmation = this.fb.control('');
  /** The form directive (ngSubmit); the one control is bound on its own. */
  protected readonly form = this.fb.group({});
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly erased = signal<string | null>(null);

  protected url(format: 'json' | 'html' | 'zip'): string {
    return personExportUrl(this.personId(), format);
  }

  protected async erase(): Promise<void> {
    this.error.set(null);
    if (!this.confirmation.value.trim()) return this.error.set('problems.REQUIRED');
    this.busy.set(true);
    try {
      const result = await firstValueFrom(this.privacy.erase(this.personId(), this.confirmation.value));
      this.erased.set(result.placeholderName);
    } catch (e) {
      const err = toApiError(e);
      this.error.set(
        err.problems[0]
          ? problemKey(err.problems[0])
          : err.code === 'CONFLICT'
            ? 'privacy.person.alreadyErased'
            : err.messageKey,
      );
    } finally {
      this.busy.set(false);
    }
  }
}
