import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError } from 'typeorm';
import {
  OrganisationEntity,
  PersonEntity,
  RoleGrantEntity,
  hydrate,
  selectColumns,
} from '@stl/api/data-access-db';
import type { ViewerModel } from './viewer.model';

/** The signed-in person as they see themselves: the answer of `me` and of every way to sign in. */
@Injectable()
export class ViewerService {
  private sql: string | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement: the person with their organisation and role grants joined (issue 13: `me` was
   * three reads after the session's; every page of the web app asks for it first). Written by hand
   * and hydrated through the entities' metadata: TypeORM's query builder spent more CPU building
   * and mapping this statement than the rest of the request.
   */
  async load(personId: string): Promise<ViewerModel> {
    const m = this.dataSource.manager;
    // A platform operator has no organisation and no roles in one (ADR 0015): both joins may be empty.
    this.sql ??= `SELECT ${selectColumns(m, PersonEntity, 'p', 'p_')},
                         ${selectColumns(m, OrganisationEntity, 'o', 'o_')},
                         ${selectColumns(m, RoleGrantEntity, 'g', 'g_')}
                    FROM person p
                    LEFT JOIN organisation o ON o.id = p.organisation_id
                    LEFT JOIN role_grant g ON g.person_id = p.id
                   WHERE p.id = $1
                   ORDER BY g.role`;
    const rows = await m.query<Record<string, unknown>[]>(this.sql, [personId]);
    const [first] = rows;
    if (!first) throw new EntityNotFoundError(PersonEntity, { id: personId });
    const person = hydrate(m, PersonEntity, first, 'p_');
    return {
      person,
      email: person.email,
      organisation: first['o_id'] === null ? null : hydrate(m, OrganisationEntity, first, 'o_'),
      roles: rows.filter((r) => r['g_id'] !== null).map((r) => hydrate(m, RoleGrantEntity, r, 'g_')),
      platformOperator: person.platformOperator,
    };
  }
}
