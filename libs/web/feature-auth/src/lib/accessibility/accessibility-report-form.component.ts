import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccessibilityApi, SessionStore, errorSentence, problemKey, toApiError } from '@stl/web/data-access';
import type { AccessibilityReportOrganisation, AccessibilityReportReceipt } from '@stl/web/data-access';
import {
  ErrorSummaryComponent,
  FIELD,
  formErrorsFrom,
  formErrorsOf,
  formProblems,
  isEmailAddress,
} from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/** The form's field ids, by the API's input field. */
const FIELD_IDS: Record<string, string> = {
  organisationSlug: 'a11y-organisation',
  description: 'a11y-description',
  where: 'a11y-where',
  name: 'a11y-name',
  email: 'a11y-email',
};

/**
 * Reporting an accessibility problem to the organisation (DOS-lagen; issue 12). Anyone may report,
 * signed in (to their own organisation) or not (choosing it). The report is mailed to the
 * organisation's accessibility contact or administrators, who can answer when an address is given.
 */
@Component({
  selector: 'stl-accessibility-report-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, ...FIELD],
  template: `
    <stl-error-summary
      [heading]="'accessibility.form.summaryHeading' | transloco"
      [errors]="problems.summary()"
    />
    @if (receipt(); as r) {
      <div class="notice notice--success" role="status" data-testid="a11y-report-sent">
        <p>{{ 'accessibility.form.sent' | transloco: { organisation: r.organisationName } }}</p>
        <p>
          {{ (r.answerable ? 'accessibility.form.willAnswer' : 'accessibility.form.noAnswer') | transloco }}
        </p>
      </div>
    }
    <form
      class="card report-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      aria-labelledby="a11y-report"
    >
      @if (signedOut()) {
        <stl-field
          fieldId="a11y-organisation"
          [label]="'accessibility.form.organisation' | transloco"
          [error]="problems.of('a11y-organisation')"
          [required]="true"
        >
          <select stlControl formControlName="organisationSlug">
            <option value="">{{ 'accessibility.form.chooseOrganisation' | transloco }}</option>
            @for (o of organisations(); track o.slug) {
              <option [value]="o.slug">{{ o.name }}</option>
            }
          </select>
        </stl-field>
      }
      <stl-field
        fieldId="a11y-description"
        [label]="'accessibility.form.description' | transloco"
        [hint]="'accessibility.form.descriptionHint' | transloco"
        [error]="problems.of('a11y-description')"
        [required]="true"
      >
        <textarea stlControl formControlName="description" rows="6" maxlength="4000"></textarea>
      </stl-field>
      <stl-field
        fieldId="a11y-where"
        [label]="'accessibility.form.where' | transloco"
        [hint]="'accessibility.form.whereHint' | transloco"
        [error]="problems.of('a11y-where')"
      >
        <input stlControl formControlName="where" type="text" maxlength="300" />
      </stl-field>
      <stl-field
        fieldId="a11y-name"
        [label]="'accessibility.form.name' | transloco"
        [error]="problems.of('a11y-name')"
      >
        <input stlControl formControlName="name" type="text" autocomplete="name" maxlength="200" />
      </stl-field>
      <stl-field
        fieldId="a11y-email"
        [label]="'accessibility.form.email' | transloco"
        [hint]="'accessibility.form.emailHint' | transloco"
        [error]="problems.of('a11y-email')"
      >
        <input
          stlControl
          formControlName="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
        />
      </stl-field>
      <button type="submit" class="button button--primary" [disabled]="busy()">
        {{ (busy() ? 'accessibility.form.sending' : 'accessibility.form.submit') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .report-form {
      display: grid;
      gap: 1rem;
      max-width: 36rem;
    }
    textarea {
      width: 100%;
    }
  `,
})
export class AccessibilityReportFormComponent implements OnInit {
  private readonly api = inject(AccessibilityApi);
  private readonly session = inject(SessionStore);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  /** Where the reader came from (the footer link's `?sida=`), to start the "where" field with. */
  readonly from = input<string | null>(null);

  protected readonly signedIn = computed(() => !!this.session.viewer());
  /** Known to be signed out (not merely not yet asked): then the reporter chooses the organisation. */
  protected readonly signedOut = computed(() => this.session.viewer() === null);
  protected readonly organisations = signal<AccessibilityReportOrganisation[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationSlug: '',
    description: '',
    where: '',
    name: '',
    email: '',
  });
  protected readonly problems = formProblems(this.summaryBox);
  protected readonly busy = signal(false);
  protected readonly receipt = signal<AccessibilityReportReceipt | null>(null);

  constructor() {
    // The statement is public, so no guard has asked who is signed in: ask, then offer the choice.
    void this.session.ensureLoaded().then((viewer) => {
      if (viewer) return;
      this.api.organisations().subscribe({
        next: (list) => {
          this.organisations.set(list);
          // One organisation on the platform: nothing to choose.
          if (list.length === 1) this.form.controls.organisationSlug.setValue(list[0].slug);
        },
        error: () => this.organisations.set([]),
      });
    });
  }

  ngOnInit(): void {
    const from = this.from();
    if (from && !this.form.controls.where.value) this.form.controls.where.setValue(from.slice(0, 300));
  }

  protected async submit(): Promise<void> {
    this.receipt.set(null);
    const v = this.form.getRawValue();
    const local: Record<string, string> = {};
    if (this.signedOut() && !v.organisationSlug)
      local['a11y-organisation'] = 'accessibility.form.organisationMissing';
    if (v.description.trim().length < 10) local['a11y-description'] = 'accessibility.form.descriptionShort';
    if (v.email.trim() && !isEmailAddress(v.email)) local['a11y-email'] = 'accessibility.form.emailInvalid';
    if (Object.keys(local).length > 0) return this.problems.fail(formErrorsOf(local));
    this.problems.clear();
    this.busy.set(true);
    try {
      const receipt = await firstValueFrom(
        this.api.report({
          organisationSlug: this.signedOut() ? v.organisationSlug : null,
          description: v.description,
          where: v.where.trim() || null,
          name: v.name.trim() || null,
          email: v.email.trim() || null,
        }),
      );
      this.receipt.set(receipt);
      this.form.reset();
    } catch (e) {
      const error = toApiError(e);
      if (error.problems.length > 0) {
        this.problems.fail(
          formErrorsFrom(
            error,
            (field) => FIELD_IDS[field.replace(/^input\./, '')] ?? null,
            (p) => problemKey({ field: p.field, code: p.code, message: '' }),
          ),
        );
      } else {
        this.problems.fail({ fields: {}, summary: [errorSentence(error)] });
      }
    } finally {
      this.busy.set(false);
    }
  }
}
