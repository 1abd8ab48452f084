const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Pure logic (no Angular): error mapping, certification standing, section editing, cohort defaults.
    componentTests.logicTests(__dirname, 'web-feature-admin'),
    // Screens in a jsdom page: the staff import.
    componentTests(__dirname, 'web-feature-admin'),
  ],
};
