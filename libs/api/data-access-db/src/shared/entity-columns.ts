import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Entities from hand-written SQL (ADR 0041), for the hot reads that join or aggregate more than
 * TypeORM's finders can say in one statement. One entity's columns in a hand-written statement that joins several tables: `select` lists them
 * under the table's alias (each as "alias.property"), and `from` builds the entity back from a row
 * the way TypeORM's find would (the same properties and value conversions), so what one joined
 * statement read can stand in for what a loader reads, without TypeORM's query building and
 * hydration per statement. The columns come from the entity's metadata: a column added later is
 * read too. Columns named in `omit` are left out (large ones a list does not need).
 */
export class EntityColumns<T extends ObjectLiteral> {
  /** The select list, e.g. `"p"."id" AS "p.id", "p"."full_name" AS "p.fullName"`. */
  readonly select: string;
  private readonly metadata: EntityMetadata;
  private readonly columns: { column: ColumnMetadata; key: string }[];
  private readonly idKey: string;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    alias: string,
    omit: readonly (keyof T & string)[] = [],
  ) {
    this.metadata = dataSource.getMetadata(target);
    const escape = (name: string) => dataSource.driver.escape(name);
    this.columns = this.metadata.columns
      .filter((c) => c.isSelect && !c.isVirtual && !omit.includes(c.propertyName as keyof T & string))
      .map((column) => {
        if (column.embeddedMetadata) {
          throw new Error(`${this.metadata.name}.${column.propertyPath}: embedded columns are not supported`);
        }
        return { column, key: `${alias}.${column.propertyName}` };
      });
    // A row of the entity has every primary column set; a left join that found none has them null.
    const [primary] = this.metadata.primaryColumns;
    if (!primary) throw new Error(`${this.metadata.name}: a primary column expected`);
    this.idKey = `${alias}.${primary.propertyName}`;
    this.select = this.columns
      .map(({ column, key }) => `${escape(alias)}.${escape(column.databaseName)} AS ${escape(key)}`)
      .join(', ');
  }

  /** The entity in the row; null when the row has none (a left join that found nothing). */
  from(row: Record<string, unknown>): T | null {
    if (row[this.idKey] === null || row[this.idKey] === undefined) return null;
    const entity = this.metadata.create() as Record<string, unknown>;
    const driver = this.dataSource.driver;
    for (const { column, key } of this.columns) {
      entity[column.propertyName] = driver.prepareHydratedValue(row[key], column);
    }
    return entity as T;
  }
}
