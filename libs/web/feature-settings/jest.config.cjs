module.exports = {
  displayName: 'web-feature-settings',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Pure logic only (no Angular): which kinds of mail each person is offered, and how they group.
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
