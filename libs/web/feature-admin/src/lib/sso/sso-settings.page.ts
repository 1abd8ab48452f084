import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SsoApi, apiResource, toApiError } from '@stl/web/data-access';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { NO_ERRORS, formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';
import { SSO_FIELD_IDS, parseDomains, ssoFormProblems, ssoProblemKey } from './sso-form';

/**
 * The organisation's single sign-on (ADR 0014, docs/sso.md): the provider's issuer, the client id
 * and secret (the secret is only ever written, never shown), the allowed e-mail domains, the
 * button's name, on/off, and password sign-in off for the staff.
 */
@Component({
  selector: 'stl-admin-sso-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
  ],
  templateUrl: './sso-settings.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminSsoPage {
  private readonly api = inject(SsoApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly organisationId = this.session.viewer()?.organisation.id ?? '';

  protected readonly state = apiResource({ stream: () => this.api.settings(this.organisationId) });
  private readonly current = () => (this.state.hasValue() ? this.state.value() : undefined);

  protected readonly issuer = linkedSignal(() => this.current()?.issuer ?? '');
  protected readonly clientId = linkedSignal(() => this.current()?.clientId ?? '');
  /** Never filled from the API (it has no way to give the secret back); emptied after each save. */
  protected readonly clientSecret = linkedSignal(() => (this.current(), ''));
  protected readonly domains = linkedSignal(() => (this.current()?.allowedDomains ?? []).join('\n'));
  protected readonly displayName = linkedSignal(
    () => this.current()?.displayName ?? this.session.viewer()?.organisation.name ?? '',
  );
  protected readonly enabled = linkedSignal(() => this.current()?.enabled ?? false);
  protected readonly passwordOff = linkedSignal(() => this.current()?.passwordSignInDisabled ?? false);

  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected describedBy(id: string, hint = true): string | null {
    const ids = [hint ? `${id}-hint` : null, this.fieldError(id) ? `${id}-error` : null].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  protected async submit(): Promise<void> {
    this.saved.set(false);
    const problems = ssoFormProblems({
      issuer: this.issuer(),
      clientId: this.clientId(),
      displayName: this.displayName(),
    });
    if (Object.keys(problems).length) return this.fail(formErrorsOf(problems));
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.save({
          organisationId: this.organisationId,
          issuer: this.issuer().trim(),
          clientId: this.clientId().trim(),
          clientSecret: this.clientSecret() ? this.clientSecret() : null,
          allowedDomains: parseDomains(this.domains()),
          displayName: this.displayName().trim(),
          enabled: this.enabled(),
          passwordSignInDisabled: this.enabled() && this.passwordOff(),
        }),
      );
      this.state.set(saved);
      this.errors.set(NO_ERRORS);
      this.saved.set(true);
    } catch (e) {
      this.fail(formErrorsFrom(toApiError(e), (field) => SSO_FIELD_IDS[field] ?? null, {}, ssoProblemKey));
    } finally {
      this.busy.set(false);
    }
  }

  private fail(errors: FormErrors): void {
    this.errors.set(errors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
