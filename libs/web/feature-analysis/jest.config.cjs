const componentTests = require('../jest.component.cjs');

/**
 * Pure logic (no Angular): formatting, error mapping, text conversion; and component specs
 * (`*.component.spec.ts`) in their own project.
 */
module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-feature-analysis'),
    componentTests(__dirname, 'web-feature-analysis'),
  ],
};
