export { SelfAssessmentFeatureModule } from './self-assessment-feature.module';
export { SelfAssessmentService } from './self-assessment.service';
