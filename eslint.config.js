import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'tests/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The core is pure: no DOM, no Node, no Electron, nothing from the edges.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'dexie', 'zustand', 'fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads']
          .map((name) => ({ name, message: 'shared/ is the pure core: no edges, no Node built-ins.' })),
        patterns: [
          { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ is the pure core: it may not import the edges.' },
          { group: ['node:*'], message: 'shared/ may not use Node built-ins.' },
        ],
      }],
    },
  },
  {
    // Only the store module may import zustand (UI state lives in one place).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/state/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'zustand', message: 'Import the store from renderer/state.' }] }] },
  },
);
