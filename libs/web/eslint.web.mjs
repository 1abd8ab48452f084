/**
 * Lint rules shared by every web project (apps/web and libs/web/*), on top of the root config.
 *
 * The @nx/eslint-plugin Angular configs (flat/angular, flat/angular-template) need the
 * `angular-eslint` package, which is not installed yet; once it is, add
 * `...nx.configs['flat/angular'], ...nx.configs['flat/angular-template']` here.
 */
export default [
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
