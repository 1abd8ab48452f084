const componentTests = require('../jest.component.cjs');

/** Pure logic (no Angular), and component specs (`*.component.spec.ts`) in their own project. */
module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-feature-school'),
    componentTests(__dirname, 'web-feature-school'),
  ],
};
