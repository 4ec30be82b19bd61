/** Russian messages of the diagnostics: who holds a port, excluded ranges, localhost. */
import type { diagnosticsEn } from './diagnostics.en'
import type { Message } from './translate'

export const diagnosticsRu: { readonly [K in keyof typeof diagnosticsEn]: Message } = {
  'diagnostics.askingOs': 'Спрашиваем ОС…',
  'diagnostics.failedRequest': 'Socket Lab не смог выполнить проверку: {error}',

  'diagnostics.who.button': 'Кто занял этот порт?',
  'diagnostics.who.found': {
    one: 'ОС показывает {count} слушающий сокет на порту {port}:',
    few: 'ОС показывает {count} слушающих сокета на порту {port}:',
    many: 'ОС показывает {count} слушающих сокетов на порту {port}:',
    other: 'ОС показывает {count} слушающих сокета на порту {port}:',
  },
  'diagnostics.who.holder': '{name}, PID {pid}, слушает {address}',
  'diagnostics.who.holderNoName': 'PID {pid} (имя неизвестно), слушает {address}',
  'diagnostics.who.holderHidden': 'Слушающий сокет на {address}: ОС не сказала, чей он',
  'diagnostics.who.self': 'это сам Socket Lab (другой его слушатель)',
  'diagnostics.who.hidden':
    'ОС показывает сокет, но не его процесс. Без прав root ss называет процесс только для ваших собственных сокетов: выполните команду ниже через sudo.',
  'diagnostics.who.hiddenRoot':
    'ОС показывает сокет, но не его процесс — даже root: процесс может быть вне поля зрения программы (например, в другом контейнере).',
  'diagnostics.who.nobody':
    'Сейчас порт {port} никто не слушает. Если занимавшая его программа завершилась, повторный запуск должен пройти.',
  'diagnostics.who.nobodyPartial':
    'lsof не находит слушателя на порту {port} среди процессов, которые ему видны. Без прав root он видит только ваши процессы, так что порт может держать программа другого пользователя: выполните команду ниже через sudo.',
  'diagnostics.who.unsupported':
    'Для этой ОС в Socket Lab нет проверки. Попробуйте команды выше, если они есть в вашей системе.',

  'diagnostics.missing': 'Здесь не найдено: {tools}. Socket Lab не может это узнать.',
  'diagnostics.missingLinux':
    'Здесь не найдено: {tools}. Socket Lab не может это узнать. В Debian и Ubuntu ss входит в пакет iproute2.',
  'diagnostics.timeout': 'Команда не завершилась за {seconds} с. Socket Lab не может это узнать.',
  'diagnostics.failed':
    'Команда завершилась ошибкой. Socket Lab не может это узнать; её вывод ниже.',

  'diagnostics.runs': 'Что запускалось и что оно вывело',
  'diagnostics.run.exited': 'код выхода {code}',
  'diagnostics.run.missing': 'не найдено',
  'diagnostics.run.timeout': 'остановлено через {seconds} с',
  'diagnostics.run.failed': 'не удалось запустить: {error}',
  'diagnostics.run.empty': '(пустой вывод)',
  'diagnostics.run.truncated': '(вывод обрезан здесь)',

  'diagnostics.excluded.button': 'Проверить исключённые диапазоны портов',
  'diagnostics.excluded.inRange':
    'Порт {port} входит в диапазон, исключённый Windows: {ranges}. Такие диапазоны резервируют Hyper-V, WSL2, Docker или WinNAT. Возьмите другой порт или от имени администратора выполните net stop winnat, а затем net start winnat.',
  'diagnostics.excluded.administered': 'добавлен администратором',
  'diagnostics.excluded.notInRange': {
    one: 'Порт {port} не входит в {count} показанный исключённый диапазон, так что дело не в зарезервированном диапазоне.',
    few: 'Порт {port} не входит ни в один из {count} показанных исключённых диапазонов, так что дело не в зарезервированном диапазоне.',
    many: 'Порт {port} не входит ни в один из {count} показанных исключённых диапазонов, так что дело не в зарезервированном диапазоне.',
    other:
      'Порт {port} не входит ни в один из {count} показанных исключённых диапазонов, так что дело не в зарезервированном диапазоне.',
  },
  'diagnostics.excluded.notWindows':
    'Исключённые диапазоны портов бывают только в Windows: в этой ОС проверять нечего.',

  'diagnostics.localhost.summary': 'localhost',
  'diagnostics.localhost.intro':
    'Браузер или curl, которым дали http://localhost:{port}, сначала выясняют, что такое localhost. Если это не только 127.0.0.1, но и ::1, клиент может сначала попробовать ::1 — и получить там отказ, если сервер слушает только 127.0.0.1.',
  'diagnostics.localhost.button': 'Проверить localhost',
  'diagnostics.localhost.resolves': {
    one: 'Здесь localhost — это только {addresses}.',
    few: 'Здесь localhost — это {addresses}, в этом порядке.',
    many: 'Здесь localhost — это {addresses}, в этом порядке.',
    other: 'Здесь localhost — это {addresses}, в этом порядке.',
  },
  'diagnostics.localhost.lookupFailed': 'Имя localhost здесь не разрешается ({code}).',
  'diagnostics.localhost.notListening':
    'Слушатель не запущен, поэтому выполнен только поиск адресов. Запустите его, чтобы проверить, какие адреса принимают соединения.',
  'diagnostics.localhost.probes': 'Соединения с портом {port} (127.0.0.1 и ::1 пробуются всегда)',
  'diagnostics.localhost.address': 'Адрес',
  'diagnostics.localhost.fromLocalhost': 'Из localhost?',
  'diagnostics.localhost.result': 'Результат',
  'diagnostics.localhost.yes': 'да',
  'diagnostics.localhost.no': 'нет',
  'diagnostics.localhost.accepted': 'принято',
  'diagnostics.localhost.refused': 'отказ (ECONNREFUSED)',
  'diagnostics.localhost.timeout': 'нет ответа за {seconds} с',
  'diagnostics.localhost.error': 'ошибка: {code}',
  'diagnostics.localhost.all': 'localhost достигает этого слушателя по каждому своему адресу.',
  'diagnostics.localhost.some':
    'Ловушка: localhost — это ещё и {refused}, а там этот слушатель соединения не принимает. Клиент, который сначала пробует {refused}, получит отказ; попробует ли он потом {accepted}, зависит от клиента. Укажите {accepted} в адресе или слушайте оба адреса.',
  'diagnostics.localhost.none':
    'Ни один адрес localhost не достигает этого слушателя: подключайтесь к адресу, который он слушает.',
  'diagnostics.localhost.note':
    'Каждая принятая проверка — настоящее соединение: слушатель засчитает его как принятое, а Socket Lab сразу его закроет.',
}
