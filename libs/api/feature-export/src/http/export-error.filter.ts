import { Catch, HttpException, Injectable, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuditEventKind, AuditOutcome, AuditTargetType } from '@stl/api/data-access-db';
import { AuditService } from '@stl/api/feature-auth';
import type { RequestContext } from '@stl/api/feature-auth';
import { DomainError, ErrorCode, statusOf } from '@stl/api/util-errors';

/**
 * Refusals of a download as JSON in the GraphQL errors' shape (`{ errors: [{ message, extensions:
 * { code } }] }`), with the HTTP status of the code: 401 UNAUTHENTICATED, 403 FORBIDDEN, 404
 * NOT_FOUND. Anything unexpected is logged and answered 500 INTERNAL_SERVER_ERROR without its
 * message or stack.
 */
@Catch()
@Injectable()
export class ExportErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Export');

  constructor(private readonly audit: AuditService) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const res = host.switchToHttp().getResponse<Response>();
    await this.auditRefusal(error, host.switchToHttp().getRequest<RequestContext['req']>());
    let status: number;
    let code: string;
    let message: string;
    if (error instanceof DomainError) {
      status = statusOf(error.code);
      code = error.code;
      message = error.message;
    } else if (error instanceof HttpException && error.getStatus() === 404) {
      status = 404;
      code = ErrorCode.NotFound;
      message = 'No such export.';
    } else {
      this.log.error(`Export failed: ${(error as Error)?.stack ?? String(error)}`);
      status = 500;
      code = ErrorCode.Internal;
      message = 'The export could not be made. Try again later.';
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(status)
      .set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
      .json({ errors: [{ message, extensions: { code } }] });
  }

  /**
   * A signed-in person refused a download (FORBIDDEN) is logged, as for GraphQL (ADR 0029); the
   * route's pattern names what was asked for, never the URL they typed.
   */
  private async auditRefusal(error: unknown, req: RequestContext['req']): Promise<void> {
    const who = req.actor ?? req.operator;
    if (!(error instanceof DomainError) || error.code !== ErrorCode.Forbidden || !who) return;
    await this.audit.recordQuietly({
      kind: AuditEventKind.AUTHORISATION_REFUSED,
      outcome: AuditOutcome.REFUSED,
      ...AuditService.by(who),
      target: { type: AuditTargetType.OPERATION, id: 'export' },
      details: { code: error.code },
    });
  }
}
