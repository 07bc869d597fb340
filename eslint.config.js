import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'bench/real/node_modules/**',
      'bench/mutation/node_modules/**',
      'bench/mutation/.work/**',
      'test/.tmp/**',
      '**/generated/**',
      'testops-out/**',
      'web/node_modules/**',
      'web/dist/**',
      'web/src/api/openapi-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Browser code (plain ES modules, no build): the price calculator demo's client and the
    // fixture apps explorer tests run against.
    files: ['examples/price-calculator/public/**/*.js', 'test/fixtures/apps/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'localStorage',
          'location',
          'fetch',
          'Node',
          'Element',
          'Blob',
          'URLSearchParams',
          'TextEncoder',
          'TextDecoder',
          'atob',
          'btoa',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    files: [
      'eslint.config.js',
      'vitest.config.ts',
      '*.config.*',
      '**/playwright.config.ts',
      'web/*.config.*',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
