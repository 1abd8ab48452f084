import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import {
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  Role,
  SchoolEntity,
  readOrganisationFollowUp,
} from '@stl/api/data-access-db';
import type { FollowUpCohortRow, FollowUpScope, TurnaroundRow } from '@stl/api/data-access-db';
import { AccessPolicy, hasRole } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { parseSchoolYear, participantCompletion, schoolYearOf } from '@stl/shared/domain';
import type { CompletionResult } from '@stl/shared/domain';
import type { OrganisationDashboardArgs } from './dashboard.args';
import type {
  DashboardFiguresModel,
  DashboardOptionModel,
  DashboardRoundModel,
  FeedbackTurnaroundModel,
  OrganisationDashboardModel,
} from './dashboard.models';

const collator = new Intl.Collator('sv');

/** One participant's completion, with the group keys it is counted under. */
interface Counted {
  schoolYear: string;
  schoolId: string | null;
  cohortId: string;
  result: CompletionResult;
}

type Figures = Omit<DashboardFiguresModel, 'id' | 'label' | 'peerTurnaround' | 'leaderTurnaround'>;

function sum(rows: readonly Counted[]): Figures {
  const f = {
    participants: rows.length,
    completed: 0,
    onTrack: 0,
    behind: 0,
    needsSupport: 0,
    publishedAnalyses: 0,
    overdueAnalyses: 0,
    overdueFeedback: 0,
    overdueReviewTasks: 0,
    meetingsHeld: 0,
    meetingsAttended: 0,
  };
  for (const { result: r } of rows) {
    if (r.completed) f.completed++;
    if (r.supportLevel === 'ON_TRACK') f.onTrack++;
    else if (r.supportLevel === 'BEHIND') f.behind++;
    else f.needsSupport++;
    f.publishedAnalyses += r.publishedCount;
    for (const round of r.rounds) {
      if (round.submissionOverdue) f.overdueAnalyses++;
      if (round.feedbackOverdue) f.overdueFeedback++;
      if (round.tasksOverdue) f.overdueReviewTasks += round.tasksTotal - round.tasksDone;
    }
    const held = Math.min(r.meetingsHeld, r.meetingsPlanned);
    f.meetingsHeld += held;
    // A presence at a meeting since moved to the future is not a meeting held yet.
    f.meetingsAttended += Math.min(r.meetingsAttended, held);
  }
  return {
    ...f,
    completionRate: f.participants ? f.completed / f.participants : null,
    attendanceRate: f.meetingsHeld ? f.meetingsAttended / f.meetingsHeld : null,
  };
}

function turnaround(row: TurnaroundRow | undefined, kind: 'peer' | 'leader'): FeedbackTurnaroundModel {
  if (!row) return { received: 0, waiting: 0, medianHours: null, p90Hours: null };
  const received = kind === 'peer' ? row.peerCount : row.leaderCount;
  return {
    received,
    waiting: row.published - received,
    medianHours: kind === 'peer' ? row.peerMedianHours : row.leaderMedianHours,
    p90Hours: kind === 'peer' ? row.peerP90Hours : row.leaderP90Hours,
  };
}

function figures(
  id: string | null,
  label: string,
  rows: readonly Counted[],
  times: TurnaroundRow | undefined,
): DashboardFiguresModel {
  return {
    id,
    label,
    ...sum(rows),
    peerTurnaround: turnaround(times, 'peer'),
    leaderTurnaround: turnaround(times, 'leader'),
  };
}

