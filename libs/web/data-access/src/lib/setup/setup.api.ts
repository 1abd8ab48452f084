import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { EMPTY, expand, map, reduce } from 'rxjs';
import {
  SetupAddLeaderDocument,
  SetupAttendanceDocument,
  SetupCohortDocument,
  SetupCohortListDocument,
  SetupCourseLeadersDocument,
  SetupCreateCohortDocument,
  SetupCreateMeetingDocument,
  SetupCreateRoundDocument,
  SetupDeleteMeetingDocument,
  SetupDeleteRoundDocument,
  SetupEnrolDocument,
  SetupOpenCohortDocument,
  SetupDeleteCohortDocument,
  SetupCopyCohortDocument,
  SetupParticipantsDocument,
  SetupPlanRoundsDocument,
  SetupRecordAttendanceDocument,
  SetupRemoveLeaderDocument,
  SetupSameSchoolDocument,
  SetupSchoolsDocument,
  SetupTeachersDocument,
  SetupTemplatesDocument,
  SetupUpdateCohortDocument,
  SetupUpdateMeetingDocument,
  SetupUpdateRoundDocument,
  SetupViewerCertificationsDocument,
  SetupWithdrawDocument,
} from '../../generated/graphql';
import type {
  AttendanceEntryInput,
  CopyCohortInput,
  CreateAnalysisRoundInput,
  CreateCohortInput,
  CreateMeetingInput,
  RoundPlanInput,
  SetupAttendanceQuery,
  SetupCohortListQuery,
  SetupCohortQuery,
  SetupCourseLeadersQuery,
  SetupParticipantsQuery,
  SetupSchoolsQuery,
  SetupTeachersQuery,
  SetupTemplatesQuery,
  SetupViewerCertificationsQuery,
  UpdateAnalysisRoundInput,
  UpdateCohortInput,
  UpdateMeetingInput,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type SetupCohort = SetupCohortQuery['cohort'];
export type SetupCohortListItem = SetupCohortListQuery['cohorts']['nodes'][number];
export type SetupMeeting = SetupCohort['meetings'][number];
export type SetupRound = SetupCohort['rounds'][number];
export type SetupParticipant = SetupParticipantsQuery['cohort']['participants']['nodes'][number];
export type SetupTeacher = SetupTeachersQuery['people']['nodes'][number];
export type SetupSchool = SetupSchoolsQuery['schools']['nodes'][number];
export type SetupLeaderCandidate = SetupCourseLeadersQuery['people']['nodes'][number];
export type SetupTemplate = SetupTemplatesQuery['analysisTemplates'][number];
export type SetupAttendanceMeeting = SetupAttendanceQuery['meeting'];
export type SetupCertification = NonNullable<
  NonNullable<SetupViewerCertificationsQuery['me']>['person']['certifications']
>[number];
export type {
  AttendanceEntryInput,
  AttendanceStatus,
  CreateAnalysisRoundInput,
  CreateCohortInput,
  CreateMeetingInput,
  RoundPlanInput,
  UpdateAnalysisRoundInput,
  UpdateCohortInput,
  UpdateMeetingInput,
} from '../../generated/graphql';

/** Pages through a connection until its end, for lists a form needs whole (participants, teachers). */
function allPages<P extends { pageInfo: { endCursor?: string | null; hasNextPage: boolean } }, N>(
  first: (after: string | null) => Observable<P>,
  nodes: (page: P) => readonly N[],
): Observable<N[]> {
  return first(null).pipe(
    expand((page) => (page.pageInfo.hasNextPage ? first(page.pageInfo.endCursor ?? null) : EMPTY)),
    reduce((all, page) => [...all, ...nodes(page)], [] as N[]),
  );
}

/** A course leader (or administrator) plans a cohort: settings, meetings, rounds, people; then opens it. */
@Injectable({ providedIn: 'root' })
export class SetupApi {
  private readonly gql = inject(GraphqlClient);

  cohorts(): Observable<SetupCohortListItem[]> {
    return this.gql.request(SetupCohortListDocument).pipe(map((r) => r.cohorts.nodes));
  }

  /** The signed-in person's own certifications (null when they may not see them). */
  myCertifications(): Observable<SetupCertification[]> {
    return this.gql
      .request(SetupViewerCertificationsDocument)
      .pipe(map((r) => r.me?.person.certifications ?? []));
  }

  cohort(id: string): Observable<SetupCohort> {
    return this.gql.request(SetupCohortDocument, { id }).pipe(map((r) => r.cohort));
  }

  /** Every participant, withdrawn ones too. */
  participants(cohortId: string): Observable<SetupParticipant[]> {
    return allPages(
      (after) =>
        this.gql
          .request(SetupParticipantsDocument, { cohortId, after })
          .pipe(map((r) => r.cohort.participants)),
      (page) => page.nodes,
    );
  }

  /** Every active teacher of the organisation. */
  teachers(organisationId: string): Observable<SetupTeacher[]> {
    return allPages(
      (after) =>
        this.gql.request(SetupTeachersDocument, { organisationId, after }).pipe(map((r) => r.people)),
      (page) => page.nodes,
    );
  }

  schools(organisationId: string): Observable<SetupSchool[]> {
    return this.gql.request(SetupSchoolsDocument, { organisationId }).pipe(map((r) => r.schools.nodes));
  }

  templates(): Observable<SetupTemplate[]> {
    return this.gql.request(SetupTemplatesDocument).pipe(map((r) => r.analysisTemplates));
  }

  attendance(meetingId: string): Observable<SetupAttendanceMeeting> {
    return this.gql.request(SetupAttendanceDocument, { meetingId }).pipe(map((r) => r.meeting));
  }

  createCohort(input: CreateCohortInput): Observable<string> {
    return this.gql.request(SetupCreateCohortDocument, { input }).pipe(map((r) => r.createCohort.id));
  }

  updateCohort(id: string, input: UpdateCohortInput): Observable<SetupCohort> {
    return this.gql.request(SetupUpdateCohortDocument, { id, input }).pipe(map((r) => r.updateCohort));
  }

  createMeeting(cohortId: string, input: CreateMeetingInput): Observable<SetupMeeting> {
    return this.gql
      .request(SetupCreateMeetingDocument, { cohortId, input })
      .pipe(map((r) => r.createMeeting));
  }

  updateMeeting(id: string, input: UpdateMeetingInput): Observable<SetupMeeting> {
    return this.gql.request(SetupUpdateMeetingDocument, { id, input }).pipe(map((r) => r.updateMeeting));
  }

  deleteMeeting(id: string): Observable<unknown> {
    return this.gql.request(SetupDeleteMeetingDocument, { id });
  }

  createRound(cohortId: string, input: CreateAnalysisRoundInput): Observable<SetupRound> {
    return this.gql
      .request(SetupCreateRoundDocument, { cohortId, input })
      .pipe(map((r) => r.createAnalysisRound));
  }

  updateRound(id: string, input: UpdateAnalysisRoundInput): Observable<SetupRound> {
    return this.gql.request(SetupUpdateRoundDocument, { id, input }).pipe(map((r) => r.updateAnalysisRound));
  }

  /** Makes the cohort's rounds match the plan in one call (all or nothing); the updated cohort. */
  planRounds(cohortId: string, rounds: RoundPlanInput[]): Observable<SetupCohort> {
    return this.gql.request(SetupPlanRoundsDocument, { cohortId, rounds }).pipe(map((r) => r.planRounds));
  }

  deleteRound(id: string): Observable<unknown> {
    return this.gql.request(SetupDeleteRoundDocument, { id });
  }

  /** One all-or-nothing call for the whole list, 1–500 people. */
  enrol(cohortId: string, personIds: string[]): Observable<number> {
    return this.gql
      .request(SetupEnrolDocument, { cohortId, personIds })
      .pipe(map((r) => r.enrolParticipants.length));
  }

  withdraw(cohortId: string, personId: string): Observable<unknown> {
    return this.gql.request(SetupWithdrawDocument, { cohortId, personId });
  }

  setSameSchool(cohortId: string, personId: string, wantsSameSchool: boolean): Observable<unknown> {
    return this.gql.request(SetupSameSchoolDocument, { cohortId, personId, wantsSameSchool });
  }

  /** Refused with COHORT_NOT_READY (every problem in `problems`) until rule 1 is met. */
  open(id: string): Observable<unknown> {
    return this.gql.request(SetupOpenCohortDocument, { id });
  }

  /** A PLANNING copy of an earlier cohort: its settings, leaders, meetings and rounds; its id. */
  copyCohort(input: CopyCohortInput): Observable<string> {
    return this.gql.request(SetupCopyCohortDocument, { input }).pipe(map((r) => r.copyCohort.id));
  }

  /** Only while planning; refused with CONFLICT once the cohort has opened. */
  deleteCohort(id: string): Observable<unknown> {
    return this.gql.request(SetupDeleteCohortDocument, { id });
  }

  /** The organisation's course leaders (whether their certification covers a cohort is checked on adding). */
  courseLeaders(organisationId: string): Observable<SetupLeaderCandidate[]> {
    return this.gql.request(SetupCourseLeadersDocument, { organisationId }).pipe(map((r) => r.people.nodes));
  }

  /** Administrators only; CERTIFICATION_INVALID when the certification does not cover the dates. */
  addLeader(cohortId: string, personId: string): Observable<unknown> {
    return this.gql.request(SetupAddLeaderDocument, { cohortId, personId });
  }

  /** Administrators only; an open cohort keeps one certified leader. */
  removeLeader(cohortId: string, personId: string): Observable<unknown> {
    return this.gql.request(SetupRemoveLeaderDocument, { cohortId, personId });
  }

  /** All or nothing. */
  recordAttendance(meetingId: string, entries: AttendanceEntryInput[]): Observable<unknown> {
    return this.gql.request(SetupRecordAttendanceDocument, { meetingId, entries });
  }
}
