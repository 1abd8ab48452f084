module.exports = {
  displayName: 'web-feature-follow-up',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Pure logic only (no Angular): the matrix cells and filters, changes to an allocation preview.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
