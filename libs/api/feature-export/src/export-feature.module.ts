import { Module } from '@nestjs/common';
import { CohortFeatureModule } from '@stl/api/feature-cohort';
import { ReviewFeatureModule } from '@stl/api/feature-review';
import { CohortExportController } from './cohort/cohort-export.controller';
import { CohortExportService } from './cohort/cohort-export.service';

/**
 * Downloads (XLSX and CSV) of what the follow-up screens show, over plain HTTP with the session
 * cookie (ADR 0020). The writers in `table/` are generic; each export only builds a workbook from
 * the services its screen uses.
 */
@Module({
  imports: [CohortFeatureModule, ReviewFeatureModule],
  providers: [CohortExportService],
  controllers: [CohortExportController],
})
export class ExportFeatureModule {}
