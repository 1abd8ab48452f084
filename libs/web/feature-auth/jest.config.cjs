const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [componentTests(__dirname, 'web-feature-auth')],
};
