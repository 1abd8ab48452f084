const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Pure logic (no Angular): error mapping, certification standing, defaults.
    componentTests.logicTests(__dirname, 'web-feature-admin'),
    // Screens in a DOM.
    componentTests(__dirname, 'web-feature-admin'),
  ],
};
