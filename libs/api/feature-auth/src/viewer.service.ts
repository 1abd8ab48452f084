import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError } from 'typeorm';
import { EntityColumns, OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';
import type { ViewerModel } from './viewer.model';

/** The signed-in person as they see themselves: the answer of `me` and of every way to sign in. */
@Injectable()
export class ViewerService {
  private readonly person: EntityColumns<PersonEntity>;
  private readonly organisation: EntityColumns<OrganisationEntity>;
  private readonly grant: EntityColumns<RoleGrantEntity>;
  private readonly sql: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.person = new EntityColumns(dataSource, PersonEntity, 'p');
    this.organisation = new EntityColumns(dataSource, OrganisationEntity, 'o');
    this.grant = new EntityColumns(dataSource, RoleGrantEntity, 'g');
    // A platform operator has no organisation and no roles in one (ADR 0015): both joins may be empty.
    this.sql = `SELECT ${this.person.select}, ${this.organisation.select}, ${this.grant.select}
                  FROM person p
                  LEFT JOIN organisation o ON o.id = p.organisation_id
                  LEFT JOIN role_grant g ON g.person_id = p.id
                 WHERE p.id = $1
                 ORDER BY g.role`;
  }

  /**
   * One statement: the person with their organisation and role grants joined (issue 13: `me` was
   * three reads after the session's; every page of the web app asks for it first). Written by hand
   * and hydrated through the entities' metadata (EntityColumns, ADR 0041): TypeORM's query builder spent more CPU building
   * and mapping this statement than the rest of the request.
   */
  async load(personId: string): Promise<ViewerModel> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(this.sql, [personId]);
    const person = rows[0] ? this.person.from(rows[0]) : null;
    if (!person) throw new EntityNotFoundError(PersonEntity, { id: personId });
    return {
      person,
      email: person.email,
      organisation: this.organisation.from(rows[0]),
      roles: rows.flatMap((r) => this.grant.from(r) ?? []),
      platformOperator: person.platformOperator,
    };
  }
}
