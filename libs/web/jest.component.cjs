const path = require('node:path');
const { createEsmPreset } = require('jest-preset-angular/presets');
const nxPreset = require('@nx/jest/preset').default;

/**
 * The jest project for a web lib's component specs (`*.component.spec.ts`): the Angular compiler
 * (jest-preset-angular), a jsdom page and zoneless change detection, as the app runs. A lib's
 * jest.config.cjs lists it next to its pure-logic project (SWC, node), which skips these files.
 */
module.exports = function componentTests(rootDir, displayName) {
  return {
    // ESM, as `npm test` runs jest with --experimental-vm-modules (.env.test); the compiler options
    // are the app's, as ES modules (tsconfig.component-spec.json).
    ...createEsmPreset({ tsconfig: path.join(__dirname, 'tsconfig.component-spec.json') }),
    displayName: `${displayName}:components`,
    rootDir,
    resolver: nxPreset.resolver,
    testMatch: ['<rootDir>/src/**/*.component.spec.ts'],
    setupFilesAfterEnv: [path.join(__dirname, 'jest.component.setup.ts')],
    // A file's first test compiles its components; on a loaded 2-core machine that alone passed
    // jest's 5 s default (holidays.page timed out at 5 s while passing in 1 s on a quiet one).
    testTimeout: 20_000,
  };
};

/** The pure-logic project of a web lib, as before: the repo preset, no DOM. */
module.exports.logicTests = function logicTests(rootDir, displayName) {
  return {
    displayName,
    preset: path.join(__dirname, '../../jest.preset.js'),
    rootDir,
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    testPathIgnorePatterns: ['\\.component\\.spec\\.ts$'],
  };
};
