import { stockholmDate } from '@stl/shared/domain';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminLocale, AdminPerson, AdminPersonDetail, AdminSchool, Role } from '@stl/web/data-access';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom, map } from 'rxjs';
import type { Observable } from 'rxjs';
import { standingOf } from '../certifications/certification-standing';
import { NO_ERRORS, formErrorsFrom, formErrorsOf, messageKeyOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { ROLES, roleLabelsOf } from './roles';

const DETAIL_FIELDS: Record<string, string> = {
  fullName: 'edit-name',
  schoolId: 'edit-school',
  locale: 'edit-locale',
  active: 'edit-active',
};

/** One person: their details and account, their roles (grant, revoke) and certifications. */
@Component({
  selector: 'stl-admin-person-page',
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
  templateUrl: './person.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminPersonPage {
  private readonly api = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).lang;
  private readonly organisationId = this.session.viewer()?.organisation?.id ?? '';
  protected readonly roleChoices = ROLES;
  protected readonly today = stockholmDate(new Date());

  /** Route parameter. */
  readonly personId = input.required<string>();
  /** Query parameter: set when the person was just added. */
  readonly created = input<string>();

  protected readonly loaded = apiResource({
    params: this.personId,
    stream: (id) => this.api.person(id).pipe(map((r) => r.person)),
  });
  private readonly loadedPerson = computed(() => (this.loaded.hasValue() ? this.loaded.value() : null));
  /** As loaded, then as saved here. */
  protected readonly person = linkedSignal<AdminPersonDetail | null>(() => this.loadedPerson());
  protected readonly schools = signal<AdminSchool[]>([]);
  protected readonly inviting = signal(false);
  protected readonly inviteNotice = signal<{ key: string } | null>(null);
  private readonly schoolNames = computed(() => new Map(this.schools().map((s) => [s.id, s.name])));
  protected readonly isMe = computed(() => this.person()?.id === this.session.viewer()?.person.id);

  // Details form.
  // Each starts as loaded; then it is the form's.
  protected readonly fullName = linkedSignal(() => this.loadedPerson()?.fullName ?? '');
  protected readonly schoolId = linkedSignal(() => this.loadedPerson()?.schoolId ?? '');
  protected readonly locale = linkedSignal<AdminLocale>(() => this.loadedPerson()?.locale ?? 'sv');
  protected readonly active = linkedSignal(() => this.loadedPerson()?.active ?? true);
  protected readonly detailsBusy = signal(false);
  protected readonly detailsErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly detailsSaved = signal(false);
  private readonly detailsSummary = viewChild<ErrorSummaryComponent>('detailsSummary');

  // Protected identity (ADR 0031).
  protected readonly protectedBusy = signal(false);
  protected readonly protectedNotice = signal<string | null>(null);

  // Roles.
  protected readonly grantRole = signal<Role | ''>('');
  protected readonly grantSchoolId = signal('');
  protected readonly rolesBusy = signal(false);
  protected readonly rolesErrors = signal<FormErrors>(NO_ERRORS);
  protected readonly rolesNotice = signal<{ key: string; params: Record<string, string> } | null>(null);
  private readonly rolesSummary = viewChild<ErrorSummaryComponent>('rolesSummary');

  protected readonly roleLabels = computed(() => {
    const p = this.person();
    if (!p) return [];
    const labels = roleLabelsOf(p.roles, this.schoolNames());
    return p.roles.map((grant, i) => ({ grant, label: labels[i] }));
  });
  protected readonly certifications = computed(() =>
    (this.person()?.certifications ?? []).map((c) => ({ cert: c, standing: standingOf(c, this.today) })),
  );

  constructor() {
    firstValueFrom(this.api.schools(this.organisationId)).then(
      ({ schools }) => this.schools.set(schools.nodes),
      () => this.schools.set([]),
    );
  }

  protected detailsError(id: string): string | null {
    return this.detailsErrors().fields[id] ?? null;
  }

  protected rolesError(id: string): string | null {
    return this.rolesErrors().fields[id] ?? null;
  }

  protected async saveDetails(): Promise<void> {
    const p = this.person();
    if (!p) return;
    this.detailsSaved.set(false);
    const fullName = this.fullName().trim();
    if (!fullName) return this.failDetails(formErrorsOf({ 'edit-name': 'admin.people.nameMissing' }));
    this.detailsBusy.set(true);
    try {
      const { updatePerson } = await firstValueFrom(
        this.api.updatePerson(p.id, {
          fullName,
          schoolId: this.schoolId() || null,
          locale: this.locale(),
          ...(this.isMe() ? {} : { active: this.active() }),
        }),
      );
      this.merge(updatePerson);
      this.detailsErrors.set(NO_ERRORS);
      this.detailsSaved.set(true);
    } catch (e) {
      this.failDetails(formErrorsFrom(toApiError(e), (f) => DETAIL_FIELDS[f] ?? null));
    } finally {
      this.detailsBusy.set(false);
    }
  }

  protected async grant(): Promise<void> {
    const p = this.person();
    const role = this.grantRole();
    this.rolesNotice.set(null);
    if (!p) return;
    const problems: Record<string, string> = {};
    if (!role) problems['grant-role'] = 'admin.people.chooseRole';
    if (role === 'SCHOOL_LEADER' && !this.grantSchoolId())
      problems['grant-school'] = 'admin.problems.SCHOOL_REQUIRED';
    if (Object.keys(problems).length) return this.failRoles(formErrorsOf(problems));
    const schoolId = role === 'SCHOOL_LEADER' ? this.grantSchoolId() : null;
    const done = await this.changeRole(
      this.api.grantRole(p.id, role as Role, schoolId).pipe(map((r) => r.grantRole)),
      { key: 'admin.people.granted', role: role as Role, schoolId },
    );
    if (!done) return;
    this.grantRole.set('');
    this.grantSchoolId.set('');
  }

  protected async revoke(role: Role, schoolId: string | null): Promise<void> {
    const p = this.person();
    this.rolesNotice.set(null);
    if (!p) return;
    await this.changeRole(this.api.revokeRole(p.id, role, schoolId).pipe(map((r) => r.revokeRole)), {
      key: 'admin.people.revoked',
      role,
      schoolId,
    });
  }

  /** True when the change went through; on a refusal the form keeps what was chosen. */
  private async changeRole(
    call: Observable<AdminPerson>,
    notice: { key: string; role: Role; schoolId: string | null },
  ): Promise<boolean> {
    this.rolesBusy.set(true);
    try {
      this.merge(await firstValueFrom(call));
      this.rolesErrors.set(NO_ERRORS);
      const label = roleLabelsOf([{ role: notice.role, schoolId: notice.schoolId }], this.schoolNames())[0];
      this.rolesNotice.set({
        key: notice.key,
        params: { roleKey: label.key, school: label.params.school ?? '' },
      });
      return true;
    } catch (e) {
      const error = toApiError(e);
      const ownAdmin = this.isMe() && notice.role === 'ADMINISTRATOR' && error.code === 'FORBIDDEN';
      this.failRoles(
        formErrorsFrom(error, (f) => (f === 'schoolId' ? 'grant-school' : null), {
          FORBIDDEN: ownAdmin ? 'admin.people.ownAdminRole' : messageKeyOf(error),
        }),
      );
      return false;
    } finally {
      this.rolesBusy.set(false);
    }
  }

  /** Marks the person as having a protected identity, or clears the mark (ADR 0031). */
  protected async setProtected(person: AdminPerson, on: boolean): Promise<void> {
    this.protectedBusy.set(true);
    this.protectedNotice.set(null);
    try {
      const { setProtectedIdentity } = await firstValueFrom(this.api.setProtectedIdentity(person.id, on));
      this.merge(setProtectedIdentity);
      this.protectedNotice.set(on ? 'admin.people.protected.marked' : 'admin.people.protected.unmarked');
    } catch (e) {
      this.protectedNotice.set(toApiError(e).messageKey);
    } finally {
      this.protectedBusy.set(false);
    }
  }

  /** Invites the person, or sends a new link (the old one stops working; ADR 0013). */
  protected async invite(person: AdminPerson): Promise<void> {
    this.inviting.set(true);
    this.inviteNotice.set(null);
    try {
      this.merge(await firstValueFrom(this.api.invite(person.id, !!person.invitation)));
      this.inviteNotice.set({ key: 'admin.people.invited' });
    } catch (e) {
      this.inviteNotice.set({ key: toApiError(e).messageKey });
    } finally {
      this.inviting.set(false);
    }
  }

  private merge(person: AdminPerson): void {
    const current = this.person();
    if (current) this.person.set({ ...current, ...person });
  }

  private failDetails(errors: FormErrors): void {
    this.detailsErrors.set(errors);
    afterNextRender(() => this.detailsSummary()?.focus(), { injector: this.injector });
  }

  private failRoles(errors: FormErrors): void {
    this.rolesErrors.set(errors);
    afterNextRender(() => this.rolesSummary()?.focus(), { injector: this.injector });
  }
}
