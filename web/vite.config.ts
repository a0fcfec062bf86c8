/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vite'

// The API serves the built app from the Python package (graphql/web.py), so the build lands there.
const outDir = fileURLToPath(new URL('../graphql/web_dist', import.meta.url))
const api = process.env.REDCHAIN_API ?? `http://127.0.0.1:${process.env.PORT ?? '8000'}`

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each component and its CSS are imported where a template uses them.
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `make web-dev`: the app with hot reload, the API (a running `make run`/`make serve`) behind it.
    proxy: { '/graphql': api, '/api': api, '/healthz': api },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    server: { deps: { inline: ['element-plus'] } },
  },
})
