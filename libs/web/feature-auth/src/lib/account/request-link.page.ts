import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, errorSentence, toApiError } from '@stl/web/data-access';
import type { AccountLinkKind, ErrorSentence } from '@stl/web/data-access';
import { ErrorSummaryComponent, PageHeaderComponent } from '@stl/web/ui';
import type { ErrorSummaryItem } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/**
 * "Glömt lösenordet?" and "Logga in med en länk" (ADR 0013): one form, asking for a mailed link.
 * The answer is the same whether or not the address has an account, so the page says "if there is
 * an account"; when too many links were asked for, it says how long to wait.
 */
@Component({
  selector: 'stl-request-link-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, TranslocoPipe, PageHeaderComponent, ErrorSummaryComponent],
  template: `
    <stl-page-header
      [heading]="'account.request.' + kind() + '.title' | transloco"
      [lead]="'account.request.' + kind() + '.lead' | transloco"
    />
    <stl-error-summary [heading]="'account.summaryHeading' | transloco" [errors]="errors()" />
    @if (sentTo(); as email) {
      <p class="notice notice--success" role="status" data-testid="link-sent">
        {{ 'account.request.' + kind() + '.sent' | transloco: { email } }}
      </p>
    }
    <form class="card account-form" (ngSubmit)="submit()" novalidate>
      <div class="field" [class.field--invalid]="emailError()">
        <label for="link-email">{{ 'account.email' | transloco }}</label>
        @if (emailError(); as error) {
          <p class="field__error" id="link-email-error">{{ error | transloco }}</p>
        }
        <input
          id="link-email"
          name="email"
          type="email"
          autocomplete="username"
          inputmode="email"
          spellcheck="false"
          required
          [ngModel]="email()"
          (ngModelChange)="email.set($event)"
          [attr.aria-invalid]="emailError() ? true : null"
          [attr.aria-describedby]="emailError() ? 'link-email-error' : null"
        />
      </div>
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
  private readonly injector = inject(Injector);
  private readonly summary = viewChild(ErrorSummaryComponent);

  /** Which link (route data): a password reset or a one-time sign-in link. */
  readonly kind = input<AccountLinkKind>('passwordReset');

  protected readonly email = signal('');
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly refusal = signal<ErrorSentence | null>(null);

  protected readonly emailError = computed(() =>
    this.submitted() && !/^\S+@\S+\.\S+$/.test(this.email().trim()) ? 'account.emailInvalid' : null,
  );
  protected readonly errors = computed<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    const emailError = this.emailError();
    if (emailError) items.push({ target: 'link-email', key: emailError });
    const refusal = this.refusal();
    if (refusal) items.push({ key: refusal.key, params: refusal.params });
    return items;
  });

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.refusal.set(null);
    this.sentTo.set(null);
    if (this.emailError()) return this.focusSummary();
    const email = this.email().trim();
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.requestLink(this.kind(), email));
      this.sentTo.set(email);
    } catch (e) {
      this.refusal.set(errorSentence(toApiError(e)));
      this.focusSummary();
    } finally {
      this.busy.set(false);
    }
  }

  private focusSummary(): void {
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
