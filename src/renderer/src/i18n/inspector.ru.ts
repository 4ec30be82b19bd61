/**
 * Russian messages of the inspector part; spread into ru.ts. Same keys as inspector.en.ts.
 */
import type { Message } from './translate'
import type { inspectorEn } from './inspector.en'

export const inspectorRu: { readonly [K in keyof typeof inspectorEn]: Message } = {
  'inspector.tab.chunks': 'Куски',
  'inspector.tab.http': 'HTTP',

  'inspector.show': 'Показать',
  'inspector.show.both': 'Оба направления',
  'inspector.show.in': 'Принятое (in)',
  'inspector.show.out': 'Отправленное (out)',
  'inspector.decoding': 'Декодировать как',
  'inspector.decoding.utf-8': 'UTF-8',
  'inspector.decoding.latin1': 'Latin-1',

  'inspector.dir.in': '→ клиент серверу',
  'inspector.dir.out': '← сервер клиенту',
  'inspector.gutter.in': 'in',
  'inspector.gutter.out': 'out',
  'inspector.block.bytes': {
    one: '{count} байт',
    few: '{count} байта',
    many: '{count} байт',
    other: '{count} байта',
  },
  'inspector.block.reads': {
    one: 'за {count} чтение',
    few: 'за {count} чтения',
    many: 'за {count} чтений',
    other: 'за {count} чтения',
  },
  'inspector.block.writes': {
    one: 'за {count} запись',
    few: 'за {count} записи',
    many: 'за {count} записей',
    other: 'за {count} записи',
  },
  'inspector.block.at': 'через {ms} мс после accept',
  'inspector.nothingShown': 'В этом направлении пока ничего нет.',

  'inspector.stats.in': {
    one: 'принят {count} байт',
    few: 'принято {count} байта',
    many: 'принято {count} байт',
    other: 'принято {count} байта',
  },
  'inspector.stats.out': {
    one: 'отправлен {count} байт',
    few: 'отправлено {count} байта',
    many: 'отправлено {count} байт',
    other: 'отправлено {count} байта',
  },
  'inspector.stats.reads': {
    one: '{count} чтение',
    few: '{count} чтения',
    many: '{count} чтений',
    other: '{count} чтения',
  },
  'inspector.stats.writes': {
    one: '{count} запись',
    few: '{count} записи',
    many: '{count} записей',
    other: '{count} записи',
  },
  'inspector.stats.firstByte': 'первый байт через {ms} мс после accept',
  'inspector.stats.noFirstByte': 'ещё не принято ни байта',
  'inspector.stats.idle': 'тишина {time}',
  'inspector.idleFlag':
    'Байтов пока нет — часто это упреждающее соединение браузера; блокирующее чтение ждало бы здесь.',

  'inspector.chunks.caption':
    'Каждое чтение сервера и каждая его запись. Одна запись клиента — не одно чтение сервера: TCP — это поток байтов.',
  'inspector.chunks.number': '№',
  'inspector.chunks.direction': 'Направление',
  'inspector.chunks.size': 'Размер (байт)',
  'inspector.chunks.sinceAccept': 'От accept (мс)',
  'inspector.chunks.sincePrevious': 'От предыдущего (мс)',
  'inspector.chunks.empty': 'Сохранённых чтений и записей пока нет.',
  'inspector.chunks.partlyKept': 'сохранено {kept}',

  'inspector.http.in': 'Принятое: запросы',
  'inspector.http.out': 'Отправленное: ответы',
  'inspector.http.loading': 'Разбираем…',
  'inspector.http.failed': 'Не удалось разобрать байты: {message}',
  'inspector.http.empty': 'В этом направлении пока нет байтов.',
  'inspector.http.notHttp':
    'Это не похоже на HTTP/1.x: байты не начинаются со строки запроса или статуса.',
  'inspector.http.truncated': {
    one: 'Разобран только первый {count} байт: запись обрезана по пределу или поток длиннее, чем читает вкладка HTTP (8 МиБ). Конца разговора может не быть.',
    few: 'Разобраны только первые {count} байта: запись обрезана по пределу или поток длиннее, чем читает вкладка HTTP (8 МиБ). Конца разговора может не быть.',
    many: 'Разобраны только первые {count} байт: запись обрезана по пределу или поток длиннее, чем читает вкладка HTTP (8 МиБ). Конца разговора может не быть.',
    other:
      'Разобраны только первые {count} байта: запись обрезана по пределу или поток длиннее, чем читает вкладка HTTP (8 МиБ). Конца разговора может не быть.',
  },
  'inspector.http.request': 'Запрос {number}',
  'inspector.http.response': 'Ответ {number}',
  'inspector.http.headers': 'Заголовки',
  'inspector.http.headerName': 'Имя',
  'inspector.http.headerValue': 'Значение',
  'inspector.http.noHeaders': 'Заголовков нет.',
  'inspector.http.body': {
    one: 'Тело: {count} байт.',
    few: 'Тело: {count} байта.',
    many: 'Тело: {count} байт.',
    other: 'Тело: {count} байта.',
  },
  'inspector.http.bodyExpected': {
    one: 'Тело: {count} байт из {expected} (Content-Length).',
    few: 'Тело: {count} байта из {expected} (Content-Length).',
    many: 'Тело: {count} байт из {expected} (Content-Length).',
    other: 'Тело: {count} байта из {expected} (Content-Length).',
  },
  'inspector.http.headEnd':
    'Заголовок кончается на смещении {offset}: пустая строка (CRLF CRLF) перед ним отмечена в Hex.',
  'inspector.http.headOpen': 'Заголовок ещё не закончился: пустой строки пока нет.',
  'inspector.http.problems': 'Проблемы',
  'inspector.http.atOffset': 'на смещении {offset}',
  'inspector.http.listing202': 'Что напечатает для него листинг 20-2 из книги',
  'inspector.http.problem.bare-lf':
    'Строка кончается голым \\n без \\r. HTTP требует CRLF; многие серверы это прощают, строгие — отказывают.',
  'inspector.http.problem.missing-version':
    'В конце строки запроса нет версии HTTP (вроде HTTP/1.1).',
  'inspector.http.problem.oversized-header':
    'Заголовок больше, чем обычно принимают серверы (16 КиБ); многие ответили бы 431.',
  'inspector.http.problem.incomplete-head':
    'Заголовок не закончен: пустой строки ещё нет. Блокирующее чтение всё ещё ждало бы пустую строку.',
  'inspector.http.problem.invalid-utf8':
    'Строка — не корректный UTF-8: lines().unwrap() из листинга 20-2 здесь запаникует.',
  'inspector.http.problem.bad-content-length': 'Content-Length — не корректное число байтов.',
  'inspector.http.problem.incomplete-body':
    'Тело не полное: Content-Length обещает больше байтов, чем пришло.',
  'inspector.http.problem.parse-error': 'Разборщик отверг эти байты: {detail}',

  'inspector.search': 'Поиск',
  'inspector.search.mode': 'Искать как',
  'inspector.search.mode.text': 'Текст',
  'inspector.search.mode.hex': 'Hex-байты',
  'inspector.search.direction': 'Где искать',
  'inspector.search.placeholder.text': 'например, Host:',
  'inspector.search.placeholder.hex': 'например, 0d 0a 0d 0a',
  'inspector.search.next': 'Следующее',
  'inspector.search.previous': 'Предыдущее',
  'inspector.search.noMatch': 'Не найдено.',
  'inspector.search.found': 'Найдено на смещении {offset}.',
  'inspector.search.failed': 'Поиск не удался: {message}',
  'inspector.search.invalid': 'Неверный образец: {reason} (символ {index}).',
  'inspector.search.empty': 'Введите, что искать.',
  'inspector.search.code.too-long': 'Образец слишком длинный (не больше 1024 байт)',

  'inspector.selection': {
    one: 'Выделен {count} байт {direction} на {start}',
    few: 'Выделено {count} байта {direction} на {start}–{end}',
    many: 'Выделено {count} байт {direction} на {start}–{end}',
    other: 'Выделено {count} байта {direction} на {start}–{end}',
  },
  'inspector.selection.none':
    'Щёлкните байт в Hex или кусок текста, чтобы выделить; shift+щелчок расширяет выделение. С клавиатуры: Tab к байтам, стрелки двигают, Shift+стрелки расширяют, Esc снимает.',
  'inspector.bytes.hex': 'Байты в Hex',
  'inspector.bytes.text': 'Байты текстом',
  'inspector.bytes.keys':
    'Стрелки двигают на байт или строку; Home и End — к началу и концу строки, Ctrl+Home и Ctrl+End — к началу и концу потока, Page Up и Page Down — на экран. Shift с перемещением расширяет выделение; Escape снимает его.',
  'inspector.selection.clear': 'Снять выделение',
  'inspector.copy.format': 'Копировать как',
  'inspector.copy.text': 'Текст',
  'inspector.copy.hex': 'Hex',
  'inspector.copy.base64': 'Base64',
  'inspector.copy.c': 'Массив C',
  'inspector.copy.rust': 'Массив Rust',
  'inspector.copy': 'Копировать',
  'inspector.copy.done': {
    one: 'Скопирован {count} байт.',
    few: 'Скопировано {count} байта.',
    many: 'Скопировано {count} байт.',
    other: 'Скопировано {count} байта.',
  },
  'inspector.copy.failed': 'Не удалось скопировать: буфер обмена здесь недоступен.',
  'inspector.save': 'Сохранить байты',
  'inspector.save.hint': 'Скачать показанные направления файлами .bin',

  'inspector.composer': 'Отправить клиенту',
  'inspector.composer.message': 'Сообщение',
  'inspector.composer.mode': 'Ввод',
  'inspector.composer.mode.text': 'Текст (\\r \\n \\t \\xNN)',
  'inspector.composer.mode.hex': 'Hex',
  'inspector.composer.lineEnding': 'Концы строк',
  'inspector.composer.lineEnding.as-typed': 'как набрано',
  'inspector.composer.lineEnding.lf': 'LF (\\n)',
  'inspector.composer.lineEnding.crlf': 'CRLF (\\r\\n)',
  'inspector.composer.target': 'Кому',
  'inspector.composer.target.this': 'этому соединению',
  'inspector.composer.target.all': 'всем открытым соединениям слушателя {number} ({count})',
  'inspector.composer.send': 'Отправить',
  'inspector.composer.sendFile': 'Из файла…',
  'inspector.composer.bytes': {
    one: 'к отправке {count} байт',
    few: 'к отправке {count} байта',
    many: 'к отправке {count} байт',
    other: 'к отправке {count} байта',
  },
  'inspector.composer.sent': {
    one: 'Отправлен {count} байт.',
    few: 'Отправлено {count} байта.',
    many: 'Отправлено {count} байт.',
    other: 'Отправлено {count} байта.',
  },
  'inspector.composer.sentAll': {
    one: 'Отправлено в {count} соединение.',
    few: 'Отправлено в {count} соединения.',
    many: 'Отправлено в {count} соединений.',
    other: 'Отправлено в {count} соединения.',
  },
  'inspector.composer.failed': 'Отправка не удалась: {message}',
  'inspector.composer.tooBig': 'В файле {size} байт; за раз можно отправить не больше {max}.',
  'inspector.composer.readFailed': 'Не удалось прочитать файл.',
  'inspector.composer.cannotSend':
    'В это соединение больше нельзя писать: мы его завершили (FIN) или оно закрыто.',
  'inspector.composer.error':
    '{reason}, символ {index}. Пока это не исправлено, ничего не отправится.',
  'inspector.composer.code.unknown-escape':
    'Неизвестная escape-последовательность: можно \\r, \\n, \\t, \\0, \\\\ или \\xNN',
  'inspector.composer.code.bad-hex-escape': 'После \\x нужны ровно две hex-цифры',
  'inspector.composer.code.trailing-backslash':
    'Текст кончается обратной косой чертой (одну пишут как \\\\)',
  'inspector.composer.code.odd-digits': 'Нечётное число hex-цифр: на байт нужно две',
  'inspector.composer.code.bad-hex': 'Не hex-цифра',

  'inspector.close': 'Закрыть',
  'inspector.reset': 'Сбросить',
  'inspector.close.hint':
    '«Закрыть» шлёт FIN: клиент прочитает конец файла (read в Rust вернёт Ok(0); curl и nc увидят конец соединения), но сам ещё может слать нам данные.',
  'inspector.reset.hint':
    '«Сбросить» шлёт RST: клиент получит ECONNRESET («connection reset by peer»), непрочитанные данные пропадут.',
  'inspector.action.failed': 'Не получилось: {message}',

  'inspector.table.paused': 'Автопрокрутка приостановлена',
  'inspector.table.pausedNew': {
    one: 'Автопрокрутка приостановлена — ниже {count} новое соединение',
    few: 'Автопрокрутка приостановлена — ниже {count} новых соединения',
    many: 'Автопрокрутка приостановлена — ниже {count} новых соединений',
    other: 'Автопрокрутка приостановлена — ниже {count} новых соединения',
  },
  'inspector.rust.threadId':
    "Rust 1.91 и новее печатает и номер потока: thread 'main' (12345) panicked at …",
  'inspector.text.backslash': 'символ обратной косой черты (0x5c)',
}
