module.exports = {
  displayName: 'web-feature-operator',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Pure logic only (no Angular).
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
