module.exports = {
  displayName: 'web-feature-admin',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Pure logic only (no Angular): error mapping, certification standing, section editing, cohort defaults.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
