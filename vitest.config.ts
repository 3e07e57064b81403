import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One test command for the whole repository. Unit tests sit beside their code; `test/`
 * holds the tests that start processes, servers, containers or a browser, run one file
 * at a time because they share the machine's two cores.
 */
export default defineConfig({
  resolve: {
    // The renderer imports the engine's API contract; tests read it from source, unbuilt.
    alias: {
      '@skiff/engine/api-contract': fileURLToPath(
        new URL('engine/src/api/contract.ts', import.meta.url),
      ),
    },
  },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'engine/src/**/*.test.ts',
            'electron/src/**/*.test.ts',
            'renderer/src/**/*.test.ts',
            'scripts/**/*.test.{ts,mjs}',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
