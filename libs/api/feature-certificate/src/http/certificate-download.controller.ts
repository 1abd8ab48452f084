import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUUID } from 'class-validator';
import { AuditEventKind, AuditTargetType } from '@stl/api/data-access-db';
import { AuditService, CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { EXPORT_PATH, ExportErrorFilter, refuseCrossSite, sendFile } from '@stl/api/feature-export';
import { NotFoundError } from '@stl/api/util-errors';
import { certificatePdf } from '../certificate/certificate-pdf';
import { CertificateService } from '../certificate/certificate.service';
import { portfolioPdf } from '../portfolio/portfolio-pdf';
import { PortfolioService } from '../portfolio/portfolio.service';

function idOf(kind: string, id: string): string {
  // A malformed id names nothing, answered before any query.
  if (!isUUID(id, 'all')) throw new NotFoundError(kind, id.slice(0, 60));
  return id;
}

/**
 * The PDFs of issue 14 over the download machinery of ADR 0020 (session cookie, refusals as JSON,
 * `attachment`, `no-store`): `GET /export/certificates/:certificateId.pdf` (the holder, the
 * cohort's course leaders, the organisation's administrators) and `GET /export/portfolio/:cohortId.pdf`
 * (the teacher's own portfolio). Rendered on the server: no PDF code reaches the browser.
 */
@Controller(EXPORT_PATH)
@SignedIn()
@UseFilters(ExportErrorFilter)
export class CertificateDownloadController {
  constructor(
    private readonly certificates: CertificateService,
    private readonly portfolios: PortfolioService,
    private readonly audit: AuditService,
  ) {}

  @Get('certificates/:certificateId.pdf')
  async certificate(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    refuseCrossSite(req);
    const data = await this.certificates.pdfData(actor, idOf('certificate', certificateId));
    const pdf = await certificatePdf(data);
    // Logged before it is sent, as every export is (ADR 0029).
    await this.audit.record({
      kind: AuditEventKind.EXPORT,
      ...AuditService.by(actor),
      target: { type: AuditTargetType.CERTIFICATE, id: certificateId },
      details: { export: 'certificate', format: 'pdf' },
    });
    sendFile(res, pdf, 'application/pdf', `Kursintyg ${data.holder} ${data.schoolYear}.pdf`);
  }

  @Get('portfolio/:cohortId.pdf')
  async portfolio(
    @CurrentActor() actor: Actor,
    @Param('cohortId') cohortId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    refuseCrossSite(req);
    const portfolio = await this.portfolios.portfolio(actor, idOf('cohort', cohortId));
    const lang = actor.locale === 'en' ? 'en' : 'sv';
    const pdf = await portfolioPdf(portfolio, lang);
    sendFile(res, pdf, 'application/pdf', `Portfolio ${portfolio.ownerName} ${portfolio.schoolYear}.pdf`);
  }
}
