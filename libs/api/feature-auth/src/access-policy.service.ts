import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { Repository } from 'typeorm';
import type { SelectQueryBuilder } from 'typeorm';
import { CohortEntity, CohortMembershipEntity, CohortRole, Role } from '@stl/api/data-access-db';
import { ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { hasRole, schoolsLedBy } from './actor';
import type { Actor } from './actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The raw columns AccessPolicy.selectViewerFacts adds to a query over cohorts. */
const ROLES = 'access_viewer_roles';
const SCHOOLS = 'access_viewer_schools';

/** A raw row of a query widened by AccessPolicy.selectViewerFacts (other columns as selected). */
export interface ViewerFactsRow {
  /** The actor's current roles in the cohort (LEADER, PARTICIPANT). */
  [ROLES]: string[];
  /** Schools the actor leads with participants in the cohort; absent for others. */
  [SCHOOLS]?: string[];
}

/** How the actor relates to one cohort. Anyone with no relation gets NOT_FOUND, never a hint. */
export interface CohortAccess {
  cohort: CohortEntity;
  admin: boolean;
  leader: boolean;
  participant: boolean;
  /** Schools the actor leads that have participants in this cohort. */
  schoolLeaderOf: string[];
  /** Admins and the cohort's leaders run it. */
  canManage: boolean;
  /** Participants and those who run it see the cohort's shared space. */
  canSeeContent: boolean;
}

/**
 * The authorisation rules, in one place, checked in the API for every object. Results are cached
 * per actor object, which lives for one request; the cohorts asked about in the same turn of the
 * event loop (a page of cohorts, each resolving its viewer role) are read together, in one
 * statement with the actor's relation to each (issue 13: the cohort list read two rows per cohort
 * before; then three statements per batch). A query that lists cohorts can read the same facts
 * itself (`selectViewerFacts`) and hand them over (`primeCohortAccess`).
 */
@Injectable()
export class AccessPolicy {
  private readonly loaders = new WeakMap<Actor, DataLoader<string, CohortAccess>>();

  constructor(
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    @InjectRepository(CohortMembershipEntity)
    private readonly memberships: Repository<CohortMembershipEntity>,
  ) {}

  isAdminOf(actor: Actor, organisationId: string | null): boolean {
    return organisationId !== null && hasRole(actor, Role.ADMINISTRATOR, organisationId);
  }

  /** An organisation is visible to its own people only. */
  assertMemberOf(actor: Actor, organisationId: string | null): void {
    if (organisationId === null || actor.organisationId !== organisationId)
      throw new NotFoundError('organisation', organisationId ?? '');
  }

  assertAdminOf(actor: Actor, organisationId: string | null): void {
    this.assertMemberOf(actor, organisationId);
    if (!this.isAdminOf(actor, organisationId)) {
      throw new ForbiddenError('Only an administrator of the organisation may do this.');
    }
  }

  cohortAccess(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const loader = this.loaderFor(actor);
    const found = loader.load(cohortId);
    // A refusal is not kept: the same request may ask again after a change (as before batching).
    found.catch(() => loader.clear(cohortId));
    return found;
  }

  async assertCanReadCohort(actor: Actor, cohortId: string): Promise<CohortAccess> {
    return this.cohortAccess(actor, cohortId);
  }

  async assertCanManageCohort(actor: Actor, cohortId: string): Promise<CohortAccess> {
    const access = await this.cohortAccess(actor, cohortId);
    if (!access.canManage) {
      throw new ForbiddenError("Only the cohort's course leaders or an administrator may do this.");
    }
    return access;
  }

  /**
   * Adds to a query over cohorts (as `alias`) what cohortAccess needs to know beside the cohort
   * row, as two raw columns read back by `primeCohortAccess`: the actor's current roles in each
   * cohort, and the schools they lead that have participants in it (only for school leaders).
   * One statement then answers for the cohorts and the actor's relation to each.
   */
  selectViewerFacts(
    qb: SelectQueryBuilder<CohortEntity>,
    actor: Actor,
    alias: string,
  ): SelectQueryBuilder<CohortEntity> {
    const membership = this.memberships.metadata.tableName;
    qb.addSelect(
      `ARRAY(SELECT m.role FROM ${membership} m WHERE m.cohort_id = ${alias}.id AND m.person_id = :accessPerson AND m.left_at IS NULL)`,
      ROLES,
    ).setParameter('accessPerson', actor.personId);
    const led = schoolsLedBy(actor);
    if (led.length)
      qb.addSelect(
        `ARRAY(SELECT DISTINCT s.school_id FROM ${membership} s WHERE s.cohort_id = ${alias}.id AND s.role = :accessParticipant AND s.school_id IN (:...accessSchools) ORDER BY 1)`,
        SCHOOLS,
      ).setParameters({ accessParticipant: CohortRole.PARTICIPANT, accessSchools: led });
    return qb;
  }

  /**
   * Keeps, for the rest of the request, the actor's access to cohorts read by a query that
   * `selectViewerFacts` widened (their raw rows beside): a list that already read them spares the
   * field resolvers that ask again a statement. Cohorts the actor has no relation to are left out.
   */
  primeCohortAccess(actor: Actor, cohorts: readonly { cohort: CohortEntity; raw: ViewerFactsRow }[]): void {
    const loader = this.loaderFor(actor);
    for (const { cohort, raw } of cohorts) {
      if (cohort.organisationId !== actor.organisationId) continue;
      const access = this.accessOf(actor, cohort, raw);
      if (access) loader.prime(cohort.id, access);
    }
  }

  private loaderFor(actor: Actor): DataLoader<string, CohortAccess> {
    let loader = this.loaders.get(actor);
    if (!loader) {
      loader = new DataLoader<string, CohortAccess>((ids) => this.loadCohortAccess(actor, ids), {
        // After every resolver of the turn has asked (Nest's pipes and guards await in between).
        batchScheduleFn: (run) => setImmediate(run),
      });
      this.loaders.set(actor, loader);
    }
    return loader;
  }

  /** The cohorts of the actor's organisation among the ids, with the actor's relation, in one statement. */
  private async loadCohortAccess(
    actor: Actor,
    cohortIds: readonly string[],
  ): Promise<(CohortAccess | NotFoundError)[]> {
    // An id that is not a UUID names no cohort (and must not fail the others' statement).
    const ids = [...new Set(cohortIds)].filter((id) => UUID.test(id));
    const read = new Map<string, CohortAccess | null>();
    if (ids.length) {
      const qb = this.cohorts
        .createQueryBuilder('c')
        .where('c.id IN (:...ids)', { ids })
        .andWhere('c.organisationId = :organisationId', { organisationId: actor.organisationId });
      const { entities, raw } = await this.selectViewerFacts(qb, actor, 'c').getRawAndEntities<
        ViewerFactsRow & { c_id: string }
      >();
      const rawOf = new Map(raw.map((r) => [r.c_id, r]));
      for (const cohort of entities)
        read.set(cohort.id, this.accessOf(actor, cohort, rawOf.get(cohort.id) as ViewerFactsRow));
    }
    return cohortIds.map((cohortId) => read.get(cohortId) ?? new NotFoundError('cohort', cohortId));
  }

  /** The actor's relation to a cohort from its row and viewer facts; null for none (NOT_FOUND). */
  private accessOf(actor: Actor, cohort: CohortEntity, raw: ViewerFactsRow): CohortAccess | null {
    const roles = raw[ROLES] ?? [];
    const admin = this.isAdminOf(actor, cohort.organisationId);
    const leader = roles.includes(CohortRole.LEADER);
    const participant = roles.includes(CohortRole.PARTICIPANT);
    const schoolLeaderOf = raw[SCHOOLS] ?? [];
    if (!admin && !leader && !participant && schoolLeaderOf.length === 0) return null;
    return {
      cohort,
      admin,
      leader,
      participant,
      schoolLeaderOf,
      canManage: admin || leader,
      canSeeContent: admin || leader || participant,
    };
  }
}
