import type { EntityMetadata } from 'typeorm';

/** Column types (as the driver names them) whose JSON value is what TypeORM hydrates. */
const AS_IS = new Set(['uuid', 'character varying', 'text', 'smallint', 'integer', 'boolean', 'jsonb']);
const TIMESTAMP = 'timestamp with time zone';

/**
 * Rows of an entity read as JSON inside another statement (the cohort list reads each cohort's
 * meetings and rounds as a json array beside the cohort row, issue 13), one array of column values
 * per row, made into the entities TypeORM would have loaded: every column under its property name,
 * timestamps as Dates. Timestamps travel as whole milliseconds since 1970, rounded down as the pg
 * driver reads them (a Date is far quicker made from a number than from an ISO string). Only column
 * types whose JSON form is what TypeORM hydrates are allowed; any other (numeric, bigint, date,
 * simple-array, a transformer) is refused when the reader is made, so that an entity gaining such a
 * column fails the tests rather than answering with a wrong type.
 */
export class EntityJson<T> {
  private readonly columns: { property: string; database: string; timestamp: boolean }[];

  constructor(private readonly metadata: EntityMetadata) {
    this.columns = metadata.columns
      .filter((c) => !c.isVirtual)
      .map((c) => {
        const type = metadata.dataSource.driver.normalizeType(c);
        const simple = c.type === 'simple-array' || c.type === 'simple-json';
        const timestamp = type === TIMESTAMP && !c.isArray;
        if (
          c.transformer ||
          c.isVirtualProperty ||
          c.embeddedMetadata ||
          simple ||
          !(AS_IS.has(type) || timestamp)
        )
          throw new Error(
            `${metadata.name}.${c.propertyName} (${type}${c.isArray ? '[]' : ''}) cannot be read back from JSON as TypeORM reads it.`,
          );
        return { property: c.propertyName, database: c.databaseName, timestamp };
      });
  }

  /**
   * `json_build_array(...)` of every column of the entity's row `alias`, in a fixed order: no key
   * names, so the json the driver parses is half the size of an object's.
   */
  arrayOf(alias: string): string {
    const value = (c: { database: string; timestamp: boolean }) =>
      c.timestamp ? `floor(extract(epoch FROM ${alias}."${c.database}") * 1000)` : `${alias}."${c.database}"`;
    return `json_build_array(${this.columns.map(value).join(', ')})`;
  }

  /**
   * A select-list expression over parent rows (as `parentAlias`): this entity's rows whose
   * `foreignKey` column names the parent's id, ordered by the `orderBy` column, as a json array of
   * `arrayOf` rows (null for none). The cohort list reads each cohort's meetings and rounds so.
   */
  childrenOf(parentAlias: string, foreignKey: string, orderBy: string): string {
    const child = 'child_row';
    return `(SELECT json_agg(${this.arrayOf(child)} ORDER BY ${child}."${orderBy}") FROM ${this.metadata.tablePath} ${child} WHERE ${child}."${foreignKey}" = ${parentAlias}.id)`;
  }

  /** The entities from what `childrenOf` read: none for null. */
  readAll(json: readonly (readonly unknown[])[] | null): T[] {
    return (json ?? []).map((row) => this.read(row));
  }

  /** The entity from what `arrayOf` made of its row. */
  read(json: readonly unknown[]): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as Record<string, unknown>;
    const { columns } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = json[i] ?? null;
      entity[columns[i].property] =
        columns[i].timestamp && value !== null ? new Date(value as number) : value;
    }
    return entity as T;
  }
}
