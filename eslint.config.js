// Lint keeps the layers one-way: core → db → backend → transports; renderer → core only;
// only electron/ imports Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ours = (layers) => ({
  regex: `(^|/)(${layers.join('|')})/`,
  message: 'This layer may not import that one (see docs/architecture.md).',
});
const nodeBuiltins = { regex: '^node:', message: 'Only db/, backend/ and electron/ may use Node built-ins.' };
const electron = { group: ['electron'], message: "Only electron/ imports 'electron'." };
const sqlite = { group: ['better-sqlite3'], message: 'Only db/ and backend/ talk to SQLite.' };

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'data/', 'test-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['core/**'],
    rules: restrict([
      ours(['db', 'backend', 'electron', 'renderer', 'build']),
      nodeBuiltins,
      electron,
      sqlite,
      { group: ['react', 'react-dom', 'antd', 'zustand'] },
    ]),
  },
  { files: ['db/**'], rules: restrict([ours(['backend', 'electron', 'renderer', 'build']), electron]) },
  { files: ['backend/**'], rules: restrict([ours(['electron', 'renderer', 'build']), electron]) },
  {
    files: ['renderer/**'],
    rules: restrict([ours(['db', 'backend', 'electron', 'build']), nodeBuiltins, electron, sqlite]),
  },
  { files: ['scripts/**', 'build/**'], rules: restrict([electron]) },
  {
    // db.serialize() hands back the decrypted image of an encrypted file, and db.backup() refuses an
    // encrypted source: copies are made with VACUUM INTO (db/snapshot.ts). Tests may use either.
    ignores: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(serialize|backup)$/]',
          message:
            'serialize() leaks plaintext and backup() fails on encrypted files: copy with writeSnapshot (db/snapshot.ts).',
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'test/**', 'build/**', 'backend/serve.ts', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
