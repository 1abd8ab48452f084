import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { isISO8601, isUUID } from 'class-validator';
import { In, Repository } from 'typeorm';
import { AuditEventKind, AuditOutcome, AuditTargetType, PersonEntity } from '@stl/api/data-access-db';
import { AuditService, CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { auditDetails, AuditLogService } from '@stl/api/feature-organisation';
import type { AuditEventsFilterInput } from '@stl/api/feature-organisation';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import { stockholmDate } from '@stl/shared/domain';
import { EXPORT_PATH, formatOf } from '../cohort/cohort-export.controller';
import { refuseCrossSite } from '../http/cross-site';
import { ExportErrorFilter } from '../http/export-error.filter';
import { sendExport } from '../http/export-response';
import { auditWorkbook } from './audit-export';

function oneOf<T extends string>(values: Record<string, T>, raw: unknown, field: string): T | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !(Object.values(values) as string[]).includes(raw))
    throw new BadInputError(`${field} is not one of the known values.`, [
      { field, code: 'INVALID', message: `${field} is not one of the known values.` },
    ]);
  return raw as T;
}

function instant(raw: unknown, field: string): Date | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !isISO8601(raw, { strict: true }))
    throw new BadInputError(`${field} must be a date and time (ISO 8601).`, [
      { field, code: 'INVALID_DATE', message: `${field} must be a date and time (ISO 8601).` },
    ]);
  return new Date(raw);
}

/** The screen's filters, from the query string (`?from&to&kind&actorId&outcome`), checked as the query checks them. */
export function auditFilterOf(query: Record<string, unknown>): AuditEventsFilterInput {
  const actorId = query['actorId'];
  if (actorId !== undefined && actorId !== '' && !(typeof actorId === 'string' && isUUID(actorId, 'all')))
    throw new BadInputError('actorId is not a valid id.', [
      { field: 'actorId', code: 'INVALID', message: 'actorId is not a valid id.' },
    ]);
  return {
    from: instant(query['from'], 'from'),
    to: instant(query['to'], 'to'),
    kind: oneOf(AuditEventKind, query['kind'], 'kind'),
    outcome: oneOf(AuditOutcome, query['outcome'], 'outcome'),
    actorId: typeof actorId === 'string' && actorId ? actorId : null,
  };
}

/**
 * `GET /export/organisations/:organisationId/audit.xlsx|csv` with the screen's filters in the query
 * string: the organisation's audit log for its administrators (ADR 0020, ADR 0029). The download is
 * itself logged.
 */
@Controller(`${EXPORT_PATH}/organisations`)
@SignedIn()
@UseFilters(ExportErrorFilter)
export class AuditExportController {
  constructor(
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  @Get(':organisationId/audit.:format')
  async auditLog(
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
    const filter = auditFilterOf(query);
    const events = await this.log.all(actor, organisationId, filter);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const people = actorIds.length
      ? await this.people.find({
          where: { id: In(actorIds), organisationId },
          select: { id: true, fullName: true },
        })
      : [];
    await this.audit.record({
      kind: AuditEventKind.EXPORT,
      ...AuditService.by(actor),
      target: { type: AuditTargetType.ORGANISATION, id: organisationId },
      details: {
        export: 'audit',
        format: as,
        rows: events.length,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
      },
    });
    const workbook = auditWorkbook(events, new Map(people.map((p) => [p.id, p.fullName])), auditDetails);
    await sendExport(res, workbook, as, `Granskningslogg ${stockholmDate(new Date())}`);
  }
}
