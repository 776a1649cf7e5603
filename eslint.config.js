// One flat config for the whole workspace; each project runs `eslint .` from its own folder.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/generated/**', '**/.nx/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Architecture rules from ../shared/ARCHITECTURE.md: core packages never import
      // connectors, generators or tools; connectors import only core packages; nothing
      // imports a generator or a tool at run time.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
            { sourceTag: 'type:connector', onlyDependOnLibsWithTags: ['type:core'] },
            { sourceTag: 'type:generator', onlyDependOnLibsWithTags: ['type:core'] },
            // Tools (benchmarks, fake platforms, drift) are dev-time and may use each other.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:core', 'type:connector', 'type:tool'] },
          ],
        },
      ],
    },
  },
  {
    // Each project's vitest config re-exports the one shared config at the workspace root.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
