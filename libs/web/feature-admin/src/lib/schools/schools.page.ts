import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminSchool } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, LoadDirective, PageHeaderComponent, formProblems } from '@stl/web/ui';
import { defer, firstValueFrom, map } from 'rxjs';
import { allPages } from '../shared/all-pages';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { formErrorsFrom, formErrorsOf } from '../shared/admin-errors';

const UNIT_CODE = /^\d{8}$/;
const FIELD_IDS: Record<string, string> = { name: 'school-name', unitCode: 'school-unit-code' };

/** The organisation's school units: list, add, rename, set the unit code (skolenhetskod). */
@Component({
  selector: 'stl-admin-schools-page',
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
  templateUrl: './schools.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminSchoolsPage {
  private readonly api = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = this.session.viewer()?.organisation.id ?? '';

  protected readonly schools = apiResource({
    stream: () =>
      defer(() =>
        allPages((after) => this.api.schools(this.organisationId, after).pipe(map((r) => r.schools))),
      ),
  });
  protected readonly count = computed(() => (this.schools.hasValue() ? this.schools.value().length : 0));

  /** The school being changed, or null when the form adds a new one. */
  protected readonly editing = signal<AdminSchool | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ name: '', unitCode: '' });
  protected readonly busy = signal(false);
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);
  protected readonly saved = signal<{ key: string; name: string } | null>(null);

  protected edit(school: AdminSchool): void {
    this.editing.set(school);
    this.form.setValue({ name: school.name, unitCode: school.unitCode ?? '' });
    this.problems.clear();
    this.saved.set(null);
    afterNextRender(() => this.document.getElementById('school-form-heading')?.focus(), {
      injector: this.injector,
    });
  }

  protected cancel(): void {
    const school = this.editing();
    this.reset();
    if (school)
      afterNextRender(() => this.document.getElementById(`edit-${school.id}`)?.focus(), {
        injector: this.injector,
      });
  }

  protected async submit(): Promise<void> {
    this.saved.set(null);
    const name = this.form.controls.name.value.trim();
    const unitCode = this.form.controls.unitCode.value.trim();
    const problems: Record<string, string> = {};
    if (!name) problems[FIELD_IDS['name']] = 'admin.schools.nameMissing';
    if (unitCode && !UNIT_CODE.test(unitCode)) problems[FIELD_IDS['unitCode']] = 'admin.problems.unitCode';
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));

    const editing = this.editing();
    this.busy.set(true);
    try {
      if (editing) {
        const { updateSchool } = await firstValueFrom(
          this.api.updateSchool(editing.id, { name, unitCode: unitCode || null }),
        );
        this.saved.set({ key: 'admin.schools.updated', name: updateSchool.name });
      } else {
        const { createSchool } = await firstValueFrom(
          this.api.createSchool({ organisationId: this.organisationId, name, unitCode: unitCode || null }),
        );
        this.saved.set({ key: 'admin.schools.created', name: createSchool.name });
      }
      this.reset(false);
      this.schools.reload();
    } catch (e) {
      this.problems.fail(formErrorsFrom(toApiError(e), (field) => FIELD_IDS[field] ?? null));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(clearNotice = true): void {
    this.editing.set(null);
    this.form.reset();
    this.problems.clear();
    if (clearNotice) this.saved.set(null);
  }
}
