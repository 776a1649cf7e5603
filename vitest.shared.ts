import { defineConfig } from 'vitest/config';

// Tests run against package sources through the `@portage/source` export condition, so no
// build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ['@portage/source'] },
  ssr: { resolve: { conditions: ['@portage/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
