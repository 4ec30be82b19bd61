import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { version } from './package.json'
import { developmentCsp, rendererMetaCsp } from './src/main/csp'

/**
 * Puts the Content-Security-Policy meta tag into index.html: the strict one in the build, the
 * development one (Vite's inline preamble, injected styles and hot-reload socket) under the dev
 * server. Both come from src/main/csp.ts, the one place the policies are written.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'socket-lab-csp',
    transformIndexHtml(html, context) {
      const content = context.server ? developmentCsp() : rendererMetaCsp()
      return {
        html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content },
            injectTo: 'head-prepend',
          },
        ],
      }
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // index: the Electron main process. web: browser mode, the same engine under plain Node.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The app's version, written into exported progress files.
    define: { __APP_VERSION__: JSON.stringify(version) },
    base: './',
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
})
