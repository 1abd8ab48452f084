import type { EntityManager } from 'typeorm';
import type { ProcessingCategory } from '../record/record-of-processing';
import type { AttachmentEntity, PersonEntity } from '@stl/api/data-access-db';

/** A file that goes into the access export's ZIP beside data.json and data.html. */
export interface ExportFile {
  /** Path inside the ZIP, e.g. `attachments/<id>-photo.jpg`. */
  path: string;
  /** Read when the ZIP is built, so a JSON or HTML download never reads file bytes. */
  read(): Promise<Buffer | null>;
}

export interface ExportContext {
  m: EntityManager;
  /** The person whose data is exported. */
  person: PersonEntity;
  /** Files to add to the ZIP (attachments). */
  files: ExportFile[];
  /** The bytes of an attachment, from wherever it is stored (PostgreSQL or S3). */
  readAttachment(attachment: AttachmentEntity): Promise<Buffer | null>;
}

export interface ErasureContext {
  /** The erasure's transaction. */
  m: EntityManager;
  /** The person as they were before the erasure (name and e-mail still real). */
  person: PersonEntity;
  /** What stands in their place: "Borttagen person 1a2b3c" and an address that reaches nobody. */
  placeholder: { fullName: string; email: string };
  /**
   * Deleted attachment rows whose bytes live outside PostgreSQL (S3): removed once the erasure has
   * committed (bytes in PostgreSQL go with the row).
   */
  removeStoredFiles(rows: readonly { id: string; storage: string }[]): void;
}

/** Rows changed per kind of record, e.g. { sessions: 2 }; logged, never their content. */
export type ErasureCounts = Record<string, number>;

/**
 * How one entity that references a person is exported and erased (ADR 0030). The privacy
 * coverage test fails for any entity whose relation to `person` is not listed by a handler of the
 * registry, so a new entity cannot hold personal data unnoticed.
 */
export interface PersonDataHandler {
  /** The entity class. */
  entity: abstract new (...args: never[]) => unknown;
  /** Its columns that reference `person.id`, as named in the database. */
  personColumns: readonly string[];
  /** The record of processing's categories it belongs to (art. 30); a test checks each is listed. */
  categories: readonly ProcessingCategory[];
  /** In words, for the README and the ADR's table: what the export holds of it. */
  exported: string;
  /** In words: what erasure does to it. */
  erased: string;
  /** Sections of the export (merged into the one JSON document); keys are unique across handlers. */
  export(ctx: ExportContext): Promise<Record<string, unknown>>;
  /** Deletes, blanks or keeps the person's rows; returns what it changed. */
  erase(ctx: ErasureContext): Promise<ErasureCounts>;
}
