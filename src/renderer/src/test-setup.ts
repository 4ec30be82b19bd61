/**
 * Component tests: unmount after each test, and give jsdom the few browser APIs it lacks.
 */
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  // A file may run under Node instead (`// @vitest-environment node`): there is no window.
  if (typeof window !== 'undefined') window.localStorage.clear()
})
