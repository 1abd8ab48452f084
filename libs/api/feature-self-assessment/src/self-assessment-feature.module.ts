import { Module } from '@nestjs/common';
import { SelfAssessmentResolver } from './self-assessment.resolver';
import { SelfAssessmentService } from './self-assessment.service';

/** Self-assessment before and after a cohort (issue 14, ADR 0034). */
@Module({
  providers: [SelfAssessmentService, SelfAssessmentResolver],
  exports: [SelfAssessmentService],
})
export class SelfAssessmentFeatureModule {}
