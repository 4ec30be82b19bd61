/** Russian messages of the lessons panel; spread into ru.ts. */
import type { lessonsEn } from './lessons.en'
import type { Message } from './translate'

export const lessonsRu: { readonly [K in keyof typeof lessonsEn]: Message } = {
  'lessons.region': 'Урок',
}
