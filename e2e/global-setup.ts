import { createRequire } from 'node:module'

const require = createRequire(__filename)

/** Builds once before any worker starts `npm run web`, so two workers never build at once. */
export default function globalSetup(): void {
  const { ensureBuilt } = require('../scripts/web.cjs') as { ensureBuilt: () => void }
  ensureBuilt()
}
