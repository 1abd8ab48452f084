import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';
import type { ViewerModel } from './viewer.model';

/** The signed-in person as they see themselves: the answer of `me` and of every way to sign in. */
@Injectable()
export class ViewerService {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
  ) {}

  async load(personId: string): Promise<ViewerModel> {
    const person = await this.people.findOneOrFail({ where: { id: personId } });
    // A platform operator has no organisation and no roles in one (ADR 0015).
    const [organisation, roles] = await Promise.all([
      person.organisationId === null
        ? null
        : this.organisations.findOneOrFail({ where: { id: person.organisationId } }),
      this.grants.find({ where: { personId }, order: { role: 'ASC' } }),
    ]);
    return { person, email: person.email, organisation, roles, platformOperator: person.platformOperator };
  }
}
