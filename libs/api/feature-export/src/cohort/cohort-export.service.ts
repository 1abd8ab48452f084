import { Injectable } from '@nestjs/common';
import { AccessPolicy, includedInExport } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { AttendanceService, MeetingService, RoundService } from '@stl/api/feature-cohort';
import { ProgressService } from '@stl/api/feature-review';
import { stockholmDate } from '@stl/shared/domain';
import type { ExportWorkbook } from '../table/export-table';
import { attendanceWorkbook } from './attendance-export';
import { progressWorkbook } from './progress-export';

export interface CohortExport {
  workbook: ExportWorkbook;
  /** Without extension, in Swedish: "Framsteg Läsåret 2026-27 2026-12-06". */
  fileName: string;
}

/**
 * A cohort's follow-up as downloads. Nothing is counted here: the rows are those of the
 * `cohortProgress` query (ProgressService, course rules 6 and 8) and the statuses those of
 * `meeting.attendance` (AttendanceService), under their own access rules, so a download holds what
 * the screens show, to the same people. The request object keys the per-request loaders.
 */
@Injectable()
export class CohortExportService {
  constructor(
    private readonly progress: ProgressService,
    private readonly rounds: RoundService,
    private readonly meetings: MeetingService,
    private readonly attendance: AttendanceService,
    private readonly access: AccessPolicy,
  ) {}

  /** The progress matrix: course leaders and administrators all, school leaders their school's. */
  async progressExport(actor: Actor, req: object, cohortId: string, now = new Date()): Promise<CohortExport> {
    const rows = await this.exportedRows(actor, cohortId);
    const rounds = await this.rounds.listForCohort(req, cohortId);
    return {
      workbook: progressWorkbook(rows, rounds, now),
      fileName: `Framsteg ${await this.cohortName(actor, cohortId)} ${stockholmDate(now)}`,
    };
  }

  /**
   * The attendance list of the meetings held, for those who follow the cohort up (the same people
   * and participants as the progress matrix); each status as `meeting.attendance` gives it to them.
   */
  async attendanceExport(
    actor: Actor,
    req: object,
    cohortId: string,
    now = new Date(),
  ): Promise<CohortExport> {
    const rows = await this.exportedRows(actor, cohortId);
    const meetings = await this.meetings.listForCohort(req, cohortId);
    const recorded = await Promise.all(
      meetings
        .filter((m) => m.startsAt.getTime() <= now.getTime())
        .map((m) => this.attendance.forMeeting(actor, req, m)),
    );
    const participants = rows.map((r) => ({
      personId: r.person.id,
      fullName: r.person.fullName,
      schoolName: r.schoolName,
    }));
    return {
      workbook: attendanceWorkbook(meetings, participants, recorded.flat(), now),
      fileName: `Närvaro ${await this.cohortName(actor, cohortId)} ${stockholmDate(now)}`,
    };
  }

  /**
   * The rows on screen, less anyone with a protected identity unless the actor is an administrator
   * (ADR 0031): a file leaves the platform, so such a person is simply not in it, with no mark that
   * someone was left out.
   */
  private async exportedRows(actor: Actor, cohortId: string) {
    const rows = await this.progress.followUpRows(actor, { cohortId, includeWithdrawn: false });
    return rows.filter((r) => includedInExport(actor, r.person));
  }

  private async cohortName(actor: Actor, cohortId: string): Promise<string> {
    // Looked up and cached for this request (per actor) when followUpRows checked access.
    return (await this.access.cohortAccess(actor, cohortId)).cohort.name;
  }
}
