import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use IsOmittable from src/infra/http/is-omittable: null is validated, not skipped.',
            },
          ],
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
