import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonEntity } from '@stl/api/data-access-db';
import { CohortFeatureModule } from '@stl/api/feature-cohort';
import { OrganisationFeatureModule } from '@stl/api/feature-organisation';
import { ReviewFeatureModule } from '@stl/api/feature-review';
import { AuditExportController } from './audit/audit-export.controller';
import { CohortExportController } from './cohort/cohort-export.controller';
import { CohortExportService } from './cohort/cohort-export.service';
import { FollowUpExportController } from './organisation/follow-up-export.controller';

/**
 * Downloads (XLSX and CSV) of what the follow-up screens show, over plain HTTP with the session
 * cookie (ADR 0020). The writers in `table/` are generic; each export only builds a workbook from
 * the services its screen uses.
 */
@Module({
  imports: [
    CohortFeatureModule,
    ReviewFeatureModule,
    OrganisationFeatureModule,
    TypeOrmModule.forFeature([PersonEntity]),
  ],
  providers: [CohortExportService],
  // The audit log's download (issue 12, ADR 0029)
  controllers: [CohortExportController, AuditExportController, FollowUpExportController],
})
export class ExportFeatureModule {}
