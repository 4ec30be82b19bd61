/** English messages of the client panel; spread into en.ts. */
import type { Message } from './translate'

export const clientEn = {
  'client.region': 'Client',
} satisfies Record<string, Message>
