// Three build targets of one config, as the electron-vite templates do: main, preload, renderer.
import { resolve } from 'node:path';
import { cpSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** The figure font is read by resvg's native code, so it ships as a file beside the main bundle (unpacked from asar). */
const copyFigureFonts = (): Plugin => ({
  name: 'gradlab-copy-figure-fonts',
  closeBundle() {
    cpSync(resolve('core/figures/fonts'), resolve('out/main/fonts'), { recursive: true });
  },
});

export default defineConfig({
  main: {
    plugins: [copyFigureFonts()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          // The engine runs in its own process (utilityProcess in the app): its own entry.
          engine: resolve('core/engine/process/entry.ts'),
          // The history's reader threads (core/store/reader-pool.ts): their own entry too.
          reader: resolve('core/store/reader-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require chunks: one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
