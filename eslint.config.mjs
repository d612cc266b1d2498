import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** class-validator's IsOptional lets an explicit null through to services typed `T | undefined`. */
const noNullSkippingValidator = {
  name: 'class-validator',
  importNames: ['IsOptional'],
  message: 'Use IsOmittable from src/infra/http/is-omittable: null is validated, not skipped.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'client/dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'test/artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    // engine-binaries reads PATH, CARGO_HOME and HOME to find a binary, not configuration; engine-process passes
    // the environment on to the engine's child with the engine's secret added.
    ignores: [
      'src/infra/config/**',
      'src/main.ts',
      'src/infra/database/engine-binaries.ts',
      'src/infra/database/engine-process.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Inject AppConfig; only infra/config reads the environment.',
        },
      ],
    },
  },
  {
    // class-validator's IsOptional lets an explicit null through to services typed `T | undefined`.
    files: ['src/**/*.ts'],
    ignores: ['src/infra/config/**', 'src/pii/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noNullSkippingValidator,
          ],
        },
      ],
    },
  },
  {
    // Moderation decides and audits; the module that stores content carries the change out (PostLifecycle,
    // MessageLifecycle, TopicLifecycle). So moderation reaches no other module's storage. (Repeats the
    // class-validator entry above: a later no-restricted-imports replaces an earlier one.)
    files: ['src/moderation/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noNullSkippingValidator,
          ],
          patterns: [
            {
              group: ['../*/*.repository', '../*/*.schema', '../*/*-counters'],
              message: "Call the owning module's lifecycle service; moderation touches no other module's storage.",
            },
          ],
        },
      ],
    },
  },
  {
    // Driver errors stay in the storage layer: repositories translate a duplicate key into AlreadyStored
    // (uniqueWrite), which services catch.
    files: ['src/**/*.ts'],
    ignores: ['src/infra/database/**', 'src/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='isDuplicateKey']",
          message: 'Catch AlreadyStored; only src/infra/database and repositories read driver errors.',
        },
      ],
    },
  },
  {
    // The detector runs in the browser too: it may import only itself, libphonenumber-js and tlds.
    files: ['src/pii/**/*.ts'],
    ignores: ['src/pii/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'node:*',
            'mongoose',
            'react',
            'fs',
            'path',
            'crypto',
            '../*/**',
            '../../*',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
