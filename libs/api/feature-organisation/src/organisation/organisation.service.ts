import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { OrganisationEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { requestLoader } from '@stl/api/util-graphql';
import type { UpdateOrganisationInput } from './dto/update-organisation.input';

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly access: AccessPolicy,
  ) {}

  /** The actor's own organisation; any other id is NOT_FOUND. */
  async get(actor: Actor, id: string): Promise<OrganisationEntity> {
    this.access.assertMemberOf(actor, id);
    const organisation = await this.organisations.findOne({ where: { id } });
    if (!organisation) throw new NotFoundError('organisation', id);
    return organisation;
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    this.access.assertAdminOf(actor, id);
    const organisation = await this.get(actor, id);
    organisation.name = input.name;
    return this.organisations.save(organisation);
  }

  /** Organisations by id for one request; only the actor's own is ever returned. */
  byId(req: object, actor: Actor, id: string): Promise<OrganisationEntity | null> {
    return requestLoader<string, OrganisationEntity | null>(
      req,
      'organisation:organisationById',
      async (ids) => {
        const rows = await this.organisations.find({
          where: { id: In(ids.filter((i) => i === actor.organisationId)) },
        });
        return new Map(rows.map((o) => [o.id, o]));
      },
      null,
    ).load(id);
  }
}
