import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by `testops serve` on the API's own origin; during `npm run dev` the API is proxied.
const api = process.env['TESTOPS_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle budget is measured by `npm run bench:web`; this only keeps the warning meaningful.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/openapi.json', '/health', '/ready'].map((path) => [path, api])),
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // Component tests render Mantine in happy-dom; a busy CI machine needs more than the default.
    testTimeout: 20_000,
  },
});
