import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './shared/snake-naming.strategy';

/** The one description of how the API talks to PostgreSQL. Schema changes come only from migrations. */
export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: 'stl-api',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    extra: { max: 10 },
    ...overrides,
    // By default TypeORM 0.3 drops null and undefined values from find criteria, so
    // `findOneBy({ id: undefined })` answers with some row and `findBy({ schoolId: null })` with all
    // of them; in update and delete criteria they match nothing and the write is silently lost.
    // Refuse both, explicitly: TypeORM 1.x defaults to this, but 1.0.0 applied the default to finds
    // only (typeorm/typeorm#12578). SQL NULL is asked for with IsNull(). After the overrides, so no
    // caller can turn it off. See docs/adr/0008-no-silent-where-criteria.md.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
  } as DataSourceOptions;
}
