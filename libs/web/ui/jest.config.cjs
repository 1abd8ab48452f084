const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [componentTests.logicTests(__dirname, 'web-ui'), componentTests(__dirname, 'web-ui')],
};
