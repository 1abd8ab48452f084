export { PrivacyFeatureModule } from './privacy-feature.module';
export { PERSON_DATA_HANDLERS } from './registry/registry';
export type { PersonDataHandler, ErasureContext, ExportContext } from './registry/person-data';
export { uncoveredPersonReferences } from './registry/coverage';
export { placeholderOf } from './registry/person.handler';
export { RetentionJob, RETENTION_QUEUE, RETENTION_CRON } from './retention/retention.job';
export type { RetentionReport } from './retention/retention.job';
