/** Russian messages of the client panel; spread into ru.ts. */
import type { clientEn } from './client.en'
import type { Message } from './translate'

export const clientRu: { readonly [K in keyof typeof clientEn]: Message } = {
  'client.region': 'Клиент',
}
