// ESLint flat config: typescript-eslint's type-aware recommended rules over the code, the rules and the tests,
// with Prettier's config last so that no rule argues with the formatter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Indexed reads carry `!` as if noUncheckedIndexedAccess were on: it marks where a value is known to exist.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // graphql's Kind and ts-morph's declaration kinds are string enums, read against the strings they stand for.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Terminal control characters are matched on purpose: they are what output sanitizing strips.
      'no-control-regex': 'off',
      // Commands and analyzers implement async interfaces; some have nothing to wait for.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read the CLI's JSON output as data and assert on what it holds.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Expected screens are matched space for space, as they are drawn.
      'no-regex-spaces': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'vitest.config.ts'], ...tseslint.configs.disableTypeChecked },
  prettier,
  {
    // No line over 140 characters, outside data: Prettier breaks code at 140, but not strings, template literals or
    // regular expressions, which are messages and patterns read whole.
    rules: {
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
);
