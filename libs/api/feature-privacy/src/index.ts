export { PrivacyFeatureModule } from './privacy-feature.module';
export { PERSON_DATA_HANDLERS } from './registry/registry';
export type { PersonDataHandler, ErasureContext, ExportContext } from './registry/person-data';
export { uncoveredPersonReferences } from './registry/coverage';
export { placeholderOf } from './registry/person.handler';
