import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { AdminCreatePersonInput, AdminLocale, AdminSchool, Role } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, PageHeaderComponent, formProblems, isEmailAddress } from '@stl/web/ui';
import { passwordProblems } from '@stl/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import { ROLES } from './roles';

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
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    PageHeaderComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    ...FIELD,
  ],
  templateUrl: './person-new.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminPersonNewPage {
  private readonly api = inject(AdminApi);
  private readonly router = inject(Router);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  protected readonly roles = ROLES;

  protected readonly schools = signal<AdminSchool[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: '',
    email: '',
    schoolId: '',
    locale: 'sv' as AdminLocale,
    ledSchoolId: '',
    password: '',
  });
  protected readonly chosen = signal<ReadonlySet<Role>>(new Set<Role>(['TEACHER']));
  protected readonly busy = signal(false);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);
  protected readonly leadsSchool = computed(() => this.chosen().has('SCHOOL_LEADER'));

  constructor() {
    firstValueFrom(this.api.schools(this.organisationId)).then(
      ({ schools }) => this.schools.set(schools.nodes),
      (e: unknown) => this.problems.fail({ fields: {}, summary: [{ key: toApiError(e).messageKey }] }),
    );
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
    if (!isEmailAddress(input.email)) problems['person-email'] = 'admin.problems.email';
    if (!input.roles.length) problems['role-ADMINISTRATOR'] = 'admin.problems.roleRequired';
    if (this.leadsSchool() && !this.form.controls.ledSchoolId.value)
      problems['person-led-school'] = 'admin.problems.SCHOOL_REQUIRED';
    // The shared password rule (ADR 0010), with the new person's own e-mail and name, as the API applies it.
    const passwordProblem = input.password
      ? passwordProblems(input.password, { email: input.email, fullName: input.fullName })[0]
      : undefined;
    if (passwordProblem) problems['person-password'] = `admin.problems.${passwordProblem}`;
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));

    this.busy.set(true);
    try {
      const { createPerson } = await firstValueFrom(this.api.createPerson(input));
      await this.router.navigate(['/admin/people', createPerson.id], { queryParams: { created: 1 } });
    } catch (e) {
      this.problems.fail(
        formErrorsFrom(toApiError(e), fieldIdOf, { CONFLICT: 'admin.problems.EMAIL_TAKEN' }),
      );
    } finally {
      this.busy.set(false);
    }
  }

  private input(): AdminCreatePersonInput {
    const v = this.form.getRawValue();
    return {
      organisationId: this.organisationId,
      fullName: v.fullName.trim(),
      email: v.email.trim(),
      schoolId: v.schoolId || null,
      locale: v.locale,
      roles: ROLES.filter((r) => this.chosen().has(r)).map((role) => ({
        role,
        schoolId: role === 'SCHOOL_LEADER' ? v.ledSchoolId || null : null,
      })),
      password: v.password || null,
    };
  }
}
