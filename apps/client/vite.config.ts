import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page is always served by server02 on port 8100 (its origin is part of
// every lesson), so Vite only builds; `pnpm dev` rebuilds on change.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
