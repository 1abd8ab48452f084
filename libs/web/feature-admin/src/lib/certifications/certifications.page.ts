import { stockholmDate } from '@stl/shared/domain';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  linkedSignal,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminCertification, AdminLeader, AdminPerson } from '@stl/web/data-access';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { defer, firstValueFrom, map } from 'rxjs';
import { NO_ERRORS, formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';
import { allPages } from '../shared/all-pages';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { LEADER_TONES, byAttention, leaderStandingOf, standingOf } from './certification-standing';
import type { LeaderStanding, Standing } from './certification-standing';

const DEFAULT_ISSUER = 'STL-utbildarnätverket';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELD_IDS: Record<string, string> = {
  personId: 'cert-person',
  issuedOn: 'cert-issued',
  validUntil: 'cert-valid-until',
  issuer: 'cert-issuer',
  reference: 'cert-reference',
};

interface LeaderRow {
  id: string;
  fullName: string;
  email: string | null;
  schoolName: string | null;
  active: boolean;
  standing: LeaderStanding;
  /** The certificate whose dates explain the standing (the latest one), if any. */
  latest: { cert: AdminCertification; standing: Standing } | null;
  certifications: { cert: AdminCertification; standing: Standing }[];
}

/** Course leaders and their STL certifications: add, correct, revoke; expiry warnings in words. */
@Component({
  selector: 'stl-admin-certifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    ...FORMAT_PIPES,
  ],
  templateUrl: './certifications.page.html',
  styleUrls: ['../shared/admin.css', './certifications.page.css'],
})
export class AdminCertificationsPage {
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  protected readonly lang = inject(LanguageService).lang;
  protected readonly today = stockholmDate(new Date());
  protected readonly leaderTones = LEADER_TONES;

  /** Query parameter: the person to certify (from a person's page). */
  readonly person = input<string>();

  protected readonly leadersResource = apiResource({
    stream: () =>
      defer(() =>
        allPages((after) => this.api.certifications(this.organisationId, after).pipe(map((r) => r.people))),
      ),
  });
  private readonly leaders = computed<AdminLeader[] | null>(() =>
    this.leadersResource.hasValue() ? this.leadersResource.value() : null,
  );
  /** Anyone active may be certified: certifying makes them a course leader. None if they cannot be listed. */
  private readonly peopleResource = apiResource({
    stream: () =>
      defer(() =>
        allPages((after) =>
          this.api.people(this.organisationId, { active: true }, 100, after).pipe(map((r) => r.people)),
        ),
      ),
  });
  protected readonly people = computed<AdminPerson[]>(() =>
    this.peopleResource.hasValue() ? this.peopleResource.value() : [],
  );

  protected readonly rows = computed<LeaderRow[] | null>(() => {
    const leaders = this.leaders();
    if (!leaders) return null;
    return leaders
      .map((l) => {
        const certs = (l.certifications ?? []).map((cert) => ({
          cert,
          standing: standingOf(cert, this.today),
        }));
        const live = certs.filter((c) => c.cert.status !== 'REVOKED');
        const latest =
          [...live].sort((a, b) => b.cert.validUntil.localeCompare(a.cert.validUntil))[0] ?? null;
        return {
          id: l.id,
          fullName: l.fullName,
          email: l.email,
          schoolName: l.school?.name ?? null,
          active: l.active,
          standing: leaderStandingOf(l.certifications ?? []),
          latest,
          certifications: certs,
        };
      })
      .sort(byAttention);
  });
  protected readonly attention = computed(() =>
    (this.rows() ?? []).filter(
      (r) => r.standing === 'EXPIRED' || r.standing === 'EXPIRING_SOON' || r.standing === 'NONE',
    ),
  );

