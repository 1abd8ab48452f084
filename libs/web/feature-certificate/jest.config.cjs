const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Pure logic only (no Angular): what state a participant's certificate is in.
    componentTests.logicTests(__dirname, 'web-feature-certificate'),
  ],
};
