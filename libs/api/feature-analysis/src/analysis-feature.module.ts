import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisVersionEntity,
  CohortMembershipEntity,
  PersonEntity,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AnalysisVersionResolver } from './analysis/analysis-version.resolver';
import { AnalysisResolver } from './analysis/analysis.resolver';
import { AnalysisService } from './analysis/analysis.service';

@Module({
  imports: [
    CohortCommandsModule,
    TypeOrmModule.forFeature([
      AnalysisEntity,
      AnalysisVersionEntity,
      AnalysisRoundEntity,
      TemplateSectionEntity,
      CohortMembershipEntity,
      PersonEntity,
    ]),
  ],
  providers: [AnalysisService, AnalysisResolver, AnalysisVersionResolver],
  exports: [AnalysisService],
})
export class AnalysisFeatureModule {}
