import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import {
  AnalysisRoundEntity,
  AnalysisTemplateEntity,
  AnalysisTemplateVersionEntity,
  AttendanceEntity,
  CohortEntity,
  CohortMembershipEntity,
  MeetingEntity,
  PersonEntity,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { AttendanceService } from './attendance/attendance.service';
import { CohortResolver } from './cohort/cohort.resolver';
import { CohortService } from './cohort/cohort.service';
import { CohortGate } from './common/cohort-gate.service';
import { MeetingResolver } from './meeting/meeting.resolver';
import { MeetingService } from './meeting/meeting.service';
import { MembershipResolver } from './membership/membership.resolver';
import { MembershipService } from './membership/membership.service';
import { RoundResolver } from './round/round.resolver';
import { RoundService } from './round/round.service';
import { TemplateResolver, TemplateVersionResolver } from './template/template.resolver';
import { TemplateService } from './template/template.service';

/** Cohorts, their leaders and participants, meetings, attendance, templates and rounds (see README). */
@Module({
  imports: [
    CohortCommandsModule,
    TypeOrmModule.forFeature([
      CohortEntity,
      CohortMembershipEntity,
      PersonEntity,
      MeetingEntity,
      AttendanceEntity,
      AnalysisTemplateEntity,
      AnalysisTemplateVersionEntity,
      TemplateSectionEntity,
      AnalysisRoundEntity,
    ]),
  ],
  providers: [
    CohortGate,
    CohortService,
    CohortResolver,
    MembershipService,
    MembershipResolver,
    MeetingService,
    MeetingResolver,
    AttendanceService,
    AttendanceResolver,
    TemplateService,
    TemplateResolver,
    TemplateVersionResolver,
    RoundService,
    RoundResolver,
  ],
  exports: [
    CohortService,
    MembershipService,
    MeetingService,
    AttendanceService,
    RoundService,
    TemplateService,
  ],
})
export class CohortFeatureModule {}
