import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import { elementBaseClasses } from './tools/elements.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'src/locales/generated/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    // The classes elements are built on, from the element registry (tools/elements.mjs).
    settings: { wc: { elementBaseClasses: elementBaseClasses() } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['scripts/**', 'tools/**', 'src/cli/**', 'test/cli/**', 'test/i18n/**', 'test/server/**', 'test/wordpress/**', '*.config.*', 'bench/**', '.ci/**', 'packages/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The DOM-free core never reaches up: no lit, no leaflet, no components, no events module.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'src/core is DOM-free: no lit.' },
            { group: ['leaflet', 'leaflet/*'], message: 'src/core is DOM-free: no leaflet.' },
            { group: ['**/components/**', '**/kit/**'], message: 'src/core never imports the elements or their kit.' },
            { group: ['**/events.js', '**/events'], message: 'src/core never imports the events module (put shared types in core).' },
          ],
        },
      ],
    },
  },
  {
    // The kit serves every element and knows none of them.
    files: ['src/kit/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/components/**'], message: 'src/kit never imports an element.' }] }],
    },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
