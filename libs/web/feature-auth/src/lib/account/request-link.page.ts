import { ChangeDetectionStrategy, Component, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, errorSentence, toApiError } from '@stl/web/data-access';
import type { AccountLinkKind } from '@stl/web/data-access';
import {
  ErrorSummaryComponent,
  FIELD,
  PageHeaderComponent,
  formErrorsOf,
  formProblems,
  isEmailAddress,
} from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/**
 * "Glömt lösenordet?" and "Logga in med en länk" (ADR 0013): one form, asking for a mailed link.
 * The answer is the same whether or not the address has an account, so the page says "if there is
 * an account"; when too many links were asked for, it says how long to wait.
 */
@Component({
  selector: 'stl-request-link-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    ...FIELD,
  ],
  template: `
    <stl-page-header
      [heading]="'account.request.' + kind() + '.title' | transloco"
      [lead]="'account.request.' + kind() + '.lead' | transloco"
    />
    <stl-error-summary [heading]="'account.summaryHeading' | transloco" [errors]="problems.summary()" />
    @if (sentTo(); as email) {
      <p class="notice notice--success" role="status" data-testid="link-sent">
        {{ 'account.request.' + kind() + '.sent' | transloco: { email } }}
      </p>
    }
    <form class="card account-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <stl-field
        fieldId="link-email"
        [label]="'account.email' | transloco"
        [error]="problems.of('link-email')"
        [required]="true"
      >
        <input
          stlControl
          formControlName="email"
          type="email"
          autocomplete="username"
          inputmode="email"
          spellcheck="false"
        />
      </stl-field>
      <button type="submit" class="button button--primary" [disabled]="busy()">
        {{ (busy() ? 'account.request.sending' : 'account.request.' + kind() + '.submit') | transloco }}
      </button>
    </form>
    <p>
      <a routerLink="/sign-in">{{ 'account.toSignIn' | transloco }}</a>
    </p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 32rem;
    }
    .account-form {
      display: grid;
      gap: 1rem;
    }
  `,
})
export class RequestLinkPage {
  private readonly api = inject(AccountApi);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);

  /** Which link (route data): a password reset or a one-time sign-in link. */
  readonly kind = input<AccountLinkKind>('passwordReset');

  protected readonly form = inject(NonNullableFormBuilder).group({ email: '' });
  protected readonly problems = formProblems(this.summaryBox);
  protected readonly busy = signal(false);
  protected readonly sentTo = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.sentTo.set(null);
    const email = this.form.controls.email.value.trim();
    if (!isEmailAddress(email)) {
      return this.problems.fail(formErrorsOf({ 'link-email': 'account.emailInvalid' }));
    }
    this.problems.clear();
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.requestLink(this.kind(), email));
      this.sentTo.set(email);
    } catch (e) {
      // Throttled: how long to wait, in plain words.
      this.problems.fail({ fields: {}, summary: [errorSentence(toApiError(e))] });
    } finally {
      this.busy.set(false);
    }
  }
}
