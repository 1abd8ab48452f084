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
import { Location } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  AccountApi,
  apiResource,
  errorSentence,
  isLinkRefusal,
  toApiError,
  tokenFromFragment,
} from '@stl/web/data-access';
import type { ApiError, ErrorSentence } from '@stl/web/data-access';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@stl/shared/domain';
import {
  ErrorSummaryComponent,
  LoadDirective,
  PageHeaderComponent,
  apiProblems,
  lengthState,
  newPasswordProblems,
} from '@stl/web/ui';
import type { ErrorSummaryItem, PasswordFormProblem } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';

/** Which mailed link brought the person here (route data). */
export type SetPasswordMode = 'reset' | 'invitation';

/**
 * Choosing a password with a mailed link (ADR 0013): a new one after "Glömt lösenordet?"
 * (`/reset-password#<token>`), or the first one when accepting an invitation
 * (`/invitation#<token>`, which first greets the person by first name and names the organisation).
 * The token is read from the fragment and then taken out of the address bar. The new password is
 * checked as it is typed with the shared rule; saving signs the person in.
 */
@Component({
  selector: 'stl-set-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    LoadDirective,
  ],
  template: `
    <stl-page-header
      [heading]="(mode() === 'invitation' ? 'account.invitation.title' : 'account.reset.title') | transloco"
      [lead]="mode() === 'reset' ? ('account.reset.lead' | transloco) : ''"
    />
    @if (!token) {
      <p class="notice" role="alert" data-testid="no-token">{{ 'account.noToken' | transloco }}</p>
      <p>
        <a [routerLink]="againLink()">{{ againKey() | transloco }}</a>
      </p>
    } @else {
      @if (mode() === 'invitation') {
        <div *stlLoad="preview; let p">
          <p data-testid="invitation-greeting">
            {{
              'account.invitation.greeting'
                | transloco: { firstName: p.firstName, organisation: p.organisationName }
            }}
          </p>
          <!-- Sign in with the organisation (OIDC), when the organisation has it, goes here. -->
          <p class="muted" data-testid="sso-placeholder">
            {{ 'account.invitation.ssoPlaceholder' | transloco }}
          </p>
        </div>
        @if (preview.error()) {
          <p>
            {{ 'account.invitation.again' | transloco }}
            <a routerLink="/sign-in">{{ 'account.toSignIn' | transloco }}</a>
          </p>
        }
      }
      @if (mode() === 'reset' || preview.hasValue()) {
        <stl-error-summary [heading]="'account.summaryHeading' | transloco" [errors]="summaryItems()" />
        @if (linkRefused()) {
          <p>
            <a [routerLink]="againLink()">{{ againKey() | transloco }}</a>
          </p>
        }
        <form class="card account-form" novalidate (ngSubmit)="submit()">
          <div class="field" [class.field--invalid]="fieldErrors().length">
            <label for="new-password">{{ 'account.newPassword' | transloco }}</label>
            <p class="field__hint" id="new-password-hint">
              {{ 'password.newHint' | transloco: { min, max } }}
            </p>
            @if (fieldErrors().length) {
              <div id="new-password-error">
                @for (p of fieldErrors(); track p.key) {
                  <p class="field__error">{{ p.key | transloco: { min, max } }}</p>
                }
              </div>
            }
            <input
              id="new-password"
              name="newPassword"
              [type]="show() ? 'text' : 'password'"
              autocomplete="new-password"
              [ngModel]="password()"
              (ngModelChange)="setPassword($event)"
              (blur)="touched.set(true)"
              [attr.aria-invalid]="fieldErrors().length ? true : null"
              [attr.aria-describedby]="describedBy()"
            />
            <p class="field__hint" id="new-password-count" data-testid="new-password-count">
              {{
                (length().enough ? 'password.countEnough' : 'password.count')
                  | transloco: { length: length().length, min: length().min }
              }}
            </p>
          </div>
          <label class="show">
            <input type="checkbox" [checked]="show()" (change)="show.set($any($event.target).checked)" />
            {{ 'account.show' | transloco }}
          </label>
          <button type="submit" class="button button--primary" [disabled]="busy()">
            {{ submitKey() | transloco }}
          </button>
        </form>
      }
    }
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
export class SetPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly summary = viewChild(ErrorSummaryComponent);

  readonly mode = input<SetPasswordMode>('reset');

  /** Read once; the address bar then loses it, so it is not left in history or shown over a shoulder. */
  protected readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;
  protected readonly password = signal('');
  protected readonly show = signal(false);
  protected readonly touched = signal(false);
  protected readonly busy = signal(false);
  protected readonly problems = signal<readonly PasswordFormProblem[]>([]);
  protected readonly refusal = signal<ErrorSentence | null>(null);
  protected readonly linkRefused = signal(false);

  /** The invitation's greeting (only in invitation mode, with a token). */
  protected readonly preview = apiResource({
    params: () => (this.mode() === 'invitation' && this.token ? this.token : undefined),
    stream: (token: string) => this.api.invitation(token),
  });

  protected readonly length = computed(() => lengthState(this.password()));
  private readonly live = computed(() => newPasswordProblems(this.password(), {}));
  protected readonly fieldErrors = computed(() => {
    const fromSubmit = this.problems();
    if (fromSubmit.length) return fromSubmit;
    return this.touched() ? this.live() : [];
  });
  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() => [
    ...this.problems().map((p) => ({
      target: p.field,
      key: p.key,
      params: { min: this.min, max: this.max },
    })),
    ...(this.refusal() ? [this.refusal() as ErrorSentence] : []),
  ]);
  protected readonly submitKey = computed(() => {
    const base = this.mode() === 'invitation' ? 'account.invitation' : 'account.reset';
    return `${base}.${this.busy() ? 'saving' : 'submit'}`;
  });
  protected readonly againLink = computed(() =>
    this.mode() === 'reset' ? '/sign-in/forgot-password' : '/sign-in',
  );
  protected readonly againKey = computed(() =>
    this.mode() === 'reset' ? 'account.reset.again' : 'account.toSignIn',
  );

  constructor() {
    const location = inject(Location);
    location.replaceState(location.path(false).split('#')[0]);
  }

  protected describedBy(): string {
    return [
      'new-password-hint',
      'new-password-count',
      ...(this.fieldErrors().length ? ['new-password-error'] : []),
    ].join(' ');
  }

  protected setPassword(value: string): void {
    this.password.set(value);
    this.problems.set([]);
  }

  protected async submit(): Promise<void> {
    this.touched.set(true);
    this.refusal.set(null);
    this.linkRefused.set(false);
    const local = this.live();
    if (local.length || !this.token) return this.fail(local);
    this.busy.set(true);
    try {
      const call =
        this.mode() === 'invitation'
          ? this.api.acceptInvitation(this.token, this.password())
          : this.api.resetPassword(this.token, this.password());
      await firstValueFrom(call);
      await this.router.navigateByUrl('/');
    } catch (e) {
      this.refused(toApiError(e));
    } finally {
      this.busy.set(false);
    }
  }

  private refused(error: ApiError): void {
    const placed = apiProblems(error.code, error.problems);
    if (placed.length) return this.fail(placed);
    this.linkRefused.set(isLinkRefusal(error));
    this.refusal.set(errorSentence(error));
    this.fail([]);
  }

  private fail(problems: PasswordFormProblem[]): void {
    this.problems.set(problems);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
