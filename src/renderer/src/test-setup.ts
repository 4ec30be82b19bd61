/**
 * Component tests: unmount after each test, and give jsdom the few browser APIs it lacks.
 */
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})
