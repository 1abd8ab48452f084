import { SessionEntity } from './auth/session.entity';
import { CohortMembershipEntity } from './cohort/cohort-membership.entity';
import { CohortEntity } from './cohort/cohort.entity';
import { AttendanceEntity } from './meeting/attendance.entity';
import { MeetingEntity } from './meeting/meeting.entity';
import { OrganisationEntity } from './organisation/organisation.entity';
import { SchoolEntity } from './organisation/school.entity';
import { CertificationEntity } from './person/certification.entity';
import { PersonEntity } from './person/person.entity';
import { RoleGrantEntity } from './person/role-grant.entity';
import { AnalysisRoundEntity } from './round/analysis-round.entity';
import { AnalysisTemplateVersionEntity } from './template/analysis-template-version.entity';
import { AnalysisTemplateEntity } from './template/analysis-template.entity';
import { TemplateSectionEntity } from './template/template-section.entity';

/** Every entity, for the DataSource. Order does not matter. */
export const ENTITIES = [
  OrganisationEntity,
  SchoolEntity,
  PersonEntity,
  RoleGrantEntity,
  CertificationEntity,
  SessionEntity,
  CohortEntity,
  CohortMembershipEntity,
  MeetingEntity,
  AttendanceEntity,
  AnalysisTemplateEntity,
  AnalysisTemplateVersionEntity,
  TemplateSectionEntity,
  AnalysisRoundEntity,
];
