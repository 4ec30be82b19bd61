/**
 * Russian messages of the teacher's class view; spread into ru.ts. Same keys as class.en.ts.
 */
import type { classEn } from './class.en'
import type { Message } from './translate'

export const classRu: { readonly [K in keyof typeof classEn]: Message } = {
  'class.open': 'Прогресс класса',
  'class.openHint': 'Прогресс всего класса по файлам, которые сдали ученики',
  'class.title': 'Прогресс класса',
  'class.subtitle': 'Файлы прогресса («Экспорт прогресса») и сохранённые сеансы учеников',
  'class.close': 'Закрыть',
  'class.pick': 'Открыть файлы…',
  'class.fileInput': 'Файлы прогресса или сохранённые сеансы',
  'class.exportCsv': 'Экспорт CSV',
  'class.clear': 'Очистить',
  'class.clearHint': 'Убрать все файлы из таблицы класса',
  'class.empty': 'Перетащите сюда файлы прогресса или сохранённые сеансы учеников',
  'class.emptyHint':
    'или выберите их кнопкой «Открыть файлы…»: до {max} за раз, каждый проверяется отдельно.',
  'class.dropActive': 'Отпустите, чтобы добавить файлы',
  'class.reading': 'Читаем файлы: {done} из {total}…',
  'class.busy': 'Ещё читаем предыдущие файлы; добавьте эти, когда чтение закончится.',
  'class.readFailed': 'Не удалось прочитать файлы: {reason}',
  'class.skipped': {
    one: '{count} файл не открыт: в таблице класса помещается не больше {max} файлов.',
    few: '{count} файла не открыты: в таблице класса помещается не больше {max} файлов.',
    many: '{count} файлов не открыто: в таблице класса помещается не больше {max} файлов.',
    other: '{count} файла не открыто: в таблице класса помещается не больше {max} файлов.',
  },
  'class.students': {
    one: '{count} ученик',
    few: '{count} ученика',
    many: '{count} учеников',
    other: '{count} ученика',
  },
  'class.problemCount': {
    one: '{count} файл не удалось прочитать',
    few: '{count} файла не удалось прочитать',
    many: '{count} файлов не удалось прочитать',
    other: '{count} файла не удалось прочитать',
  },
  'class.stuck': 'Чаще всего застревают на этапе {number} «{title}»',
  'class.stuckDetail': {
    one: 'Это первый незавершённый этап у {stuck} из {count} ученика.',
    few: 'Это первый незавершённый этап у {stuck} из {count} учеников.',
    many: 'Это первый незавершённый этап у {stuck} из {count} учеников.',
    other: 'Это первый незавершённый этап у {stuck} из {count} ученика.',
  },
  'class.allDone': 'Все ученики прошли все этапы.',
  'class.chapterDone':
    'Все ученики прошли главу. Этап {number} «{title}» выходит за её рамки: это дополнительное задание.',
  'class.stuckBadge': 'здесь застряли',
  'class.table': 'Ученики и этапы',
  'class.student': 'Ученик',
  'class.total': 'Всего',
  'class.noName': 'имени в файле нет',
  'class.fromSession': 'сохранённый сеанс',
  'class.ticked': '✓ {checkpoint} — {time}',
  'class.notTicked': '○ {checkpoint}',
  'class.problem.too-large': 'файл слишком большой ({size}; здесь не больше {limit}).',
  'class.problem.too-deep': 'слишком глубокая вложенность для файла прогресса или сеанса.',
  'class.problem.not-json': 'это не JSON, значит, не файл прогресса и не сеанс.',
  'class.problem.unknown-format': 'это не файл прогресса Socket Lab и не сохранённый сеанс.',
  'class.problem.newer-version':
    'файл записан более новой версией Socket Lab (формат {version}); обновите приложение, чтобы его прочитать.',
  'class.problem.damaged': 'файл повреждён ({where}).',
  'class.problem.no-progress':
    'в сохранённом сеансе нет прогресса по урокам (его сохранила старая версия Socket Lab).',
  'class.problem.unreadable': 'файл не удалось прочитать.',
  'class.problem.too-many-values':
    'в нём больше {count} массивов, объектов и элементов списков — больше, чем в любом файле прогресса или сеансе с занятия. Он не разобран.',
  'class.size.bytes': '{n} байт',
  'class.size.kib': '{n} КиБ',
  'class.size.mib': '{n} МиБ',
  'class.exported': 'Сохранено: {file}.',
  'class.exportFailed': 'Не удалось сохранить: {reason}',
  'class.csv.student': 'Ученик',
  'class.csv.file': 'Файл',
  'class.csv.stuckAt': 'Первый незавершённый этап',
  'class.csv.allDone': 'всё пройдено',
  'class.csv.chapterDone': 'глава пройдена',
  'class.csv.total': 'Отмечено контрольных точек (из {total})',
  'class.csv.stageTicked': '{number}. {title}: отмечено (из {total})',
  'class.csv.stageLastTick': '{number}. {title}: последняя отметка',
} satisfies Record<string, Message>
