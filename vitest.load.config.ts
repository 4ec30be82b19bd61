import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/load/**/*.load.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
  },
})
