const componentTests = require('../jest.component.cjs');

// Pure logic (formatting, error mapping, text conversion) with SWC in node; the language service,
// which needs Angular's injector and a page, as a component spec.
module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-util-i18n'),
    componentTests(__dirname, 'web-util-i18n'),
  ],
};
