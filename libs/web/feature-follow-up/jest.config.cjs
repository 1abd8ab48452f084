const componentTests = require('../jest.component.cjs');

module.exports = {
  projects: [
    // Pure logic only (no Angular): the matrix cells and filters, changes to an allocation preview.
    componentTests.logicTests(__dirname, 'web-feature-follow-up'),
    // Components in a DOM: changing a pair on the allocation preview.
    componentTests(__dirname, 'web-feature-follow-up'),
  ],
};
