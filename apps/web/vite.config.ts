import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server during development; override when it runs on another port.
const apiTarget = process.env.FAZHI_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
