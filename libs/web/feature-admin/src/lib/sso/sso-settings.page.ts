import { ChangeDetectionStrategy, Component, effect, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SsoApi, apiResource, toApiError } from '@stl/web/data-access';
import type { OrganisationSso } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, LoadDirective, PageHeaderComponent, formProblems } from '@stl/web/ui';
import { formErrorsFrom } from '@stl/web/ui/form-errors';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { formErrorsOf } from '../shared/admin-errors';
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
    ReactiveFormsModule,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    ...FIELD,
  ],
  templateUrl: './sso-settings.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminSsoPage {
  private readonly api = inject(SsoApi);
  private readonly session = inject(SessionStore);
  private readonly organisationId = this.session.viewer()?.organisation.id ?? '';

  protected readonly state = apiResource({ stream: () => this.api.settings(this.organisationId) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    issuer: '',
    clientId: '',
    /** Never filled from the API (it cannot give the secret back); emptied after each save. */
    clientSecret: '',
    domains: '',
    displayName: '',
    enabled: false,
    passwordOff: false,
  });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);

  constructor() {
    // The form shows what is stored, whenever it arrives (first load, and the answer to a save).
    effect(() => {
      if (this.state.hasValue()) this.fill(this.state.value());
    });
  }

  protected async submit(): Promise<void> {
    this.saved.set(false);
    const v = this.form.getRawValue();
    const problems = ssoFormProblems(v);
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.save({
          organisationId: this.organisationId,
          issuer: v.issuer.trim(),
          clientId: v.clientId.trim(),
          clientSecret: v.clientSecret ? v.clientSecret : null,
          allowedDomains: parseDomains(v.domains),
          displayName: v.displayName.trim(),
          enabled: v.enabled,
          passwordSignInDisabled: v.passwordOff,
        }),
      );
      this.state.set(saved);
      this.problems.clear();
      this.saved.set(true);
    } catch (e) {
      this.problems.fail(
        formErrorsFrom(toApiError(e), (field) => SSO_FIELD_IDS[field] ?? null, ssoProblemKey),
      );
    } finally {
      this.busy.set(false);
    }
  }

  private fill(sso: OrganisationSso): void {
    this.form.reset({
      issuer: sso.issuer ?? '',
      clientId: sso.clientId ?? '',
      clientSecret: '',
      domains: sso.allowedDomains.join('\n'),
      displayName: sso.displayName ?? this.session.viewer()?.organisation.name ?? '',
      enabled: sso.enabled,
      passwordOff: sso.passwordSignInDisabled,
    });
  }
}
