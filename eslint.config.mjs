import nx from '@nx/eslint-plugin';

/**
 * Module boundaries: every project carries a scope tag and a type tag; these constraints are the
 * architecture (see docs/architecture.md). Never loosen them to '*'.
 */
const depConstraints = [
  // scope: who may talk to whom
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', 'scope:mail'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:mail', onlyDependOnLibsWithTags: ['scope:mail', 'scope:shared'] },
  // type: layers
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
  // The course rules are pure: no framework, no database, no I/O.
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'rxjs', 'express', 'nodemailer'],
  },
];

/**
 * The cohort command boundary (ADR 0012): in the feature libraries that hold cohort data, nothing
 * opens a transaction or writes through an injected repository or data source; every change goes
 * through CohortCommands (libs/api/feature-cohort-commands), which locks the cohort, checks access
 * and the lifecycle table in its transaction. Work inside a command writes through the transaction
 * manager it is given (`tx`/`m`), which these selectors do not match.
 */
const WRITE =
  '/^(save|insert|update|upsert|delete|remove|softDelete|softRemove|increment|decrement|restore)$/';
const OWN_TRANSACTION = {
  selector: 'CallExpression[callee.property.name=/^(transaction|createQueryRunner)$/]',
  message:
    'Cohort data changes only through CohortCommands.run/runOn (ADR 0012): no transactions of its own in this library.',
};
const WRITES_OUTSIDE_COMMAND = [
  // this.repo.save(…), this.dataSource.query is not matched (reads)
  `CallExpression[callee.object.object.type='ThisExpression'][callee.property.name=${WRITE}]`,
  // this.dataSource.manager.save(…)
  `CallExpression[callee.object.property.name='manager'][callee.object.object.object.type='ThisExpression'][callee.property.name=${WRITE}]`,
  // this.dataSource.getRepository(X).save(…)
  `CallExpression[callee.object.callee.property.name='getRepository'][callee.object.callee.object.object.type='ThisExpression'][callee.property.name=${WRITE}]`,
].map((selector) => ({
  selector,
  message:
    'Cohort data changes only inside CohortCommands.run/runOn, through the transaction manager it gives (ADR 0012).',
}));
const COHORT_FEATURES = ['cohort', 'review', 'analysis', 'notification'].map(
  (lib) => `libs/api/feature-${lib}/src/**/*.ts`,
);
/** Files in those libraries that change no cohort data, each with its reason. */
const OUTSIDE_THE_BOUNDARY = [
  '**/*.spec.ts',
  // Analysis templates belong to the organisation, not to a cohort.
  'libs/api/feature-cohort/src/template/template.service.ts',
  // The support signal's thresholds belong to the organisation, not to a cohort.
  'libs/api/feature-review/src/progress/support-thresholds.service.ts',
  // The outbox, its queue and delivery: mail rows written in the caller's command or by workers.
  'libs/api/feature-notification/src/outbox/**',
  'libs/api/feature-notification/src/queue/**',
  // The reminder schedule writes outbox rows only, in its own transactions per batch.
  'libs/api/feature-notification/src/reminders/reminder-planner.ts',
  // A person's own mail preferences and the unsubscribe link; expired sessions.
  'libs/api/feature-notification/src/preferences/**',
  'libs/api/feature-notification/src/housekeeping/**',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/tmp', '**/coverage'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Lets consistent-type-imports leave decorated files alone: NestJS DI needs value imports there.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Tests read loosely typed GraphQL responses.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['tools/**/*', '**/*.config.*', 'jest.preset.js'],
    rules: { 'no-console': 'off' },
  },
  {
    files: COHORT_FEATURES,
    ignores: [...OUTSIDE_THE_BOUNDARY, '**/*.resolver.ts'],
    rules: { 'no-restricted-syntax': ['error', OWN_TRANSACTION, ...WRITES_OUTSIDE_COMMAND] },
  },
  {
    // Resolvers call services (whose methods may be called update, delete…), never open transactions.
    files: COHORT_FEATURES.map((f) => f.replace('**/*.ts', '**/*.resolver.ts')),
    rules: { 'no-restricted-syntax': ['error', OWN_TRANSACTION] },
  },
];
