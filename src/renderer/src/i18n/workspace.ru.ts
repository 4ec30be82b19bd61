/**
 * Russian messages of the workspace part; spread into ru.ts. Same keys as workspace.en.ts.
 */
import type { Message } from './translate'
import type { workspaceEn } from './workspace.en'

export const workspaceRu: { readonly [K in keyof typeof workspaceEn]: Message } = {
  'workspace.dismiss': 'Закрыть',
  'workspace.sandboxOff':
    'Песочница выключена: Socket Lab запущен с --no-sandbox, и вышедшая из-под контроля страница могла бы добраться до вашего компьютера. Когда сможете, запускайте без этого параметра.',

  'workspace.textSize': 'Размер текста',
  'workspace.textSize.smaller': 'Уменьшить текст',
  'workspace.textSize.larger': 'Увеличить текст',
  'workspace.textSize.reset': 'Размер текста {percent}%: сбросить',
  'workspace.textSize.shortcut': '{action} ({keys})',
  'workspace.projector': 'Проектор',
  'workspace.projector.title':
    'Режим проектора: крупный шрифт, высокая контрастность, урок и журнал событий рядом',
  'workspace.split.paneWidth': 'Ширина панели урока',
  'workspace.split.lessonHeight': 'Высота урока над журналом событий',
  'workspace.split.lessonWidth': 'Ширина урока рядом с журналом событий',
  'workspace.lesson.jumpTitle': 'Перейти к уроку',
  'workspace.http.region': 'Разбор HTTP',

  'workspace.theme': 'Тема',
  'workspace.theme.system': 'Как в системе',
  'workspace.theme.light': 'Светлая',
  'workspace.theme.dark': 'Тёмная',
  'workspace.settingsProblem':
    'Сохранённые настройки не удалось прочитать ({reason}), они заменены настройками по умолчанию.',
  'workspace.settingsProblem.corrupt': 'файл повреждён',
  'workspace.settingsProblem.unreadable': 'файл не удалось открыть',
  'workspace.settingsProblem.detail': 'Подробности',
  'workspace.settingsProblem.too-large': 'файл больше {max} МиБ',
  'workspace.settingsProblem.not-a-file':
    'Файл настроек — {found}, а не обычный файл, поэтому он пропущен и оставлен как есть: Socket Lab запущен с настройками по умолчанию и не сможет их сохранять, пока файл не удалят или не заменят обычным файлом.',
  'workspace.settingsProblem.found.directory': 'папка',
  'workspace.settingsProblem.found.fifo': 'именованный канал (FIFO)',
  'workspace.settingsProblem.found.socket': 'сокет',
  'workspace.settingsProblem.found.device': 'устройство',
  'workspace.settingsProblem.found.other': 'особый файл',
  'workspace.settingsProblem.listeners-capped': {
    one: 'В файле настроек больше слушателей, чем хранит Socket Lab ({max}): восстановлены первые {max}, {count} слушатель пропущен (при следующем сохранении его в файле не будет).',
    few: 'В файле настроек больше слушателей, чем хранит Socket Lab ({max}): восстановлены первые {max}, {count} слушателя пропущено (при следующем сохранении их в файле не будет).',
    many: 'В файле настроек больше слушателей, чем хранит Socket Lab ({max}): восстановлены первые {max}, {count} слушателей пропущено (при следующем сохранении их в файле не будет).',
    other:
      'В файле настроек больше слушателей, чем хранит Socket Lab ({max}): восстановлены первые {max}, {count} слушателя пропущено (при следующем сохранении их в файле не будет).',
  },
  'workspace.settingsProblem.file': 'Файл настроек: {file}',
  'workspace.settingsProblem.movedTo': 'Старый файл сохранён как {movedTo}.',
  'workspace.settingsSaveFailed':
    'Настройки не удалось сохранить: изменения действуют, пока Socket Lab не закрыт.',

  // A soft hyphen: a narrow counter breaks it as «отправ-лено» instead of cutting it.
  'workspace.listener.bytesOut': 'байт отправ\u00adлено',

  'workspace.input.send-empty': 'Отправлять нечего.',
  'workspace.input.send-too-large': 'Слишком много за один раз: не больше {max} МиБ.',
  'workspace.input.pattern-empty': 'Введите, что искать.',
  'workspace.input.pattern-too-long': 'Искомое — не больше {max} байт.',

  // Two short words, so that the narrow column shows the whole header on two lines.
  'workspace.connections.col.bytesOut': 'Байт отпр.',
  'workspace.connections.state.we-ended': 'мы завершили передачу (FIN)',
  'workspace.connections.idle': 'простаивает',
  'workspace.bytes.gib': '{n} ГиБ',
  'workspace.bytes.mib': '{n} МиБ',
  'workspace.bytes.title': {
    one: '{count} байт',
    few: '{count} байта',
    many: '{count} байт',
    other: '{count} байта',
  },
  'workspace.connections.idleTitle':
    'Байтов пока нет — часто это упреждающее соединение браузера; блокирующее чтение ждало бы здесь.',
  'workspace.connections.filters': 'Фильтры соединений',
  'workspace.connections.filter.state': 'Показать',
  'workspace.connections.filter.all': 'Все',
  'workspace.connections.filter.open': 'Открытые',
  'workspace.connections.filter.closed': 'Закрытые',
  'workspace.connections.filter.listener': 'Слушатель',
  'workspace.connections.filter.allListeners': 'Все слушатели',
  'workspace.connections.filter.listenerN': 'Слушатель {number}',
  'workspace.connections.filter.address': 'Адрес',
  'workspace.connections.filter.addressPlaceholder': 'например, 127.0.0.1 или :5000',
  'workspace.connections.filter.clear': 'Сбросить фильтры',
  'workspace.connections.shown': {
    one: 'показано {shown} из {count} соединения',
    few: 'показано {shown} из {count} соединений',
    many: 'показано {shown} из {count} соединений',
    other: 'показано {shown} из {count} соединения',
  },
  'workspace.connections.noMatch': 'Ни одно соединение не подходит под фильтры.',
  'workspace.stream.forgotten':
    'Соединение №{number} давно закрыто и забыто вместе с его байтами: Socket Lab хранит последние {kept} закрытых соединений.',
  'workspace.connections.forgotten': {
    one: 'забыто {count} старое закрытое соединение (хранятся последние {kept} закрытых)',
    few: 'забыто {count} старых закрытых соединения (хранятся последние {kept} закрытых)',
    many: 'забыто {count} старых закрытых соединений (хранятся последние {kept} закрытых)',
    other: 'забыто {count} старого закрытого соединения (хранятся последние {kept} закрытых)',
  },
  'workspace.closeAll': 'Закрыть все',
  'workspace.closeAll.explainAll':
    'Отправляет FIN во все открытые соединения: каждый клиент дочитает данные и получит EOF (чтение вернёт 0 байт).',
  'workspace.closeAll.explainListener':
    'Отправляет FIN во все открытые соединения слушателя {number}: каждый клиент дочитает данные и получит EOF (чтение вернёт 0 байт).',
  'workspace.closeAll.done': {
    one: 'FIN отправлен в {count} соединение.',
    few: 'FIN отправлен в {count} соединения.',
    many: 'FIN отправлен в {count} соединений.',
    other: 'FIN отправлен в {count} соединения.',
  },

  'workspace.log.weEnded': '№{number}: мы завершили свою сторону (FIN)',
  'workspace.log.usReset': '№{number}: мы сбросили соединение (RST); клиент получил ECONNRESET',
  'reason.us-reset': 'сброшено нами (RST)',
  'workspace.log.reset': '№{number} закрыто сбросом (RST) от клиента',
  'workspace.log.resetCode': '№{number} закрыто сбросом (RST) от клиента: {code}',
  'workspace.log.resetFound':
    '№{number} закрыто: после своего FIN клиент сбросил соединение (RST); это обнаружила запись нулевой длины: {code}',
  'workspace.log.goneFound':
    '№{number} закрыто после FIN клиента: запись нулевой длины обнаружила, что соединения больше нет: {code}',
  'workspace.log.echoCapped':
    '№{number}: эхо остановлено на пределе: больше {limit} МБ ждут отправки, а клиент их не читает. Что он присылает теперь, записывается, но не возвращается.',
  'workspace.log.kind.limits': 'Достигнутые пределы',
  'workspace.connections.echoCapped': '{state}; эхо остановлено: {limit} МБ не отправлены',
  'workspace.listeners.full': 'Не больше {max} слушателей: удалите одного, чтобы добавить другого.',
  'workspace.log.refusedAtLimit':
    'Отклонено соединение от {remote}: {code}, предел открытых файлов ({limit}) не оставляет места для новых соединений. Всего отклонено: {count}.',
  'workspace.log.acceptFailed': 'accept() не удался: {code}. Всего отклонено: {count}.',
  'workspace.listener.refused': 'отклонено (EMFILE)',
  'workspace.listener.refusedHint':
    'Отклонено у предела открытых файлов: {count}. Этот процесс может держать {limit} открытых файлов, и каждое соединение занимает один; новые соединения снова принимаются, когда другие закрываются.',
  'workspace.listener.refusedHintUnknown':
    'Отклонено у предела открытых файлов: {count}. Новые соединения снова принимаются, когда другие закрываются.',
  'workspace.listener.maxConnectionsLimitHint':
    'Пусто: до {capacity} соединений на всех слушателей — столько помещается ниже предела открытых файлов ({limit}); сверх этого соединения отклоняются (EMFILE). Сверх заданного здесь числа новые соединения сбрасываются.',
  'workspace.connections.state.foundByProbe': '{state}, обнаружено проверкой после FIN клиента',
  'workspace.log.filters': 'Виды событий',
  'workspace.log.kind.accepted': 'Принятые',
  'workspace.log.kind.peer-ended': 'Клиент завершил',
  'workspace.log.kind.we-ended': 'Мы завершили',
  'workspace.log.kind.closed': 'Закрытые',
  'workspace.log.kind.dropped': 'Сброшенные',
  'workspace.log.kind.listener': 'Состояние слушателя',
  'workspace.log.kind.bind-failed': 'Ошибки привязки',
  'workspace.log.search': 'Поиск по журналу',
  'workspace.log.searchPlaceholder': 'Поиск…',
  'workspace.log.shown': {
    one: 'показано {shown} из {count} события',
    few: 'показано {shown} из {count} событий',
    many: 'показано {shown} из {count} событий',
    other: 'показано {shown} из {count} события',
  },
  'workspace.log.noMatch': 'Ни одно событие не подходит под фильтры.',
  'workspace.log.paused': 'Автопрокрутка приостановлена',
  'workspace.log.burst': {
    one: 'Принято {count} соединение за {duration}',
    few: 'Принято {count} соединения за {duration}',
    many: 'Принято {count} соединений за {duration}',
    other: 'Принято {count} соединения за {duration}',
  },
  'workspace.log.burstMs': '{ms} мс',
  'workspace.log.burstDetail': 'FIN от клиента: {peerEnded}, закрыто: {closed}, сброшено: {resets}',
  'workspace.log.burstShow': {
    one: 'Показать {count} строку',
    few: 'Показать {count} строки',
    many: 'Показать {count} строк',
    other: 'Показать {count} строки',
  },
  'workspace.log.burstHide': 'Скрыть строки',
  'workspace.log.burstTitle':
    'Соединения шли быстрее, чем можно прочесть: их строки собраны здесь в одну, и все сохранены.',
  'workspace.log.pausedNew': {
    one: 'Автопрокрутка приостановлена — ниже {count} новое событие',
    few: 'Автопрокрутка приостановлена — ниже {count} новых события',
    many: 'Автопрокрутка приостановлена — ниже {count} новых событий',
    other: 'Автопрокрутка приостановлена — ниже {count} нового события',
  },
}