  // The add / correct form.
  protected readonly editing = signal<{ cert: AdminCertification; personName: string } | null>(null);
  /** Starts as the person the page was opened for, until someone else is chosen. */
  protected readonly personId = linkedSignal(() => this.person() ?? '');
  protected readonly issuedOn = signal('');
  protected readonly validUntil = signal('');
  protected readonly issuer = signal(DEFAULT_ISSUER);
  protected readonly reference = signal('');
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly notice = signal<{ key: string; name: string } | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);

  // Revoking asks first.
  protected readonly confirming = signal<string | null>(null);
  protected readonly revokeError = signal<{ certId: string; key: string } | null>(null);

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected correct(row: LeaderRow, cert: AdminCertification): void {
    this.editing.set({ cert, personName: row.fullName });
    this.issuedOn.set(cert.issuedOn);
    this.validUntil.set(cert.validUntil);
    this.issuer.set(cert.issuer);
    this.reference.set(cert.reference ?? '');
    this.errors.set(NO_ERRORS);
    this.notice.set(null);
    this.focus('cert-form-heading');
  }

  protected certify(row: LeaderRow): void {
    this.cancel();
    this.personId.set(row.id);
    this.focus('cert-form-heading');
  }

  protected cancel(): void {
    this.editing.set(null);
    this.personId.set('');
    this.issuedOn.set('');
    this.validUntil.set('');
    this.issuer.set(DEFAULT_ISSUER);
    this.reference.set('');
    this.errors.set(NO_ERRORS);
  }

  protected async submit(): Promise<void> {
    this.notice.set(null);
    const editing = this.editing();
    const issuedOn = this.issuedOn().trim();
    const validUntil = this.validUntil().trim();
    const issuer = this.issuer().trim();
    const reference = this.reference().trim();
    const problems: Record<string, string> = {};
    if (!editing && !this.personId()) problems['cert-person'] = 'admin.certifications.choosePerson';
    if (!ISO_DATE.test(issuedOn)) problems['cert-issued'] = 'admin.problems.date';
    if (!ISO_DATE.test(validUntil)) problems['cert-valid-until'] = 'admin.problems.date';
    else if (ISO_DATE.test(issuedOn) && validUntil < issuedOn)
      problems['cert-valid-until'] = 'admin.problems.BEFORE_ISSUED_ON';
    if (!issuer) problems['cert-issuer'] = 'admin.problems.required';
    if (Object.keys(problems).length) return this.fail(formErrorsOf(problems));

    this.busy.set(true);
    try {
      if (editing) {
        await firstValueFrom(
          this.api.updateCertification(editing.cert.id, {
            issuedOn,
            validUntil,
            issuer,
            reference: reference || null,
          }),
        );
        this.notice.set({ key: 'admin.certifications.corrected', name: editing.personName });
      } else {
        const personId = this.personId();
        await firstValueFrom(
          this.api.addCertification({ personId, issuedOn, validUntil, issuer, reference: reference || null }),
        );
        const name = this.people().find((p) => p.id === personId)?.fullName ?? '';
        this.notice.set({ key: 'admin.certifications.added', name });
      }
      this.cancel();
      this.leadersResource.reload();
    } catch (e) {
      this.fail(formErrorsFrom(toApiError(e), (f) => FIELD_IDS[f] ?? null));
    } finally {
      this.busy.set(false);
    }
  }

  protected askRevoke(certId: string): void {
    this.confirming.set(certId);
    this.revokeError.set(null);
    this.focus(`confirm-revoke-${certId}`);
  }

  protected keep(certId: string): void {
    this.confirming.set(null);
    this.focus(`revoke-${certId}`);
  }

  protected async revoke(row: LeaderRow, certId: string): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.revokeCertification(certId));
      this.confirming.set(null);
      this.notice.set({ key: 'admin.certifications.revoked', name: row.fullName });
      this.leadersResource.reload();
      this.focus('cert-notice');
    } catch (e) {
      this.revokeError.set({ certId, key: toApiError(e).messageKey });
    } finally {
      this.busy.set(false);
    }
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  private fail(errors: FormErrors): void {
    this.errors.set(errors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
