/** English messages of the diagnostics panel; spread into en.ts. */
import type { Message } from './translate'

export const diagnosticsEn = {
  'diagnostics.region': 'Diagnostics',
} satisfies Record<string, Message>
