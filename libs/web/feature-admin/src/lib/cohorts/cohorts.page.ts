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
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, apiResource, toApiError } from '@stl/web/data-access';
import type { AdminCohort, AdminLeader } from '@stl/web/data-access';
import {
  DEFAULT_FEEDBACK_MIN_LENGTH,
  DEFAULT_PEERS_PER_ANALYSIS,
  DEFAULT_REQUIRED_ATTENDANCE_SHARE,
  certificationsCover,
} from '@stl/shared/domain';
import { ErrorSummaryComponent, LoadDirective, PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import type { BadgeTone } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { defer, firstValueFrom, map } from 'rxjs';
import { NO_ERRORS, formErrorsFrom, formErrorsOf } from '../shared/admin-errors';
import type { FormErrors } from '../shared/admin-errors';
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
  protected readonly name = signal('');
  protected readonly schoolYear = signal(this.defaults.schoolYear);
  protected readonly startsOn = signal(this.defaults.startsOn);
  protected readonly endsOn = signal(this.defaults.endsOn);
  protected readonly leaderIds = signal<ReadonlySet<string>>(new Set());
  protected readonly peers = signal(String(DEFAULT_PEERS_PER_ANALYSIS));
  protected readonly attendance = signal(String(DEFAULT_REQUIRED_ATTENDANCE_SHARE * 100));
  protected readonly feedbackLength = signal(String(DEFAULT_FEEDBACK_MIN_LENGTH));
  protected readonly sameSchool = signal(false);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FormErrors>(NO_ERRORS);
  protected readonly created = signal<AdminCohort | null>(null);
  private readonly summary = viewChild(ErrorSummaryComponent);

  /** Active course leaders, and whether their certification covers the dates now in the form. */
  protected readonly leaderChoices = computed(() => {
    const period = { startsOn: this.startsOn(), endsOn: this.endsOn() };
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

  protected readonly settingsInvalid = computed(() =>
    ['cohort-peers', 'cohort-attendance', 'cohort-feedback-length'].some((id) => this.errors().fields[id]),
  );

  protected fieldError(id: string): string | null {
    return this.errors().fields[id] ?? null;
  }

  protected toggleLeader(id: string, checked: boolean): void {
    const next = new Set(this.leaderIds());
    if (checked) next.add(id);
    else next.delete(id);
    this.leaderIds.set(next);
  }

  protected async submit(): Promise<void> {
    this.created.set(null);
    const name = this.name().trim();
    const schoolYear = this.schoolYear().trim();
    const startsOn = this.startsOn();
    const endsOn = this.endsOn();
    const peers = wholeNumber(this.peers(), 1, 6);
    const share = shareFromPercent(this.attendance());
    const feedbackLength = wholeNumber(this.feedbackLength(), 0, 2000);
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
    if (Object.keys(problems).length) return this.fail(formErrorsOf(problems));

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
          sameSchoolSupport: this.sameSchool(),
        }),
      );
      this.created.set(createCohort);
      this.errors.set(NO_ERRORS);
      this.name.set('');
      this.leaderIds.set(new Set());
      this.cohorts.reload();
      afterNextRender(() => this.document.getElementById('cohort-created')?.focus(), {
        injector: this.injector,
      });
    } catch (e) {
      this.fail(
        formErrorsFrom(toApiError(e), (field) =>
          field.startsWith('leaderIds') ? 'cohort-leaders' : (FIELD_IDS[field] ?? null),
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }

  private fail(errors: FormErrors): void {
    this.errors.set(errors);
    afterNextRender(() => this.summary()?.focus(), { injector: this.injector });
  }
}
