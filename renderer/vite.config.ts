/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The engine's API contract holds only types and route paths; read it from source so the
// renderer builds (and its tests run) before the engine has been compiled.
const apiContract = fileURLToPath(new URL('../engine/src/api/contract.ts', import.meta.url));

// In `vite` dev mode, API calls go to a running engine: SKIFF_ENGINE_URL=http://127.0.0.1:PORT
const engineUrl = process.env['SKIFF_ENGINE_URL'];
const engineProxy = engineUrl
  ? {
      '/api': { target: engineUrl, changeOrigin: false },
      '/apis': { target: engineUrl, changeOrigin: false },
    }
  : undefined;

export default defineConfig({
  // The engine serves dist/ at `/` with a fallback to index.html for every UI path,
  // so assets use absolute URLs and deep links such as /runs/abc still find them.
  base: '/',
  plugins: [svelte()],
  resolve: {
    alias: { '@skiff/engine/api-contract': apiContract },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Svelte's runtime in its own chunk: named plainly and cached across UI updates.
        codeSplitting: { groups: [{ name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ }] },
      },
    },
  },
  server: { proxy: engineProxy },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
