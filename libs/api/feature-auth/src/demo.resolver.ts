import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  DEMO_DOMAIN,
  DEMO_IDS,
  DEMO_OPERATOR_EMAIL,
  PersonEntity,
  Role,
  RoleGrantEntity,
  SchoolEntity,
} from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { Public } from './access.decorators';

@ObjectType('DemoAccount', {
  description: 'A seeded demo account offered on the sign-in page; each signs in with the demo password.',
})
export class DemoAccountModel {
  @Field({ description: "The demo account's e-mail address (its sign-in name)." })
  email!: string;

  @Field({ description: "The demo person's full name." })
  fullName!: string;

  @Field(() => Role, {
    nullable: true,
    description: 'The role the account shows off (the strongest it holds); null for the platform operator.',
  })
  role!: Role | null;

  @Field({ description: 'Whether this is the demo platform operator (ADR 0015), who runs the service.' })
  platformOperator!: boolean;

  @Field(() => String, { nullable: true, description: 'Home school, for teachers and school leaders.' })
  schoolName!: string | null;

  @Field({ description: 'What the account is, in plain English, e.g. "Teacher at Ekbackeskolan".' })
  description!: string;
}

/** Strongest first: the role a demo account is offered as. */
const ROLE_ORDER = [Role.ADMINISTRATOR, Role.COURSE_LEADER, Role.SCHOOL_LEADER, Role.TEACHER];
const ROLE_TEXT: Record<Role, string> = {
  [Role.ADMINISTRATOR]: 'Administrator',
  [Role.COURSE_LEADER]: 'Course leader',
  [Role.SCHOOL_LEADER]: 'School leader',
  [Role.TEACHER]: 'Teacher',
};
/** Teachers offered per school: enough to try two schools' views without a list of 24. */
const TEACHERS_PER_SCHOOL = 2;

/**
 * Demo mode only (SEED_DEMO at boot): the seeded people worth signing in as, so anyone trying the
 * platform is in with two clicks. Outside demo mode the list is empty and nothing is revealed.
 */
@Resolver(() => DemoAccountModel)
@Public()
export class DemoResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
  ) {}

  @Query(() => [DemoAccountModel], {
    description: 'Demo accounts to sign in as, when the demo organisation was seeded at boot; else empty.',
  })
  async demoAccounts(): Promise<DemoAccountModel[]> {
    if (!this.config.seedDemo) return [];
    const people = (
      await this.people.find({
        where: { organisationId: DEMO_IDS.organisation, active: true },
        order: { id: 'ASC' },
      })
    ).filter((p) => p.email.endsWith(`@${DEMO_DOMAIN}`));
    if (!people.length) return [];
    const [grants, schools] = await Promise.all([
      this.grants.find({ where: { personId: In(people.map((p) => p.id)) } }),
      this.schools.find({ where: { organisationId: DEMO_IDS.organisation } }),
    ]);
    const schoolName = new Map(schools.map((s) => [s.id, s.name]));
    const teachersAt = new Map<string | null, number>();
    const accounts: DemoAccountModel[] = [];
    for (const p of people) {
      const held = new Set(grants.filter((g) => g.personId === p.id).map((g) => g.role));
      const role = ROLE_ORDER.find((r) => held.has(r));
      if (!role) continue;
      if (role === Role.TEACHER) {
        const seen = teachersAt.get(p.schoolId) ?? 0;
        if (seen >= TEACHERS_PER_SCHOOL) continue;
        teachersAt.set(p.schoolId, seen + 1);
      }
      const school = p.schoolId ? (schoolName.get(p.schoolId) ?? null) : null;
      const showsSchool = role === Role.TEACHER || role === Role.SCHOOL_LEADER;
      accounts.push({
        email: p.email,
        fullName: p.fullName,
        role,
        schoolName: showsSchool ? school : null,
        description: showsSchool && school ? `${ROLE_TEXT[role]} at ${school}` : ROLE_TEXT[role],
        platformOperator: false,
      });
    }
    accounts.sort((a, b) => ROLE_ORDER.indexOf(a.role as Role) - ROLE_ORDER.indexOf(b.role as Role));
    // Last, the operator who runs the platform (ADR 0015), to try the organisation pages.
    const operator = await this.people.findOne({ where: { email: DEMO_OPERATOR_EMAIL, active: true } });
    if (operator?.platformOperator) {
      accounts.push({
        email: operator.email,
        fullName: operator.fullName,
        role: null,
        schoolName: null,
        description: 'Platform operator',
        platformOperator: true,
      });
    }
    return accounts;
  }
}
