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
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, errorSentence, toApiError } from '@stl/web/data-access';
import type { ApiError, DemoAccount } from '@stl/web/data-access';
import { ErrorSummaryComponent, PageHeaderComponent, isEmailAddress } from '@stl/web/ui';
import type { ErrorSummaryItem } from '@stl/web/ui';
import { SsoEntryComponent } from '../sso/sso-entry.component';

/**
 * The password every demo account has (README, "Demo accounts"). Only used for the accounts the
 * API lists, which it does only when it seeded the demo organisation at boot.
 */
const DEMO_PASSWORD = 'stl-demo-2026';

/** Only paths inside the app: `next=//evil.example` must not send anyone away. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

@Component({
  selector: 'stl-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    SsoEntryComponent,
  ],
  templateUrl: './sign-in.page.html',
  styleUrl: './sign-in.page.css',
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** Where to go after signing in (query parameter, set by the sign-in guard). */
  readonly next = input<string>();
  /** Why the person is here (query parameter): `session-ended` when the API refused their session. */
  readonly reason = input<string>();
  protected readonly sessionEnded = computed(() => this.reason() === 'session-ended');
  /** Why a single sign-on came back without signing in (query parameter from the API, ADR 0014). */
  readonly ssoError = input<string>();

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly demoAccounts = signal<DemoAccount[]>([]);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected readonly emailError = computed(() =>
    this.submitted() && !isEmailAddress(this.email()) ? 'signIn.emailInvalid' : null,
  );
  protected readonly passwordError = computed(() =>
    this.submitted() && !this.password() ? 'signIn.passwordMissing' : null,
  );
  protected readonly errors = computed<ErrorSummaryItem[]>(() => {
    const items: ErrorSummaryItem[] = [];
    const emailError = this.emailError();
    const passwordError = this.passwordError();
    if (emailError) items.push({ target: 'sign-in-email', key: emailError });
    if (passwordError) items.push({ target: 'sign-in-password', key: passwordError });
    const failure = this.failure();
    // Throttled: how long to wait, in plain words.
    if (failure) items.push(errorSentence(failure));
    return items;
  });

  constructor() {
    this.session.demoAccounts().then(
      (accounts) => this.demoAccounts.set(accounts),
      () => this.demoAccounts.set([]),
    );
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.failure.set(null);
    if (this.emailError() || this.passwordError()) {
      this.focusSummary();
      return;
    }
    await this.signIn(this.email().trim(), this.password());
  }

  protected signInAs(account: DemoAccount): Promise<void> {
    this.submitted.set(false);
    return this.signIn(account.email, DEMO_PASSWORD);
  }

  private async signIn(email: string, password: string): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await this.session.signIn(email, password);
      await this.router.navigateByUrl(safeNext(this.next()));
    } catch (e) {
      this.failure.set(toApiError(e));
      this.focusSummary();
    } finally {
      this.busy.set(false);
    }
  }

  private focusSummary(): void {
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
