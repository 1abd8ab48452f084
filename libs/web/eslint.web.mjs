import angular from 'angular-eslint';

/** angular-eslint's shared configs, limited to the files they are for. */
const forFiles = (files, configs) => configs.map((config) => ({ ...config, files }));

/**
 * Lint rules shared by every web project (apps/web and libs/web/*), on top of the root config:
 * angular-eslint's recommended rules for components and templates, and its template
 * accessibility rules (labels with controls, valid aria, keyboard for click handlers, table
 * scope …) on every template, inline ones included.
 */
export default [
  ...forFiles(['**/*.ts'], angular.configs.tsRecommended),
  { files: ['**/*.ts'], processor: angular.processInlineTemplates },
  ...forFiles(['**/*.html'], angular.configs.templateRecommended),
  ...forFiles(['**/*.html'], angular.configs.templateAccessibility),
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'stl', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'stl', style: 'camelCase' },
      ],
    },
  },
  // Written by tools/scripts/web-codegen.ts; typechecked, not linted.
  { ignores: ['**/src/generated/**'] },
  // A project's lint and jest configs extend the shared ones by path: configuration, not a lib import.
  {
    files: ['**/eslint.config.mjs', '**/jest.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zone.js',
              message: 'The web app runs zoneless: signals and OnPush drive change detection.',
            },
          ],
          patterns: [
            {
              group: ['@angular/common/http'],
              message: 'Only libs/web/data-access talks HTTP: use its typed GraphQL client.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data-access lib owns HTTP; the app provides HttpClient.
    files: ['**/data-access/src/**/*.ts', '**/app.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
