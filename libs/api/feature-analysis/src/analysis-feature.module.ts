import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import {
  AnalysisDraftSnapshotEntity,
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisVersionEntity,
  CohortMembershipEntity,
  PersonEntity,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AnalysisVersionResolver } from './analysis/analysis-version.resolver';
import { AttachmentController } from './attachment/attachment.controller';
import {
  AnalysisAttachmentsResolver,
  AttachmentResolver,
  VersionAttachmentsResolver,
} from './attachment/attachment.resolver';
import { AttachmentService } from './attachment/attachment.service';
import { AttachmentStores } from './attachment/attachment-storage';
import { AnalysisResolver } from './analysis/analysis.resolver';
import { AnalysisService } from './analysis/analysis.service';
import { DraftHistoryResolver } from './draft-history/draft-history.resolver';
import { DraftHistoryService } from './draft-history/draft-history.service';

@Module({
  imports: [
    CohortCommandsModule,
    TypeOrmModule.forFeature([
      AnalysisEntity,
      AnalysisDraftSnapshotEntity,
      AnalysisVersionEntity,
      AnalysisRoundEntity,
      TemplateSectionEntity,
      CohortMembershipEntity,
      PersonEntity,
    ]),
  ],
  controllers: [AttachmentController],
  providers: [
    AnalysisService,
    AnalysisResolver,
    AnalysisVersionResolver,
    // Draft history (ADR 0028)
    DraftHistoryService,
    DraftHistoryResolver,
    // Attachments (ADR 0024)
    AttachmentStores,
    AttachmentService,
    AttachmentResolver,
    AnalysisAttachmentsResolver,
    VersionAttachmentsResolver,
  ],
  exports: [AnalysisService, AttachmentStores],
})
export class AnalysisFeatureModule {}
