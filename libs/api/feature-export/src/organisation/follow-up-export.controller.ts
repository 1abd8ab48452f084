import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditEventKind, AuditTargetType, OrganisationEntity } from '@stl/api/data-access-db';
import { AuditService, CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { DashboardService } from '@stl/api/feature-review';
import type { OrganisationDashboardArgs } from '@stl/api/feature-review';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import { stockholmDate } from '@stl/shared/domain';
import { EXPORT_PATH, formatOf } from '../cohort/cohort-export.controller';
import { refuseCrossSite } from '../http/cross-site';
import { ExportErrorFilter } from '../http/export-error.filter';
import { sendExport } from '../http/export-response';
import { followUpWorkbook } from './follow-up-export';

function optionalId(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !isUUID(raw, 'all'))
    throw new BadInputError(`${field} is not a valid id.`, [
      { field, code: 'INVALID', message: `${field} is not a valid id.` },
    ]);
  return raw;
}

/** The dashboard's filters from the query string (`?schoolYear&school&cohort`), checked as the query checks them. */
export function dashboardFilterOf(
  organisationId: string,
  query: Record<string, unknown>,
): OrganisationDashboardArgs {
  const year = query['schoolYear'];
  if (year !== undefined && year !== '' && !(typeof year === 'string' && /^\d{4}\/\d{2}$/.test(year)))
    throw new BadInputError('schoolYear must be written like 2026/27.', [
      { field: 'schoolYear', code: 'INVALID', message: 'schoolYear must be written like 2026/27.' },
    ]);
  return {
    organisationId,
    schoolYear: typeof year === 'string' && year ? year : null,
    schoolId: optionalId(query['school'], 'school'),
    cohortId: optionalId(query['cohort'], 'cohort'),
  };
}

/**
 * `GET /export/organisations/:organisationId/follow-up.xlsx|csv?schoolYear=&school=&cohort=`: the
 * organisation dashboard's figures as a download (issue 14, ADR 0020, ADR 0033), for the same
 * people under the same rules as the `organisationDashboard` query (administrators every cohort,
 * course leaders the cohorts they lead). The download is logged first.
 */
@Controller(`${EXPORT_PATH}/organisations`)
@SignedIn()
@UseFilters(ExportErrorFilter)
export class FollowUpExportController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get(':organisationId/follow-up.:format')
  async followUp(
    @CurrentActor() actor: Actor,
    @Param('organisationId') organisationId: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    refuseCrossSite(req);
    const as = formatOf(format);
    if (!isUUID(organisationId, 'all')) throw new NotFoundError('organisation', organisationId.slice(0, 60));
    const args = dashboardFilterOf(organisationId, query);
    const figures = await this.dashboard.dashboard(actor, args);
    const organisation = await this.dataSource.manager.findOneOrFail(OrganisationEntity, {
      select: { id: true, name: true },
      where: { id: organisationId },
    });
    await this.audit.record({
      kind: AuditEventKind.EXPORT,
      ...AuditService.by(actor),
      target: { type: AuditTargetType.ORGANISATION, id: organisationId },
      details: {
        export: 'follow-up',
        format: as,
        // The log keeps codes only: 2026/27 is written 2026-27.
        ...(figures.schoolYear ? { schoolYear: figures.schoolYear.replace('/', '-') } : {}),
        ...(args.schoolId ? { schoolId: args.schoolId } : {}),
        ...(args.cohortId ? { cohortId: args.cohortId } : {}),
      },
    });
    const year = figures.schoolYear ? ` ${figures.schoolYear}` : '';
    await sendExport(
      res,
      followUpWorkbook(figures, organisation.name),
      as,
      `Uppföljning ${organisation.name}${year} ${stockholmDate(figures.computedAt)}`,
    );
  }
}
