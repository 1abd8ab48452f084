import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { isUUID } from 'class-validator';
import { AttachmentVariant } from '@stl/api/data-access-db';
import { Public, SessionService } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import {
  BadInputError,
  DomainError,
  ErrorCode,
  ForbiddenError,
  NotFoundError,
  statusOf,
} from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { contentDisposition } from './attachment-file';
import { AttachmentService } from './attachment.service';

/**
 * The header every upload must carry. A cross-site page can post a multipart form without asking
 * (a "simple" request), so, as Apollo's CSRF prevention does for GraphQL, uploads need a custom
 * header, which a browser sends cross-origin only after a CORS preflight (allowed for WEB_ORIGINS only).
 */
export const UPLOAD_HEADER = 'x-stl-upload';

type FileRequest = RequestContext['req'] & { file?: Express.Multer.File };

/**
 * Attachments over plain HTTP (ADR 0024): `POST /files` uploads one file (multipart: `analysisId`,
 * `section`, `file`) to a section of the caller's own analysis; `GET /files/:id` and
 * `GET /files/:id/thumbnail` serve it to whoever may read it. Refusals are GraphQL-shaped
 * (`{ errors: [{ message, extensions: { code, problems } }] }`) with a matching HTTP status.
 */
@Controller('files')
@Public()
export class AttachmentController {
  private readonly log = new Logger('Attachments');
  private readonly multipart: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(
    private readonly attachments: AttachmentService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.multipart = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
    }).single('file');
  }

  @Post()
  async upload(@Req() req: FileRequest, @Res() res: Response): Promise<void> {
    try {
      if (!req.get(UPLOAD_HEADER)) {
        throw new DomainError(
          ErrorCode.MalformedRequest,
          `An upload must carry the header ${UPLOAD_HEADER} (protection against cross-site requests).`,
        );
      }
      const actor = await this.actor(req);
      await this.parse(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const analysisId = typeof body['analysisId'] === 'string' ? body['analysisId'] : '';
      const section = typeof body['section'] === 'string' ? body['section'] : '';
      const problems: FieldProblem[] = [];
      if (!isUUID(analysisId))
        problems.push({ field: 'analysisId', code: 'isUuid', message: 'analysisId is not a valid id.' });
      if (!section)
        problems.push({ field: 'section', code: 'REQUIRED', message: 'Name the section (section).' });
      if (!req.file)
        problems.push({ field: 'file', code: 'REQUIRED', message: 'Send the file as the part "file".' });
      if (problems.length || !req.file)
        throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
      const saved = await this.attachments.upload(actor, analysisId, section, {
        buffer: req.file.buffer,
        // multer reads the name as latin1; browsers send UTF-8.
        originalname: Buffer.from(req.file.originalname, 'latin1').toString('utf8'),
      });
      res.status(201).json({
        attachment: {
          id: saved.id,
          sectionKey: saved.sectionKey,
          originalName: saved.originalName,
          contentType: saved.contentType,
          size: saved.size,
          width: saved.width,
          height: saved.height,
          url: `/files/${saved.id}`,
          thumbnailUrl: saved.hasThumbnail ? `/files/${saved.id}/thumbnail` : null,
          createdAt: saved.createdAt.toISOString(),
        },
      });
    } catch (e) {
      this.refuse(res, e);
    }
  }

  @Get(':id')
  file(@Param('id') id: string, @Req() req: RequestContext['req'], @Res() res: Response): Promise<void> {
    return this.serve(id, AttachmentVariant.FILE, req, res);
  }

  @Get(':id/thumbnail')
  thumbnail(@Param('id') id: string, @Req() req: RequestContext['req'], @Res() res: Response): Promise<void> {
    return this.serve(id, AttachmentVariant.THUMBNAIL, req, res);
  }

  private async serve(id: string, variant: AttachmentVariant, req: RequestContext['req'], res: Response) {
    try {
      if (!isUUID(id)) throw new NotFoundError('attachment', id);
      const actor = await this.sessions.actorOf(req);
      if (!actor && req.operator) throw new ForbiddenError('A platform operator has no access to this.');
      const att = await this.attachments.readable(actor, id);
      const bytes = await this.attachments.content(att, variant);
      if (!bytes) throw new NotFoundError('file', id);
      const thumb = variant === AttachmentVariant.THUMBNAIL;
      const type = thumb ? 'image/webp' : att.contentType;
      const name = thumb ? `${att.originalName.replace(/\.[^.]*$/, '')}-miniatyr.webp` : att.originalName;
      res
        .status(200)
        .set({
          'Content-Type': type,
          'Content-Length': String(bytes.length),
          'Content-Disposition': contentDisposition('inline', name),
          'X-Content-Type-Options': 'nosniff',
          // Private to this reader; the files of a published version never change, so it may be kept.
          'Cache-Control': 'private, max-age=300',
          // A PDF is shown in a sandbox: no scripts, no forms, not this origin's cookies or storage.
          'Content-Security-Policy':
            type === 'application/pdf' ? 'sandbox' : "default-src 'none'; img-src 'self'; sandbox",
          'Cross-Origin-Resource-Policy': 'same-origin',
          ETag: thumb ? `"${att.sha256.slice(0, 32)}-t"` : `"${att.sha256}"`,
        })
        .end(bytes);
    } catch (e) {
      this.refuse(res, e);
    }
  }

  private async actor(req: RequestContext['req']): Promise<Actor> {
    const actor = await this.sessions.actorOf(req);
    if (actor) return actor;
    if (req.operator) throw new ForbiddenError('A platform operator has no access to this.');
    throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  }

  /** Runs multer; its refusals become typed errors (a file over the limit: FILE_TOO_LARGE, 413). */
  private parse(req: Request, res: Response): Promise<void> {
    return new Promise((resolve, reject) =>
      this.multipart(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') {
            const mb = Math.floor(this.config.attachments.maxBytes / 1024 / 1024);
            const message = `The file is larger than ${mb} MB.`;
            return reject(
              new DomainError(ErrorCode.PayloadTooLarge, message, [
                { field: 'file', code: 'FILE_TOO_LARGE', message },
              ]),
            );
          }
          const message = `The upload was not understood (${err.code}): send one file as "file" with analysisId and section.`;
          return reject(
            new BadInputError(message, [{ field: err.field ?? 'file', code: 'INVALID', message }]),
          );
        }
        reject(
          new DomainError(ErrorCode.MalformedRequest, 'The request body is not a readable multipart form.'),
        );
      }),
    );
  }

  private refuse(res: Response, e: unknown): void {
    if (res.headersSent) return;
    const error =
      e instanceof DomainError
        ? e
        : new DomainError(ErrorCode.Internal, 'Something failed on the server; nothing was changed.');
    if (!(e instanceof DomainError))
      this.log.error(`Attachment request failed: ${(e as Error)?.stack ?? String(e)}`);
    res
      .status(statusOf(error.code))
      .set('Cache-Control', 'no-store')
      .json({
        errors: [
          {
            message: error.message,
            extensions: {
              code: error.code,
              ...(error.problems.length ? { problems: error.problems } : {}),
              ...(error.details ? { details: error.details } : {}),
            },
          },
        ],
      });
  }
}
