import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation, PersonEntity, SchoolEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { DomainError, NotFoundError } from '@stl/api/util-errors';
import { paginate, requestLoader } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import type { CreateSchoolInput } from './dto/create-school.input';
import type { UpdateSchoolInput } from './dto/update-school.input';
import type { SchoolsArgs } from './schools.args';

@Injectable()
export class SchoolService {
  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly access: AccessPolicy,
  ) {}

  /** Every member of an organisation may see its schools. */
  list(actor: Actor, args: SchoolsArgs): Promise<Page<SchoolEntity>> {
    this.access.assertMemberOf(actor, args.organisationId);
    return paginate(args, (skip, take) =>
      this.schools.findAndCount({
        where: { organisationId: args.organisationId },
        order: { name: 'ASC', id: 'ASC' },
        skip,
        take,
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<SchoolEntity> {
    const school = await this.schools.findOne({ where: { id } });
    if (!school || school.organisationId !== actor.organisationId) throw new NotFoundError('school', id);
    return school;
  }

  async create(actor: Actor, input: CreateSchoolInput): Promise<SchoolEntity> {
    this.access.assertAdminOf(actor, input.organisationId);
    const school = this.schools.create({
      organisationId: input.organisationId,
      name: input.name,
      unitCode: input.unitCode ?? null,
    });
    return this.saveUnique(school);
  }

  async update(actor: Actor, id: string, input: UpdateSchoolInput): Promise<SchoolEntity> {
    const school = await this.get(actor, id);
    this.access.assertAdminOf(actor, school.organisationId);
    if (input.name !== undefined) school.name = input.name;
    if (input.unitCode !== undefined) school.unitCode = input.unitCode;
    return this.saveUnique(school);
  }

  /**
   * Checks that every given school belongs to the organisation: NOT_FOUND otherwise, whether it does
   * not exist or belongs to someone else, so nothing hints at other organisations' schools.
   */
  async assertInOrganisation(
    manager: EntityManager,
    organisationId: string,
    schoolIds: (string | null | undefined)[],
  ): Promise<void> {
    const wanted = [...new Set(schoolIds.filter((s): s is string => !!s))];
    if (!wanted.length) return;
    const found = await manager.find(SchoolEntity, {
      select: { id: true },
      where: { id: In(wanted), organisationId },
    });
    const missing = wanted.find((s) => !found.some((f) => f.id === s));
    if (missing) throw new NotFoundError('school', missing);
  }

  /** Schools by id for one request, limited to the actor's organisation. */
  byId(req: object, actor: Actor, id: string): Promise<SchoolEntity | null> {
    return requestLoader<string, SchoolEntity | null>(
      req,
      'organisation:schoolById',
      async (ids) => {
        const rows = await this.schools.find({
          where: { id: In([...ids]), organisationId: actor.organisationId },
        });
        return new Map(rows.map((s) => [s.id, s]));
      },
      null,
    ).load(id);
  }

  /** Active people whose home school this is, for one request. */
  async peopleCount(req: object, actor: Actor, school: SchoolEntity): Promise<number> {
    if (school.organisationId !== actor.organisationId) return 0;
    return requestLoader<string, number>(
      req,
      'organisation:peopleCountBySchool',
      async (ids) => {
        const rows = await this.people
          .createQueryBuilder('p')
          .select('p.schoolId', 'schoolId')
          .addSelect('count(*)::int', 'n')
          .where({ schoolId: In([...ids]), active: true })
          .groupBy('p.schoolId')
          .getRawMany<{ schoolId: string; n: number }>();
        return new Map(rows.map((r) => [r.schoolId, r.n]));
      },
      0,
    ).load(school.id);
  }

  /** Names are unique per organisation ignoring case; a unit code names one school unit. */
  private async saveUnique(school: SchoolEntity): Promise<SchoolEntity> {
    const others = { organisationId: school.organisationId, ...(school.id ? { id: Not(school.id) } : {}) };
    const sameName = await this.schools
      .createQueryBuilder('s')
      .where(others)
      .andWhere('lower(s.name) = lower(:name)', { name: school.name })
      .getExists();
    if (sameName) throw this.nameTaken(school.name);
    if (school.unitCode && (await this.schools.exists({ where: { ...others, unitCode: school.unitCode } }))) {
      throw new DomainError('CONFLICT', `Another school already has the unit code ${school.unitCode}.`, [
        { field: 'unitCode', code: 'UNIT_CODE_TAKEN', message: 'Another school already has this unit code.' },
      ]);
    }
    try {
      return await this.schools.save(school);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.nameTaken(school.name);
      throw error;
    }
  }

  private nameTaken(name: string): DomainError {
    return new DomainError('CONFLICT', `There is already a school named "${name}" in this organisation.`, [
      { field: 'name', code: 'NAME_TAKEN', message: 'There is already a school with this name.' },
    ]);
  }
}
