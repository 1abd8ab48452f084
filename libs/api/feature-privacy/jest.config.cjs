module.exports = {
  displayName: 'api-feature-privacy',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The coverage spec builds TypeORM's metadata on a real (scratch) PostgreSQL database.
  globalSetup: '<rootDir>/../data-access-db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../data-access-db/src/testing/global-teardown.ts',
};
