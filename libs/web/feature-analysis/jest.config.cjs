const componentTests = require('../jest.component.cjs');

/**
 * Pure logic (no Angular): formatting, error mapping, text conversion, local drafts; and specs that
 * need a DOM (`*.component.spec.ts`: paste cleaning, the TipTap schema, the section editor, the
 * section attachments) in their own project.
 */
module.exports = {
  projects: [
    componentTests.logicTests(__dirname, 'web-feature-analysis'),
    componentTests(__dirname, 'web-feature-analysis'),
  ],
};
