import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUUID } from 'class-validator';
import { strToU8, zipSync } from 'fflate';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { EXPORT_PATH, ExportErrorFilter, refuseCrossSite, sendFile } from '@stl/api/feature-export';
import { NotFoundError } from '@stl/api/util-errors';
import { stockholmDate } from '@stl/shared/domain';
import { personExportHtml } from './person-export.html';
import { PERSON_EXPORT_FORMATS, PersonExportService } from './person-export.service';
import type { PersonExportFormat } from './person-export.service';

function formatOf(format: string): PersonExportFormat {
  if (!(PERSON_EXPORT_FORMATS as readonly string[]).includes(format))
    throw new NotFoundError('export format');
  return format as PersonExportFormat;
}

/**
 * A person's access export (GDPR art. 15 and 20; ADR 0030), over the plain-HTTP download machinery
 * of ADR 0020: `GET /export/people/:personId/data.json|html|zip` and, for one's own,
 * `GET /export/me/data.json|html|zip`. The ZIP holds data.json, data.html and the attached files.
 * The person and their organisation's administrators only; refusals as JSON (401, 403, 404).
 */
@Controller(EXPORT_PATH)
@SignedIn()
@UseFilters(ExportErrorFilter)
export class PersonExportController {
  constructor(private readonly exports: PersonExportService) {}

  @Get('me/data.:format')
  mine(
    @CurrentActor() actor: Actor,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(actor, actor.personId, format, req, res);
  }

  @Get('people/:personId/data.:format')
  person(
    @CurrentActor() actor: Actor,
    @Param('personId') personId: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUUID(personId, 'all')) throw new NotFoundError('person', personId.slice(0, 60));
    return this.send(actor, personId, format, req, res);
  }

  private async send(actor: Actor, personId: string, format: string, req: Request, res: Response) {
    refuseCrossSite(req);
    const as = formatOf(format);
    const result = await this.exports.build(actor, personId, as);
    const name = `Personuppgifter ${result.fullName} ${stockholmDate(new Date())}`;
    const json = JSON.stringify(result.document, null, 2);
    if (as === 'json')
      return sendFile(res, Buffer.from(json, 'utf8'), 'application/json; charset=utf-8', `${name}.json`);
    const html = personExportHtml(result.document, result.locale);
    if (as === 'html')
      return sendFile(res, Buffer.from(html, 'utf8'), 'text/html; charset=utf-8', `${name}.html`);
    const zip = zipSync({
      'data.json': strToU8(json),
      'data.html': strToU8(html),
      // Images and PDFs are compressed already.
      ...Object.fromEntries(result.files.map((f) => [f.path, [new Uint8Array(f.bytes), { level: 0 }]])),
    });
    return sendFile(res, Buffer.from(zip), 'application/zip', `${name}.zip`);
  }
}
