const componentTests = require('../jest.component.cjs');

/** Pure logic (no Angular): the leader's to-do lines. */
module.exports = componentTests.logicTests(__dirname, 'web-feature-home');
