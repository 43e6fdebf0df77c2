import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static app: served by the Electron app protocol, or by `vite preview`
// in browser mode. `base: './'` keeps every asset path relative so both hosts work.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../resources/public',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
