import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built to dist/renderer with relative asset URLs so Electron can load it from disk.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
