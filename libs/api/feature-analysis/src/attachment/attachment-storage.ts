import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AttachmentContentEntity, AttachmentStorageKind, AttachmentVariant } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig, AttachmentsConfig } from '@stl/api/util-config';

/**
 * Where attachments' bytes live (ADR 0024). Writes and deletes take the transaction of the command
 * that makes them, so with PostgreSQL the bytes exist exactly when the attachment row does.
 */
export interface AttachmentStore {
  readonly kind: AttachmentStorageKind;
  put(
    m: EntityManager,
    id: string,
    variant: AttachmentVariant,
    bytes: Buffer,
    contentType: string,
  ): Promise<void>;
  get(m: EntityManager, id: string, variant: AttachmentVariant): Promise<Buffer | null>;
  /** Removes both variants of these attachments. */
  remove(m: EntityManager, ids: readonly string[]): Promise<void>;
}

/** The default: bytea rows in `attachment_content`, deleted with their attachment by the foreign key. */
export class PostgresAttachmentStore implements AttachmentStore {
  readonly kind = AttachmentStorageKind.POSTGRES;

  async put(
    m: EntityManager,
    attachmentId: string,
    variant: AttachmentVariant,
    bytes: Buffer,
  ): Promise<void> {
    await m.insert(AttachmentContentEntity, { attachmentId, variant, bytes });
  }

  async get(m: EntityManager, attachmentId: string, variant: AttachmentVariant): Promise<Buffer | null> {
    const row = await m.findOne(AttachmentContentEntity, { where: { attachmentId, variant } });
    return row?.bytes ?? null;
  }

  async remove(m: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length) await m.delete(AttachmentContentEntity, { attachmentId: In([...ids]) });
  }
}

/** The most keys one DeleteObjects request may name (S3's limit). */
const S3_DELETE_MAX_KEYS = 1000;

/**
 * S3-compatible object storage (ATTACHMENTS_S3_BUCKET), objects named `attachments/{id}/{variant}`.
 * It uses only PutObject, GetObject and DeleteObjects; `apps/api/test/attachments-s3.int-spec.ts`
 * runs it against s3rver (an S3-compatible server in the test's process). A put outside the database
 * means a command that fails after it leaves an object without a row: harmless (never served) and
 * listed by prefix.
 */
export class S3AttachmentStore implements AttachmentStore {
  readonly kind = AttachmentStorageKind.S3;
  private readonly log = new Logger('Attachments');
  private readonly client: S3Client;

  constructor(private readonly config: NonNullable<AttachmentsConfig['s3']>) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
    });
  }

  private key(id: string, variant: AttachmentVariant): string {
    return `attachments/${id}/${variant}`;
  }

  async put(_m: EntityManager, id: string, variant: AttachmentVariant, bytes: Buffer, contentType: string) {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.key(id, variant),
        Body: bytes,
        ContentType: variant === AttachmentVariant.THUMBNAIL ? 'image/webp' : contentType,
      }),
    );
  }

  async get(_m: EntityManager, id: string, variant: AttachmentVariant): Promise<Buffer | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(id, variant) }),
      );
      return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
    } catch (e) {
      if ((e as { name?: string }).name === 'NoSuchKey') return null;
      throw e;
    }
  }

  /**
   * Deletes both variants' objects, in DeleteObjects requests of at most 1,000 keys: S3 refuses a
   * larger one whole, and the retention job removes an organisation's files at once. The rows are
   * gone, so nothing serves these objects any more: a failed request or key is logged, the rest go on.
   */
  async remove(_m: EntityManager, ids: readonly string[]): Promise<void> {
    const variants = Object.values(AttachmentVariant);
    const perRequest = Math.floor(S3_DELETE_MAX_KEYS / variants.length);
    for (let i = 0; i < ids.length; i += perRequest) {
      const batch = ids.slice(i, i + perRequest);
      const keys = batch.flatMap((id) => variants.map((v) => ({ Key: this.key(id, v) })));
      try {
        const out = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        // A request that succeeds may still list keys it could not delete (e.g. AccessDenied).
        for (const err of out.Errors ?? [])
          this.log.error(`Could not delete attachment object ${err.Key}: ${err.Code} ${err.Message}`);
      } catch (e) {
        this.log.error(`Could not delete attachment objects of ${batch.join(', ')}: ${String(e)}`);
      }
    }
  }
}

/** The store new attachments go to, and the one that holds each stored attachment. */
@Injectable()
export class AttachmentStores {
  private readonly postgres = new PostgresAttachmentStore();
  private readonly s3: S3AttachmentStore | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.s3 = config.attachments.s3 ? new S3AttachmentStore(config.attachments.s3) : null;
  }

  /** Where new attachments are written: S3 when configured, else PostgreSQL. */
  get current(): AttachmentStore {
    return this.s3 ?? this.postgres;
  }

  /** The store that holds an attachment written earlier (it may differ from `current`). */
  of(kind: AttachmentStorageKind): AttachmentStore {
    if (kind === AttachmentStorageKind.POSTGRES) return this.postgres;
    if (!this.s3) throw new Error('An attachment is kept in S3, but ATTACHMENTS_S3_BUCKET is not set.');
    return this.s3;
  }
}
