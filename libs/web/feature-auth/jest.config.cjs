const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Components in a DOM: the pages mailed links lead to, and asking for a link (ADR 0013).
    componentTests(__dirname, 'web-feature-auth'),
  ],
};
