/** English messages of the lessons panel; spread into en.ts. */
import type { Message } from './translate'

export const lessonsEn = {
  'lessons.region': 'Lesson',
} satisfies Record<string, Message>
