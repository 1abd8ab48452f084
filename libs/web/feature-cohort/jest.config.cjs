const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Pure logic (no Angular): formatting, error mapping, text conversion.
    componentTests.logicTests(__dirname, 'web-feature-cohort'),
    // Components in a DOM: the setup steps' behaviour.
    componentTests(__dirname, 'web-feature-cohort'),
  ],
};
