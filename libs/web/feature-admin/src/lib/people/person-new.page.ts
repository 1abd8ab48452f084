import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { AdminCreatePersonInput, AdminLocale, AdminSchool, Role } from '@stl/web/data-access';
import { ErrorSummaryComponent, PageHeaderComponent } from '@stl/web/ui';
import { passwordProblems } from '@stl/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { NO_ERRORS, formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';
import { ROLES } from './roles';

const EMAIL = /^\S+@\S+\.\S+$/;

/** Where an API problem's field is in this form. */
function fieldIdOf(field: string): string | null {
  if (field === 'fullName') return 'person-name';
  if (field === 'email') return 'person-email';
  if (field === 'schoolId') return 'person-school';
  if (field === 'password') return 'person-password';
  if (field === 'roles') return 'role-ADMINISTRATOR';
  if (/^roles\.\d+\.schoolId$/.test(field)) return 'person-led-school';
  return null;
}

/** A new person with their roles and home school. */
@Component({
  selector: 'stl-admin-person-new-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslocoPipe, PageHeaderComponent, ErrorSummaryComponent, AdminBackLinkComponent],
  templateUrl: './person-new.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminPersonNewPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  protected readonly roles = ROLES;

  protected readonly schools = signal<AdminSchool[]>([]);
  protected readonly fullName = signal('');
  protected readonly email = signal('');
  protected readonly schoolId = signal('');
  protected readonly locale = signal<AdminLocale>('sv');
  protected readonly chosen = signal<ReadonlySet<Role>>(new Set<Role>(['TEACHER']));
  protected readonly ledSchoolId = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly leadsSchool = computed(() => this.chosen().has('SCHOOL_LEADER'));
  private readonly summary = viewChild(ErrorSummaryComponent);

  constructor() {
    firstValueFrom(this.api.schools(this.organisationId)).then(
      ({ schools }) => this.schools.set(schools.nodes),
      (e: unknown) => this.errors.set({ fields: {}, summary: [{ key: toApiError(e).messageKey }] }),
    );
  }

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected toggle(role: Role, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(role);
    else next.delete(role);
    this.chosen.set(next);
  }

  protected async submit(): Promise<void> {
    const input = this.input();
    const problems: Record<string, string> = {};
    if (!input.fullName) problems['person-name'] = 'admin.people.nameMissing';
    if (!EMAIL.test(input.email)) problems['person-email'] = 'admin.problems.email';
    if (!input.roles.length) problems['role-ADMINISTRATOR'] = 'admin.problems.roleRequired';
    if (this.leadsSchool() && !this.ledSchoolId())
      problems['person-led-school'] = 'admin.problems.SCHOOL_REQUIRED';
    // The shared password rule (ADR 0010), with the new person's own e-mail and name, as the API applies it.
    const passwordProblem = input.password
      ? passwordProblems(input.password, { email: input.email, fullName: input.fullName })[0]
      : undefined;
    if (passwordProblem) problems['person-password'] = `admin.problems.${passwordProblem}`;
    if (Object.keys(problems).length) return this.fail(formErrorsOf(problems));

    this.busy.set(true);
    try {
      const { createPerson } = await firstValueFrom(this.api.createPerson(input));
      await this.router.navigate(['/admin/people', createPerson.id], { queryParams: { created: 1 } });
    } catch (e) {
      this.fail(formErrorsFrom(toApiError(e), fieldIdOf, { CONFLICT: 'admin.problems.EMAIL_TAKEN' }));
    } finally {
      this.busy.set(false);
    }
  }

  private input(): AdminCreatePersonInput {
    return {
      organisationId: this.organisationId,
      fullName: this.fullName().trim(),
      email: this.email().trim(),
      schoolId: this.schoolId() || null,
      locale: this.locale(),
      roles: ROLES.filter((r) => this.chosen().has(r)).map((role) => ({
        role,
        schoolId: role === 'SCHOOL_LEADER' ? this.ledSchoolId() || null : null,
      })),
      password: this.password() || null,
    };
  }

  private fail(errors: FormErrors): void {
    this.errors.set(errors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