function groupBy<K>(rows: readonly Counted[], key: (r: Counted) => K): Map<K, Counted[]> {
  const groups = new Map<K, Counted[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** The current school year if it has cohorts, else the latest before it, else the newest (a plan ahead). */
function defaultYear(years: readonly string[], now: Date): string | null {
  const current = schoolYearOf(now).label;
  if (years.includes(current)) return current;
  return years.find((y) => y < current) ?? years[0] ?? null;
}

/**
 * The organisation dashboard (issue 14): the follow-up of many cohorts at once, for the
 * organisation's administrators (every cohort) and its course leaders (the cohorts they lead).
 * The facts come from a fixed set of aggregated statements (`OrganisationFollowUpFacts`) whatever
 * the number of cohorts; completion, support and the overdue flags are the shared domain's
 * `participantCompletion`, the same rule as the progress matrix; the turnaround percentiles are
 * PostgreSQL's `percentile_cont` (ADR 0033).
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  /** Who may see which cohorts: an administrator every one, a course leader those they lead. */
  async scopeOf(actor: Actor, args: OrganisationDashboardArgs): Promise<FollowUpScope> {
    const organisationId = args.organisationId ?? actor.organisationId;
    this.access.assertMemberOf(actor, organisationId);
    const m = this.dataSource.manager;
    const admin = this.access.isAdminOf(actor, organisationId);
    if (!admin) {
      const leads = await m.exists(CohortMembershipEntity, {
        where: {
          personId: actor.personId,
          role: CohortRole.LEADER,
          leftAt: IsNull(),
          cohort: { organisationId },
        },
      });
      if (!leads && !hasRole(actor, Role.COURSE_LEADER, organisationId)) {
        throw new ForbiddenError(
          "The organisation's follow-up is for its administrators and course leaders; school leaders follow their school on the school page.",
        );
      }
    }
    const leaderId = admin ? null : actor.personId;
    if (args.cohortId) {
      const cohort = await m.findOne(CohortEntity, {
        select: { id: true, organisationId: true },
        where: { id: args.cohortId },
      });
      if (!cohort || cohort.organisationId !== organisationId)
        throw new NotFoundError('cohort', args.cohortId);
      if (leaderId) {
        const current = await m.exists(CohortMembershipEntity, {
          where: { cohortId: cohort.id, personId: leaderId, role: CohortRole.LEADER, leftAt: IsNull() },
        });
        if (!current) throw new ForbiddenError('Course leaders follow the cohorts they lead.');
      }
    }
    if (args.schoolId) {
      const school = await m.exists(SchoolEntity, { where: { id: args.schoolId, organisationId } });
      if (!school) throw new NotFoundError('school', args.schoolId);
    }
    return { organisationId, leaderId, cohortId: args.cohortId ?? null, schoolId: args.schoolId ?? null };
  }

  async dashboard(actor: Actor, args: OrganisationDashboardArgs): Promise<OrganisationDashboardModel> {
    const scope = await this.scopeOf(actor, args);
    return this.compute(scope, args.schoolYear ?? null, new Date());
  }

  /** Every figure of the dashboard for a scope already authorised. */
  async compute(
    scope: FollowUpScope,
    schoolYear: string | null,
    now: Date,
  ): Promise<OrganisationDashboardModel> {
    const {
      cohorts,
      rounds,
      participants,
      turnaround: times,
      thresholds,
      schools,
    } = await readOrganisationFollowUp(this.dataSource, scope, now);
    const cohortOf = new Map<string, FollowUpCohortRow>(cohorts.map((c) => [c.id, c]));
    const roundOf = new Map(rounds.map((r) => [r.id, r]));
    const schoolName = new Map(schools.map((s) => [s.id, s.name]));

    const counted: Counted[] = participants.map((p) => {
      const cohort = cohortOf.get(p.cohortId) as FollowUpCohortRow;
      const result = participantCompletion({
        rounds: p.rounds.map(([roundId, published, peer, leader, tasksTotal, tasksDone]) => {
          const round = roundOf.get(roundId);
          return {
            roundId,
            number: round?.number ?? 0,
            published,
            peerFeedbackCount: peer,
            leaderFeedback: leader,
            tasksTotal,
            tasksDone,
            submissionDeadline: round?.submissionDeadline,
            feedbackDeadline: round?.feedbackDeadline,
          };
        }),
        meetings: { attended: p.attended, held: cohort.held, planned: cohort.planned },
        requiredAttendanceShare: cohort.requiredAttendanceShare,
        now,
        supportThresholds: thresholds,
      });
      return { schoolYear: cohort.schoolYear, schoolId: p.schoolId, cohortId: p.cohortId, result };
    });

    const years = [...new Set(cohorts.map((c) => c.schoolYear))].sort().reverse();
    const year = schoolYear !== null && parseSchoolYear(schoolYear) ? schoolYear : defaultYear(years, now);
    const inYear = counted.filter((c) => c.schoolYear === year);
    const timesOf = (grouping: TurnaroundRow['grouping'], id: string | null, y = year) =>
      times.find(
        (t) =>
          t.grouping === grouping &&
          t.schoolYear === y &&
          (grouping === 'SCHOOL' ? t.schoolId === id : grouping === 'COHORT' ? t.cohortId === id : true),
      );

    const bySchool = [...groupBy(inYear, (c) => c.schoolId)]
      .map(([id, rows]) => figures(id, id ? (schoolName.get(id) ?? '') : '', rows, timesOf('SCHOOL', id)))
      .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : collator.compare(a.label, b.label)));
    const yearCohorts = cohorts.filter((c) => c.schoolYear === year);
    const byCohortRows = groupBy(inYear, (c) => c.cohortId);
    const byCohort = yearCohorts
      .map((c) => figures(c.id, c.name, byCohortRows.get(c.id) ?? [], timesOf('COHORT', c.id)))
      .sort((a, b) => collator.compare(a.label, b.label));
    const byYearRows = groupBy(counted, (c) => c.schoolYear);
    const bySchoolYear = [...years]
      .reverse()
      .map((y) => figures(null, y, byYearRows.get(y) ?? [], timesOf('YEAR', null, y)));

    const perRound = new Map<number, DashboardRoundModel>();
    for (const c of inYear) {
      for (const r of c.result.rounds) {
        const entry = perRound.get(r.number) ?? { number: r.number, participants: 0, published: 0 };
        entry.participants++;
        if (r.published) entry.published++;
        perRound.set(r.number, entry);
      }
    }

    // A course leader picks among the schools their participants come from; an administrator any.
    const schoolIds = scope.leaderId
      ? new Set(participants.map((p) => p.schoolId).filter((s): s is string => !!s))
      : new Set(schools.map((s) => s.id));
    const schoolOptions: DashboardOptionModel[] = schools
      .filter((s) => schoolIds.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, schoolYear: null, startsOn: null, endsOn: null }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const cohortOptions: DashboardOptionModel[] = yearCohorts
      .map((c) => ({
        id: c.id,
        name: c.name,
        schoolYear: c.schoolYear,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));

    return {
      organisationId: scope.organisationId,
      schoolYear: year,
      schoolId: scope.schoolId,
      cohortId: scope.cohortId,
      schoolYears: years,
      schools: schoolOptions,
      cohorts: cohortOptions,
      total: figures(null, '', inYear, timesOf('YEAR', null)),
      bySchool,
      byCohort,
      bySchoolYear,
      rounds: [...perRound.values()].sort((a, b) => a.number - b.number),
      computedAt: now,
    };
  }
}
