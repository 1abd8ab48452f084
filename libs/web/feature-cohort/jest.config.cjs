module.exports = {
  displayName: 'web-feature-cohort',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Pure logic only (no Angular): formatting, error mapping, text conversion.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
