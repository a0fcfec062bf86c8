/// <reference types="vitest/config" />
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig, type Plugin } from 'vite'

// The API serves the built app from the Python package (graphql/web.py), so the build lands there.
const outDir = fileURLToPath(new URL('../graphql/web_dist', import.meta.url))
const api = process.env.REDCHAIN_API ?? `http://127.0.0.1:${process.env.PORT ?? '8000'}`

/** A .gz copy beside each large text asset, which the API sends to browsers that accept gzip. */
function gzipAssets(dir: string): Plugin {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]))
  return {
    name: 'redchain-gzip-assets',
    apply: 'build',
    closeBundle() {
      for (const file of walk(dir)) {
        if (/\.(js|css|svg|json)$/.test(file) && statSync(file).size > 1024) {
          writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }))
        }
      }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each component and its CSS are imported where a template uses them.
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' }),
    gzipAssets(outDir),
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
