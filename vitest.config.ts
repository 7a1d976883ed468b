import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
        // The CLI's bundle (packages/cli/dist), which the tests that start `minutes` run.
        globalSetup: ['packages/cli/test/global-setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Language-server and CLI tests spawn processes; two cores are all there is.
        pool: 'forks',
        poolOptions: { forks: { maxForks: 2, minForks: 1 } }
    }
});
