import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AuditEventEntity,
  CertificationEntity,
  OrganisationEntity,
  PersonEntity,
  RoleGrantEntity,
  SchoolEntity,
  SessionEntity,
} from '@stl/api/data-access-db';
import { AccountFeatureModule } from '@stl/api/feature-account';
import { AuditEventsResolver } from './audit/audit-events.resolver';
import { AuditLogService } from './audit/audit-log.service';
import { CertificationResolver } from './certification/certification.resolver';
import { CertificationService } from './certification/certification.service';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OrganisationService } from './organisation/organisation.service';
import { PlatformResolver } from './platform/platform.resolver';
import { PlatformService } from './platform/platform.service';
import { StaffImportResolver } from './staff-import/staff-import.resolver';
import { StaffImportService } from './staff-import/staff-import.service';
import { PersonResolver } from './person/person.resolver';
import { PersonService } from './person/person.service';
import { SchoolResolver } from './school/school.resolver';
import { SchoolService } from './school/school.service';
import { SchoolHolidayResolver } from './holidays/school-holiday.resolver';
import { SchoolHolidayService } from './holidays/school-holiday.service';

/** Organisations, schools, people, their roles and certifications (GraphQL; see README). */
@Module({
  imports: [
    // Invitations (ADR 0013) for new administrators and imported staff.
    AccountFeatureModule,
    TypeOrmModule.forFeature([
      OrganisationEntity,
      SchoolEntity,
      PersonEntity,
      RoleGrantEntity,
      CertificationEntity,
      SessionEntity,
      AuditEventEntity,
    ]),
  ],
  providers: [
    OrganisationService,
    OrganisationResolver,
    SchoolService,
    SchoolResolver,
    PersonService,
    PersonResolver,
    CertificationService,
    CertificationResolver,
    // Platform operators (ADR 0015)
    PlatformService,
    PlatformResolver,
    // Staff import from CSV/XLSX (issue 9)
    StaffImportService,
    StaffImportResolver,
    // School holidays that meeting suggestions avoid (issue 19)
    SchoolHolidayService,
    SchoolHolidayResolver,
    // The audit log, searched by administrators (issue 12, ADR 0029)
    AuditLogService,
    AuditEventsResolver,
  ],
  exports: [
    OrganisationService,
    SchoolService,
    PersonService,
    CertificationService,
    PlatformService,
    AuditLogService,
  ],
})
export class OrganisationFeatureModule {}
