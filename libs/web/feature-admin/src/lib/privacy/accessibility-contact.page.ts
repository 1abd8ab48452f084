import { ChangeDetectionStrategy, Component, effect, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AccessibilityApi, SessionStore, apiResource, problemKey, toApiError } from '@stl/web/data-access';
import type { AccessibilityContact } from '@stl/web/data-access';
import {
  ErrorSummaryComponent,
  FIELD,
  LoadDirective,
  PageHeaderComponent,
  formErrorsFrom,
  formErrorsOf,
  formProblems,
  isEmailAddress,
} from '@stl/web/ui';
import { AdminBackLinkComponent } from '../shared/back-link.component';

/**
 * Who receives the accessibility problems reported from the accessibility statement (issue 12):
 * one named person of the organisation, or, with nobody named, its administrators.
 */
@Component({
  selector: 'stl-admin-accessibility-contact-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    AdminBackLinkComponent,
    ErrorSummaryComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'accessibility.admin.title' | transloco"
      [lead]="'accessibility.admin.lead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>
    <stl-error-summary
      [heading]="'accessibility.admin.summaryHeading' | transloco"
      [errors]="problems.summary()"
    />
    <section class="card section" *stlLoad="state; let contact">
      <p role="status" data-testid="a11y-contact-now">
        @if (contact.name) {
          {{ 'accessibility.admin.named' | transloco: { name: contact.name, email: contact.email } }}
        } @else {
          {{ 'accessibility.admin.administrators' | transloco: { count: contact.recipients } }}
        }
      </p>
      @if (saved()) {
        <p class="notice notice--success">{{ 'accessibility.admin.saved' | transloco }}</p>
      }
      <form class="form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <stl-field
          fieldId="a11y-contact-email"
          [label]="'accessibility.admin.email' | transloco"
          [hint]="'accessibility.admin.emailHint' | transloco"
          [error]="problems.of('a11y-contact-email')"
        >
          <input stlControl formControlName="email" type="email" autocomplete="off" spellcheck="false" />
        </stl-field>
        <div class="actions">
          <button
            type="submit"
            class="button button--primary"
            [disabled]="busy()"
            data-testid="a11y-contact-save"
          >
            {{ 'accessibility.admin.save' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
  styleUrls: ['../shared/admin.css'],
})
export class AdminAccessibilityContactPage {
  private readonly api = inject(AccessibilityApi);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  protected readonly state = apiResource({ stream: () => this.api.contact(this.organisationId) });
  protected readonly form = inject(NonNullableFormBuilder).group({ email: '' });
  protected readonly problems = formProblems(this.summaryBox);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    effect(() => {
      if (this.state.hasValue()) this.form.controls.email.setValue(this.state.value()?.email ?? '');
    });
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    const email = this.form.controls.email.value.trim();
    if (email && !isEmailAddress(email)) {
      return this.problems.fail(formErrorsOf({ 'a11y-contact-email': 'accessibility.form.emailInvalid' }));
    }
    this.problems.clear();
    this.busy.set(true);
    try {
      const contact: AccessibilityContact = await firstValueFrom(
        this.api.setContact(this.organisationId, email || null),
      );
      this.state.set(contact);
      this.saved.set(true);
    } catch (e) {
      this.problems.fail(
        formErrorsFrom(
          toApiError(e),
          (field) => (field.endsWith('email') ? 'a11y-contact-email' : null),
          (p) =>
            p.code === 'NOT_FOUND'
              ? 'accessibility.admin.notFound'
              : problemKey({ field: p.field, code: p.code, message: '' }),
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
