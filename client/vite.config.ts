import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The SPA the Nest process serves from client/dist. No @vitejs/plugin-react (its peer range excludes Vite 8):
 * Vite's own Oxc transform compiles JSX with the automatic runtime, which is all React 19 needs.
 */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  resolve: {
    alias: {
      // The same detector and socket protocol as the server: framework-free TypeScript under src/.
      '@pii': here('../src/pii/index.ts'),
      '@digest': here('../src/publishing/findings-digest.ts'),
      // The server's own Markdown settings, so the preview shows what will be published.
      '@markdown': here('../src/infra/rendering/markdown-renderer.ts'),
      '@socket-protocol': here('../src/realtime/socket-protocol.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
