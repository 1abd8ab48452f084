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
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminCohort, AdminLeader } from '@stl/web/data-access';
import {
  addDays,
  DEFAULT_FEEDBACK_MIN_LENGTH,
  DEFAULT_PEERS_PER_ANALYSIS,
  DEFAULT_REQUIRED_ATTENDANCE_SHARE,
  certificationsCover,
} from '@stl/shared/domain';
import {
  ErrorSummaryComponent,
  FIELD,
  LoadDirective,
  PageHeaderComponent,
  StatusBadgeComponent,
  formProblems,
} from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { defer, firstValueFrom, map } from 'rxjs';
import { formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import { allPages } from '../shared/all-pages';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { cohortDefaults, shareFromPercent, wholeNumber } from './cohort-defaults';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELD_IDS: Record<string, string> = {
  name: 'cohort-name',
  schoolYear: 'cohort-year',
  startsOn: 'cohort-starts',
  endsOn: 'cohort-ends',
  peersPerAnalysis: 'cohort-peers',
  requiredAttendanceShare: 'cohort-attendance',
  feedbackMinLength: 'cohort-feedback-length',
  leaderIds: 'cohort-leaders',
};

const COPY_FIELD_IDS: Record<string, string> = {
  sourceId: 'copy-source',
  name: 'copy-name',
  startsOn: 'copy-starts',
};

const STATUS_TONES: Record<AdminCohort['status'], BadgeTone> = {
  PLANNING: 'info',
  OPEN: 'success',
  COMPLETED: 'neutral',
  ARCHIVED: 'neutral',
};

/** Every cohort of the organisation, and a new one (planned further on its own pages). */
@Component({
  selector: 'stl-admin-cohorts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    LoadDirective,
    PageHeaderComponent,
    StatusBadgeComponent,
    ErrorSummaryComponent,
    AdminBackLinkComponent,
    ...FIELD,
    ...FORMAT_PIPES,
  ],
  templateUrl: './cohorts.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminCohortsPage {
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  protected readonly lang = inject(LanguageService).lang;
  protected readonly tones = STATUS_TONES;

  protected readonly cohorts = apiResource({
    stream: () =>
      defer(() =>
        allPages((after) => this.api.cohorts(this.organisationId, after).pipe(map((r) => r.cohorts))),
      ),
  });
  private readonly leaders = signal<AdminLeader[]>([]);

  private readonly defaults = cohortDefaults(new Date());
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: '',
    schoolYear: this.defaults.schoolYear,
    startsOn: this.defaults.startsOn,
    endsOn: this.defaults.endsOn,
    // Number inputs give a number, or null when empty or not a number.
    peers: this.fb.control<number | null>(DEFAULT_PEERS_PER_ANALYSIS),
    attendance: this.fb.control<number | null>(DEFAULT_REQUIRED_ATTENDANCE_SHARE * 100),
    feedbackLength: this.fb.control<number | null>(DEFAULT_FEEDBACK_MIN_LENGTH),
    sameSchool: false,
  });
  private readonly dates = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly leaderIds = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly created = signal<AdminCohort | null>(null);
  private readonly summaryBox = viewChild<ErrorSummaryComponent>('createSummary');
  protected readonly problems = formProblems(this.summaryBox);

  /** Active course leaders, and whether their certification covers the dates now in the form. */
  protected readonly leaderChoices = computed(() => {
    const period = { startsOn: this.dates().startsOn ?? '', endsOn: this.dates().endsOn ?? '' };
    const datesKnown = ISO_DATE.test(period.startsOn) && ISO_DATE.test(period.endsOn);
    return this.leaders()
      .filter((l) => l.active)
      .map((l) => ({
        id: l.id,
        fullName: l.fullName,
        covered: datesKnown && certificationsCover(l.certifications ?? [], period),
      }));
  });

  constructor() {
    firstValueFrom(this.api.certifications(this.organisationId)).then(
      ({ people }) => this.leaders.set(people.nodes),
      () => this.leaders.set([]),
    );
  }

  // Copying an earlier cohort (issue 19): a source, a new name and a first day.
  protected readonly copyForm = this.fb.group({ sourceId: '', name: '', startsOn: '' });
  protected readonly copyBusy = signal(false);
  private readonly copySummary = viewChild<ErrorSummaryComponent>('copySummary');
  protected readonly copyProblems = formProblems(this.copySummary);
  /** A cohort being deleted: asked to confirm first. */
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly deleted = signal<string | null>(null);
  protected readonly deleteError = signal<string | null>(null);

  /** Choosing a source suggests next year's first day: the same weekday 52 weeks later. */
  protected chooseSource(id: string, list: readonly AdminCohort[]): void {
    const source = list.find((c) => c.id === id);
    this.copyForm.controls.sourceId.setValue(id);
    if (source && !this.copyForm.controls.startsOn.value)
      this.copyForm.controls.startsOn.setValue(addDays(source.startsOn, 364));
  }

  protected async copy(): Promise<void> {
    this.created.set(null);
    const v = this.copyForm.getRawValue();
    const name = v.name.trim();
    const problems: Record<string, string> = {};
    if (!v.sourceId) problems['copy-source'] = 'admin.cohorts.copySourceMissing';
    if (!name) problems['copy-name'] = 'admin.cohorts.nameMissing';
    if (!ISO_DATE.test(v.startsOn)) problems['copy-starts'] = 'admin.problems.date';
    if (Object.keys(problems).length) return this.copyProblems.fail(formErrorsOf(problems));
    this.copyBusy.set(true);
    try {
      const { copyCohort } = await firstValueFrom(
        this.api.copyCohort({ sourceId: v.sourceId, name, startsOn: v.startsOn }),
      );
      this.created.set(copyCohort);
      this.copyProblems.clear();
      this.copyForm.reset();
      this.cohorts.reload();
      afterNextRender(() => this.document.getElementById('cohort-created')?.focus(), {
        injector: this.injector,
      });
    } catch (e) {
      this.copyProblems.fail(
        formErrorsFrom(toApiError(e), (field) => COPY_FIELD_IDS[field.replace(/^input\./, '')] ?? null),
      );
    } finally {
      this.copyBusy.set(false);
    }
  }

  protected async deleteCohort(c: AdminCohort): Promise<void> {
    this.deleteError.set(null);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.deleteCohort(c.id));
      this.confirmingDelete.set(null);
      this.deleted.set(c.name);
      this.cohorts.reload();
      afterNextRender(() => this.document.getElementById('cohort-deleted')?.focus(), {
        injector: this.injector,
      });
    } catch (e) {
      this.deleteError.set(toApiError(e).messageKey);
    } finally {
      this.busy.set(false);
    }
  }

  protected readonly settingsInvalid = computed(() =>
    ['cohort-peers', 'cohort-attendance', 'cohort-feedback-length'].some((id) => this.problems.of(id)),
  );

  protected toggleLeader(id: string, checked: boolean): void {
    const next = new Set(this.leaderIds());
    if (checked) next.add(id);
    else next.delete(id);
    this.leaderIds.set(next);
  }

  protected async submit(): Promise<void> {
    this.created.set(null);
    const v = this.form.getRawValue();
    const name = v.name.trim();
    const schoolYear = v.schoolYear.trim();
    const { startsOn, endsOn } = v;
    const peers = wholeNumber(String(v.peers ?? ''), 1, 6);
    const share = shareFromPercent(String(v.attendance ?? ''));
    const feedbackLength = wholeNumber(String(v.feedbackLength ?? ''), 0, 2000);
    const problems: Record<string, string> = {};
    if (!name) problems['cohort-name'] = 'admin.cohorts.nameMissing';
    if (!/^\d{4}\/\d{2}$/.test(schoolYear)) problems['cohort-year'] = 'admin.problems.INVALID_SCHOOL_YEAR';
    if (!ISO_DATE.test(startsOn)) problems['cohort-starts'] = 'admin.problems.date';
    if (!ISO_DATE.test(endsOn)) problems['cohort-ends'] = 'admin.problems.date';
    else if (ISO_DATE.test(startsOn) && endsOn < startsOn)
      problems['cohort-ends'] = 'admin.problems.ENDS_BEFORE_START';
    if (peers === null) problems['cohort-peers'] = 'admin.cohorts.peersInvalid';
    if (share === null) problems['cohort-attendance'] = 'admin.cohorts.attendanceInvalid';
    if (feedbackLength === null) problems['cohort-feedback-length'] = 'admin.cohorts.feedbackLengthInvalid';
    if (Object.keys(problems).length) return this.problems.fail(formErrorsOf(problems));

    const leaderIds = this.leaderChoices()
      .map((l) => l.id)
      .filter((id) => this.leaderIds().has(id));
    this.busy.set(true);
    try {
      const { createCohort } = await firstValueFrom(
        this.api.createCohort({
          organisationId: this.organisationId,
          name,
          schoolYear,
          startsOn,
          endsOn,
          leaderIds,
          peersPerAnalysis: peers,
          requiredAttendanceShare: share,
          feedbackMinLength: feedbackLength,
          sameSchoolSupport: v.sameSchool,
        }),
      );
      this.created.set(createCohort);
      this.problems.clear();
      this.form.controls.name.setValue('');
      this.leaderIds.set(new Set());
      this.cohorts.reload();
      afterNextRender(() => this.document.getElementById('cohort-created')?.focus(), {
        injector: this.injector,
      });
    } catch (e) {
      this.problems.fail(
        formErrorsFrom(toApiError(e), (field) =>
          field.startsWith('leaderIds') ? 'cohort-leaders' : (FIELD_IDS[field] ?? null),
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
