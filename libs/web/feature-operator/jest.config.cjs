const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-feature-operator'),
    componentTests(__dirname, 'web-feature-operator'),
  ],
};
