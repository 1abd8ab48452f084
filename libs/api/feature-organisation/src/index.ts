export * from './organisation-feature.module';
