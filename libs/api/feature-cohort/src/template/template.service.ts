import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisTemplateEntity,
  AnalysisTemplateVersionEntity,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import type {
  AnalysisTemplatesArgs,
  CreateAnalysisTemplateInput,
  CreateTemplateVersionArgs,
  TemplateSectionInput,
} from './dto/template.inputs';
import { sectionKeyProblems } from './template-rules';

/**
 * Analysis templates (analysmallar). Content lives in immutable versions: a change is a new
 * version, so what participants already write in never shifts under them.
 */
@Injectable()
export class TemplateService {
  constructor(
    private readonly policy: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AnalysisTemplateEntity) private readonly templates: Repository<AnalysisTemplateEntity>,
    @InjectRepository(AnalysisTemplateVersionEntity)
    private readonly versions: Repository<AnalysisTemplateVersionEntity>,
    @InjectRepository(TemplateSectionEntity) private readonly sections: Repository<TemplateSectionEntity>,
  ) {}

  /** Every member of an organisation may read its templates (participants write in them). */
  list(actor: Actor, args: AnalysisTemplatesArgs): Promise<AnalysisTemplateEntity[]> {
    const organisationId = args.organisationId ?? actor.organisationId;
    this.policy.assertMemberOf(actor, organisationId);
    return this.templates.find({ where: { organisationId }, order: { name: 'ASC', id: 'ASC' } });
  }

  async get(actor: Actor, id: string): Promise<AnalysisTemplateEntity> {
    const template = await this.templates.findOne({ where: { id } });
    if (!template || template.organisationId !== actor.organisationId)
      throw new NotFoundError('analysis template', id);
    return template;
  }

  async create(actor: Actor, input: CreateAnalysisTemplateInput): Promise<AnalysisTemplateEntity> {
    this.policy.assertAdminOf(actor, input.organisationId);
    this.checkSections(input.sections);
    return this.dataSource.transaction(async (m) => {
      const template = await m.save(
        m.create(AnalysisTemplateEntity, {
          organisationId: input.organisationId,
          name: input.name,
          description: input.description ?? '',
        }),
      );
      await this.addVersion(m, template.id, 1, actor.personId, input.sections);
      return template;
    });
  }

  /** A new version numbered after the latest; the template row is locked so two admins cannot collide. */
  async createVersion(actor: Actor, args: CreateTemplateVersionArgs): Promise<AnalysisTemplateVersionEntity> {
    const template = await this.get(actor, args.templateId);
    this.policy.assertAdminOf(actor, template.organisationId);
    this.checkSections(args.sections);
    return this.dataSource.transaction(async (m) => {
      await m
        .getRepository(AnalysisTemplateEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: template.id })
        .getOneOrFail();
      const latest = await m.findOne(AnalysisTemplateVersionEntity, {
        where: { templateId: template.id },
        order: { version: 'DESC' },
      });
      const version = await this.addVersion(
        m,
        template.id,
        (latest?.version ?? 0) + 1,
        actor.personId,
        args.sections,
      );
      await m.update(AnalysisTemplateEntity, { id: template.id }, { updatedAt: new Date() });
      return version;
    });
  }

  /**
   * A version usable by a cohort of `organisationId`: NOT_FOUND for an unknown id or another
   * organisation's template, which is not the caller's to know about.
   */
  async assertVersionInOrganisation(
    m: EntityManager,
    organisationId: string,
    versionId: string,
  ): Promise<void> {
    const found = await m
      .getRepository(AnalysisTemplateVersionEntity)
      .createQueryBuilder('v')
      .innerJoin('v.template', 't')
      .where('v.id = :versionId AND t.organisationId = :organisationId', { versionId, organisationId })
      .getExists();
    if (!found) throw new NotFoundError('analysis template version', versionId);
  }

  /** A template's versions, oldest first; batched per request. */
  versionsOf(req: object, templateId: string): Promise<AnalysisTemplateVersionEntity[]> {
    return requestLoader<string, AnalysisTemplateVersionEntity[]>(
      req,
      'cohort:template-versions',
      async (ids) =>
        groupBy(
          await this.versions.find({ where: { templateId: In([...ids]) }, order: { version: 'ASC' } }),
          (v) => v.templateId,
        ),
      [],
    ).load(templateId);
  }

  versionById(req: object, id: string): Promise<AnalysisTemplateVersionEntity | null> {
    return requestLoader<string, AnalysisTemplateVersionEntity | null>(
      req,
      'cohort:template-version',
      async (ids) =>
        new Map((await this.versions.find({ where: { id: In([...ids]) } })).map((v) => [v.id, v])),
      null,
    ).load(id);
  }

  /** A version's sections in order; batched per request. */
  sectionsOf(req: object, versionId: string): Promise<TemplateSectionEntity[]> {
    return requestLoader<string, TemplateSectionEntity[]>(
      req,
      'cohort:template-sections',
      async (ids) =>
        groupBy(
          await this.sections.find({
            where: { templateVersionId: In([...ids]) },
            order: { position: 'ASC' },
          }),
          (s) => s.templateVersionId,
        ),
      [],
    ).load(versionId);
  }

  private checkSections(sections: TemplateSectionInput[]): void {
    const problems = sectionKeyProblems(sections);
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
  }

  private async addVersion(
    m: EntityManager,
    templateId: string,
    version: number,
    createdById: string,
    sections: TemplateSectionInput[],
  ): Promise<AnalysisTemplateVersionEntity> {
    const saved = await m.save(m.create(AnalysisTemplateVersionEntity, { templateId, version, createdById }));
    await m.insert(
      TemplateSectionEntity,
      sections.map((s, i) => ({
        templateVersionId: saved.id,
        position: i + 1,
        key: s.key,
        title: s.title,
        prompt: s.prompt,
        helpText: s.helpText ?? '',
        required: s.required ?? true,
      })),
    );
    return saved;
  }
}
