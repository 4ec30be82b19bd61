import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { version } from './package.json'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/main/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/preload/**/*.test.ts',
            'scripts/**/*.test.ts',
            // Renderer modules whose tests need Node (a tool run, a real server): `x.node.test.ts`.
            'src/renderer/**/*.node.test.ts',
          ],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        define: { __APP_VERSION__: JSON.stringify(version) },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          exclude: ['src/renderer/**/*.node.test.ts'],
          setupFiles: ['src/renderer/src/test-setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
})
