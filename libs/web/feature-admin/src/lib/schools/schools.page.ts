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
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { AdminSchool } from '@stl/web/data-access';
import { ErrorSummaryComponent, PageHeaderComponent } from '@stl/web/ui';
import { firstValueFrom, map } from 'rxjs';
import { allPages } from '../shared/all-pages';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { NO_ERRORS, formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';

const UNIT_CODE = /^\d{8}$/;
const FIELD_IDS: Record<string, string> = { name: 'school-name', unitCode: 'school-unit-code' };

/** The organisation's school units: list, add, rename, set the unit code (skolenhetskod). */
@Component({
  selector: 'stl-admin-schools-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslocoPipe, PageHeaderComponent, ErrorSummaryComponent, AdminBackLinkComponent],
  templateUrl: './schools.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminSchoolsPage {
  private readonly api = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = this.session.viewer()?.organisation?.id ?? '';

  protected readonly schools = signal<AdminSchool[] | null>(null);
  protected readonly loadError = signal<string | null>(null);

  /** The school being changed, or null when the form adds a new one. */
  protected readonly editing = signal<AdminSchool | null>(null);
  protected readonly name = signal('');
  protected readonly unitCode = signal('');
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly saved = signal<{ key: string; name: string } | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);

  protected readonly count = computed(() => this.schools()?.length ?? 0);

  constructor() {
    void this.load();
  }

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected edit(school: AdminSchool): void {
    this.editing.set(school);
    this.name.set(school.name);
    this.unitCode.set(school.unitCode ?? '');
    this.errors.set(NO_ERRORS);
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
    const name = this.name().trim();
    const unitCode = this.unitCode().trim();
    const problems: Record<string, string> = {};
    if (!name) problems[FIELD_IDS['name']] = 'admin.schools.nameMissing';
    if (unitCode && !UNIT_CODE.test(unitCode)) problems[FIELD_IDS['unitCode']] = 'admin.problems.unitCode';
    if (Object.keys(problems).length) return this.fail(formErrorsOf(problems));

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
      await this.load();
    } catch (e) {
      this.fail(formErrorsFrom(toApiError(e), (field) => FIELD_IDS[field] ?? null));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(clearNotice = true): void {
    this.editing.set(null);
    this.name.set('');
    this.unitCode.set('');
    this.errors.set(NO_ERRORS);
    if (clearNotice) this.saved.set(null);
  }

  private fail(errors: FormErrors): void {
    this.errors.set(errors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }

  private async load(): Promise<void> {
    try {
      this.schools.set(
        await allPages((after) => this.api.schools(this.organisationId, after).pipe(map((r) => r.schools))),
      );
      this.loadError.set(null);
    } catch (e) {
      this.loadError.set(toApiError(e).messageKey);
    }
  }
}
