import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    // A backend round trip with a software-rendered map on 2 busy cores can take seconds:
    // vitest's default of 1 s made expect.poll fail a paint stroke that committed later.
    expect: { poll: { timeout: 20_000 } },
  },
});
