import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.venv-moto/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
      // Only the thin Electron shell may import electron (docs/ARCHITECTURE.md#layers-and-rules).
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }] }],
    },
  },
  {
    files: ['main/electron/**', 'test/unit/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The features below the API never see HandlerContext or the workspace: main/api builds their context (docs/ARCHITECTURE.md).
    files: ['main/{aws,steps,store,livetest,diagnostics,export,handoff}/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }],
          patterns: [
            { group: ['**/api/*', '**/main/api/**'], message: 'Features take their context from main/api; they never import main/api (no import cycles).' },
          ],
        },
      ],
    },
  },
  {
    // The Rules of Hooks and complete effect dependencies (react.dev, "Rules of Hooks"), plus the React Compiler's checks.
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to the API contract.' },
            ...nodeBuiltinNames.map((name) => ({ name, message: 'The renderer has no Node access.' })),
          ],
          patterns: [
            { group: ['**/main/**', '../../main/*', '../main/*'], message: 'renderer/ must not import main/: use the API contract in shared/.' },
            { group: ['node:*'], message: 'The renderer has no Node access.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure TypeScript.' }, ...nodeBuiltinNames.map((name) => ({ name, message: 'shared/ has no I/O.' }))],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' },
            { group: ['node:*'], message: 'shared/ has no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.cjs', '*.config.*'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
