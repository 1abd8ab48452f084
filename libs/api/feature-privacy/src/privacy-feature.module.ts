import { Module } from '@nestjs/common';
import { AnalysisFeatureModule } from '@stl/api/feature-analysis';
import { AccessibilityReportResolver } from './accessibility/accessibility-report.resolver';
import { AccessibilityReportService } from './accessibility/accessibility-report.service';
import { PersonExportController } from './access/person-export.controller';
import { PersonExportService } from './access/person-export.service';
import { ErasureResolver } from './erasure/erasure.resolver';
import { ErasureService } from './erasure/erasure.service';
import { RetentionJob } from './retention/retention.job';
import { RetentionResolver } from './retention/retention.resolver';
import { RetentionService } from './retention/retention.service';

/**
 * The data-protection duties of issue 12 (ADR 0030): a person's access export, erasure on request,
 * the organisation's retention schedule and the job that applies it, the record of processing, and
 * the accessibility statement's report form.
 * What each entity that references a person gives the export and loses at erasure is listed in
 * one registry (`registry/registry.ts`).
 */
@Module({
  imports: [AnalysisFeatureModule],
  providers: [
    PersonExportService,
    ErasureService,
    ErasureResolver,
    RetentionService,
    RetentionResolver,
    RetentionJob,
    AccessibilityReportService,
    AccessibilityReportResolver,
  ],
  controllers: [PersonExportController],
})
export class PrivacyFeatureModule {}
