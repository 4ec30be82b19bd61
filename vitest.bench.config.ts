import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    execArgv: ['--expose-gc'],
  },
})
