const componentTests = require('../jest.component.cjs');

/**
 * Pure logic (no Angular): error mapping, certification standing, section editing, cohort defaults,
 * the SSO form's parsing; and component specs (`*.component.spec.ts`) in their own project.
 */
module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-feature-admin'),
    componentTests(__dirname, 'web-feature-admin'),
  ],
};
