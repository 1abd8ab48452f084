import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityNotFoundError, Repository } from 'typeorm';
import { PersonEntity } from '@stl/api/data-access-db';
import type { ViewerModel } from './viewer.model';

/** The signed-in person as they see themselves: the answer of `me` and of every way to sign in. */
@Injectable()
export class ViewerService {
  constructor(@InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>) {}

  /**
   * One statement: the person with their organisation and role grants joined (issue 13: `me` was
   * three reads after the session's; every page of the web app asks for it first).
   */
  async load(personId: string): Promise<ViewerModel> {
    const found = await this.people
      .createQueryBuilder('p')
      // A platform operator has no organisation and no roles in one (ADR 0015): both joins may be empty.
      .leftJoinAndSelect('p.organisation', 'o')
      .leftJoinAndSelect('p.roleGrants', 'g')
      .where('p.id = :personId', { personId })
      .orderBy('g.role', 'ASC')
      .getOne();
    if (!found) throw new EntityNotFoundError(PersonEntity, { id: personId });
    const { organisation, roleGrants, ...rest } = found;
    const person = Object.assign(new PersonEntity(), rest);
    return {
      person,
      email: person.email,
      organisation: organisation ?? null,
      roles: roleGrants ?? [],
      platformOperator: person.platformOperator,
    };
  }
}
