module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // Once per run: the server, and a migrated and a seeded template database that each test file
  // copies (startTestApi) instead of migrating and seeding its own.
  globalSetup: '<rootDir>/../../libs/api/data-access-db/src/testing/global-setup-with-templates.ts',
  globalTeardown: '<rootDir>/../../libs/api/data-access-db/src/testing/global-teardown.ts',
  // Each integration file boots the API on its own database; two at a time suits a 2-core machine.
  maxWorkers: 2,
  testTimeout: 60000,
};
