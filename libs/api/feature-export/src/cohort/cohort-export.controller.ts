import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUUID } from 'class-validator';
import { AuditEventKind, AuditTargetType } from '@stl/api/data-access-db';
import { AuditService, CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { refuseCrossSite } from '../http/cross-site';
import { ExportErrorFilter } from '../http/export-error.filter';
import { sendExport } from '../http/export-response';
import { EXPORT_FORMATS } from '../table/export-table';
import type { ExportFormat } from '../table/export-table';
import { CohortExportService } from './cohort-export.service';

/** The base path of every download; the web app links to it and its SPA fallback leaves it alone. */
export const EXPORT_PATH = 'export';

export function formatOf(format: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new NotFoundError('export format');
  return format as ExportFormat;
}

function cohortIdOf(cohortId: string): string {
  // A malformed id is a cohort that does not exist, answered before any query.
  if (!isUUID(cohortId, 'all')) throw new NotFoundError('cohort', cohortId.slice(0, 60));
  return cohortId;
}

/**
 * Downloads of a cohort's follow-up (issue 19): `GET /export/cohorts/:cohortId/progress.xlsx|csv`
 * (the progress matrix) and `…/attendance.xlsx|csv` (the attendance list). Signed in with the
 * session cookie; refused as JSON (401, 403, 404) by the same rules as the `cohortProgress` query.
 */
@Controller(`${EXPORT_PATH}/cohorts`)
@SignedIn()
@UseFilters(ExportErrorFilter)
export class CohortExportController {
  constructor(
    private readonly exports: CohortExportService,
    private readonly audit: AuditService,
  ) {}

  /** Every download is logged before it is sent; no log line, no file (ADR 0029). */
  private logExport(actor: Actor, cohortId: string, name: string, format: ExportFormat): Promise<void> {
    return this.audit.record({
      kind: AuditEventKind.EXPORT,
      ...AuditService.by(actor),
      target: { type: AuditTargetType.COHORT, id: cohortId },
      details: { export: name, format },
    });
  }

  @Get(':cohortId/progress.:format')
  async progress(
    @CurrentActor() actor: Actor,
    @Param('cohortId') cohortId: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    refuseCrossSite(req);
    const as = formatOf(format);
    const { workbook, fileName } = await this.exports.progressExport(actor, req, cohortIdOf(cohortId));
    await this.logExport(actor, cohortId, 'progress', as);
    await sendExport(res, workbook, as, fileName);
  }

  @Get(':cohortId/attendance.:format')
  async attendance(
    @CurrentActor() actor: Actor,
    @Param('cohortId') cohortId: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    refuseCrossSite(req);
    const as = formatOf(format);
    const { workbook, fileName } = await this.exports.attendanceExport(actor, req, cohortIdOf(cohortId));
    await this.logExport(actor, cohortId, 'attendance', as);
    await sendExport(res, workbook, as, fileName);
  }
}
