import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  effect,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { FormGroup, FormControl } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore, SupportApi, apiResource, toApiError } from '@stl/web/data-access';
import type { SchoolHolidays } from '@stl/web/data-access';
import { ErrorSummaryComponent, FIELD, LoadDirective, PageHeaderComponent, formProblems } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import {
  HOLIDAY_FIELDS,
  holidayFieldId,
  holidayFormErrors,
  holidayRowProblems,
  localRefusal,
  schoolYearChoices,
} from './holiday-rows';
import type { HolidayField, HolidayRow } from './holiday-rows';

type RowGroup = FormGroup<{ [F in HolidayField]: FormControl<string> }>;

/**
 * The organisation's school holidays (lovdagar) per school year, which suggested meeting dates
 * avoid (issue 19): the built-in list until the administrators set their own. The whole year's list
 * is saved at once, in one transaction; each refused row is marked beside its fields.
 */
@Component({
  selector: 'stl-admin-holidays-page',
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
  template: `
    <stl-page-header
      [heading]="'admin.holidays.title' | transloco"
      [lead]="'admin.holidays.lead' | transloco"
    >
      <stl-admin-back-link stlBeforeHeading />
    </stl-page-header>

    <section class="card section">
      <stl-field
        fieldId="holidays-year"
        [label]="'admin.holidays.schoolYear' | transloco"
        [hint]="'admin.holidays.schoolYearHint' | transloco"
      >
        <select stlControl [formControl]="yearControl" (change)="problems.clear()">
          @for (y of years; track y) {
            <option [value]="y">{{ y }}</option>
          }
        </select>
      </stl-field>
    </section>

    @if (notice(); as n) {
      <p class="notice notice--success" role="status" data-testid="saved">
        {{ n | transloco: { year: year() } }}
      </p>
    }

    <section class="card section" *stlLoad="state; let h">
      <h2 id="holidays-list-heading">
        {{ 'admin.holidays.listHeading' | transloco: { year: h.schoolYear } }}
      </h2>
      <p data-testid="holidays-source">
        {{
          (h.isDefault ? 'admin.holidays.usingDefaults' : 'admin.holidays.ownList')
            | transloco: { year: h.schoolYear }
        }}
      </p>
      @if (!h.isDefault) {
        <div class="actions">
          @if (confirmingReset()) {
            <p id="holidays-reset-lead">
              {{ 'admin.holidays.resetLead' | transloco: { year: h.schoolYear } }}
            </p>
            <button
              type="button"
              class="button button--danger"
              aria-describedby="holidays-reset-lead"
              [disabled]="busy()"
              (click)="resetToDefaults()"
            >
              {{ 'admin.holidays.confirmReset' | transloco }}
            </button>
            <button type="button" class="button" (click)="confirmingReset.set(false)">
              {{ 'admin.cancel' | transloco }}
            </button>
          } @else {
            <button type="button" class="button" (click)="confirmingReset.set(true)">
              {{ 'admin.holidays.reset' | transloco }}
            </button>
          }
        </div>
      }

      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <stl-error-summary [heading]="'form.fixThese' | transloco" [errors]="problems.summary()" />

        <ol class="holidays" formArrayName="holidays" aria-labelledby="holidays-list-heading">
          @for (row of rows(); track row; let i = $index) {
            <li data-testid="holiday-row">
              <fieldset [formGroupName]="i">
                <legend>{{ 'admin.holidays.rowLegend' | transloco: { number: i + 1 } }}</legend>
                <div class="form-row">
                  @for (f of fields; track f) {
                    <stl-field
                      [fieldId]="idOf(row, f)"
                      [label]="'admin.holidays.' + f | transloco"
                      [error]="problems.of(idOf(row, f))"
                      [errorParams]="{ number: i + 1, year: h.schoolYear }"
                      [required]="true"
                    >
                      @if (f === 'name') {
                        <input stlControl [formControlName]="f" type="text" maxlength="60" />
                      } @else {
                        <input stlControl [formControlName]="f" type="date" />
                      }
                    </stl-field>
                  }
                </div>
                <div class="actions">
                  <button type="button" class="button" (click)="remove(i)">
                    {{ 'admin.holidays.remove' | transloco: { number: i + 1 } }}
                  </button>
                </div>
              </fieldset>
            </li>
          }
        </ol>
        @if (!rows().length) {
          <p data-testid="holidays-empty">{{ 'admin.holidays.empty' | transloco }}</p>
        }

        <div class="actions">
          <button type="button" class="button" (click)="add()">
            {{ 'admin.holidays.add' | transloco }}
          </button>
          <button type="submit" class="button button--primary" [disabled]="busy()">
            {{ 'admin.holidays.save' | transloco: { year: h.schoolYear } }}
          </button>
        </div>
        <p class="field__hint">{{ 'admin.holidays.saveHint' | transloco }}</p>
      </form>
    </section>
  `,
  styleUrls: ['../shared/admin.css'],
  styles: `
    .holidays {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75rem;
    }
    fieldset .actions {
      margin-block-start: 0.75rem;
    }
    input[type='text'] {
      width: 100%;
    }
  `,
})
export class AdminHolidaysPage {
  private readonly api = inject(SupportApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';

  protected readonly years = schoolYearChoices(new Date());
  protected readonly fields = HOLIDAY_FIELDS;
  protected readonly yearControl = this.fb.control(this.years[0]);
  protected readonly year = toSignal(this.yearControl.valueChanges, { initialValue: this.years[0] });
  protected readonly state = apiResource({
    params: () => this.year(),
    stream: (schoolYear) => this.api.holidays(this.organisationId, schoolYear),
  });

  protected readonly form = this.fb.group({ holidays: this.fb.array<RowGroup>([]) });
  /** The rows as drawn: the form array's controls, as a signal the template follows. */
  protected readonly rows = signal<readonly RowGroup[]>([]);
  /** Each row's key, for field ids that stay put while rows are added and removed. */
  private readonly keys = new WeakMap<RowGroup, number>();
  private nextKey = 0;

  protected readonly busy = signal(false);
  /** Asking before the year's own list goes; not carried to another year. */
  protected readonly confirmingReset = linkedSignal({ source: this.year, computation: () => false });
  /** Translation key of what was just done to this year's list (saved, or back to the defaults). */
  protected readonly notice = linkedSignal<string, string | null>({
    source: this.year,
    computation: () => null,
  });
  private readonly summaryBox = viewChild(ErrorSummaryComponent);
  protected readonly problems = formProblems(this.summaryBox);

  constructor() {
    // Resetting a reactive form from what was loaded (ADR 0017).
    effect(() => {
      if (this.state.hasValue()) this.fill(this.state.value());
    });
  }

  protected idOf(row: RowGroup, field: HolidayField): string {
    return holidayFieldId(this.keys.get(row) ?? -1, field);
  }

  protected add(): void {
    const row = this.rowOf({ name: '', startsOn: '', endsOn: '' });
    this.form.controls.holidays.push(row);
    this.sync();
    afterNextRender(() => this.document.getElementById(this.idOf(row, 'name'))?.focus(), {
      injector: this.injector,
    });
  }

  protected remove(index: number): void {
    this.form.controls.holidays.removeAt(index);
    this.sync();
    // The problems named rows by their place in the list, which has changed.
    this.problems.clear();
  }

  protected async submit(): Promise<void> {
    this.notice.set(null);
    const schoolYear = this.year();
    const holidays: HolidayRow[] = this.form.getRawValue().holidays.map((h) => ({
      name: h.name.trim(),
      startsOn: h.startsOn,
      endsOn: h.endsOn,
    }));
    const keys = this.rows().map((row) => this.keys.get(row) ?? -1);
    const local = holidayRowProblems(schoolYear, holidays);
    if (local.length) return this.problems.fail(holidayFormErrors(localRefusal(local), keys, schoolYear));
    await this.save(holidays, 'admin.holidays.saved', keys);
  }

  protected async resetToDefaults(): Promise<void> {
    this.notice.set(null);
    await this.save([], 'admin.holidays.resetDone', []);
  }

  /** One mutation for the whole year's list: every row is saved, or (refused) none. */
  private async save(holidays: HolidayRow[], notice: string, keys: readonly number[]): Promise<void> {
    const schoolYear = this.year();
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.saveHolidays({ organisationId: this.organisationId, schoolYear, holidays }),
      );
      this.state.set(saved);
      this.problems.clear();
      this.confirmingReset.set(false);
      this.notice.set(notice);
    } catch (e) {
      this.problems.fail(holidayFormErrors(toApiError(e), keys, schoolYear));
    } finally {
      this.busy.set(false);
    }
  }

  private fill(h: SchoolHolidays): void {
    // The rows already drawn take the new values in place, so their fields (and focus) stay.
    const array = this.form.controls.holidays;
    while (array.length > h.holidays.length) array.removeAt(array.length - 1);
    h.holidays.forEach(({ name, startsOn, endsOn }, i) => {
      const row = array.at(i);
      if (row) row.setValue({ name, startsOn, endsOn });
      else array.push(this.rowOf({ name, startsOn, endsOn }));
    });
    this.sync();
  }

  private rowOf(h: HolidayRow): RowGroup {
    const row: RowGroup = this.fb.group({ name: h.name, startsOn: h.startsOn, endsOn: h.endsOn });
    this.keys.set(row, this.nextKey++);
    return row;
  }

  private sync(): void {
    this.rows.set([...this.form.controls.holidays.controls]);
  }
}
