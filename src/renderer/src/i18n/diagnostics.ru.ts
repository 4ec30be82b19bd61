/** Russian messages of the diagnostics panel; spread into ru.ts. */
import type { diagnosticsEn } from './diagnostics.en'
import type { Message } from './translate'

export const diagnosticsRu: { readonly [K in keyof typeof diagnosticsEn]: Message } = {
  'diagnostics.region': 'Диагностика',
}
