/** Russian messages of the client panel; spread into ru.ts. */
import type { clientEn } from './client.en'
import type { Message } from './translate'

export const clientRu: { readonly [K in keyof typeof clientEn]: Message } = {
  'client.region': 'Клиент',
  'client.intro':
    'Отправляет настоящие запросы слушателю здесь или вашему собственному серверу (например, вашей программе на Rust) и показывает, когда каждый подключается, отправляет, получает первый байт ответа и завершается.',
  'client.target': 'Цель',
  'client.target.hint': 'хост:порт, например 127.0.0.1:7878 или [::1]:7878',
  'client.target.useListener': 'Адрес слушателя {number} ({address})',
  'client.plan': 'План',
  'client.plan.http': 'HTTP-запросы',
  'client.plan.raw': 'Сырой запрос',
  'client.presets': 'Заготовки',
  'client.preset.book': '2 × /sleep + 1 × / при t=0',
  'client.preset.fourSleeps': '4 × /sleep',
  'client.preset.one': '1 × /',
  'client.rows.hint':
    'Каждый запрос — GET путь HTTP/1.1 в отдельном соединении, открытом через «Старт» мс после начала плана. Не больше {max} соединений.',
  'client.col.count': 'Сколько',
  'client.col.path': 'Путь',
  'client.col.start': 'Старт (мс)',
  'client.row.count': 'Сколько, строка {n}',
  'client.row.path': 'Путь, строка {n}',
  'client.row.start': 'Старт (мс), строка {n}',
  'client.row.remove': 'Удалить строку {n}',
  'client.row.add': 'Добавить строку',
  'client.raw.text': 'Байты запроса',
  'client.raw.hint':
    'Экранирование: \\r \\n \\t \\0 \\\\ \\xNN. Набранные переводы строк отправляются как \\r\\n. Байт: {count}, одно соединение.',
  'client.framing': 'Отправить',
  'client.framing.whole': 'Одной записью',
  'client.framing.chunks': 'Частями',
  'client.framing.bytes': 'По одному байту (медленный клиент)',
  'client.framing.explain.whole': 'Все байты одной записью.',
  'client.framing.explain.chunks':
    'Байты разрезаны на столько записей с паузой между ними: посмотрите вкладку «Куски» у слушателя — одна запись не равна одному чтению, если пауза не даёт каждой прийти отдельно.',
  'client.framing.explain.bytes':
    'Один байт, пауза, снова байт: сервер, который сначала читает строку запроса, всё это время ждёт.',
  'client.chunks': 'Частей',
  'client.gap': 'Пауза (мс)',
  'client.interval': 'Интервал (мс)',
  'client.remote.warning': '{host} — не этот компьютер: план отправит настоящий трафик по сети.',
  'client.remote.confirm': 'Мне можно проверять {host}: отправить план туда',
  'client.run': 'Запустить план',
  'client.cancel': 'Отменить',
  'client.remote.resolvesElsewhere':
    '{host} указывает на адрес не этого компьютера (смотрите файл hosts или DNS). Ничего не отправлено: подтвердите ниже, чтобы отправить план туда.',
  'client.runFailed': 'План не запущен: {message}',
  'client.readOnly': 'Открыт сохранённый сеанс: планы запускаются только на работающем движке.',

  'client.error.target-empty': 'Введите цель: хост:порт.',
  'client.error.target-no-port': 'Добавьте порт: хост:порт, например 127.0.0.1:7878.',
  'client.error.target-ipv6-brackets': 'Возьмите IPv6-адрес в квадратные скобки: [::1]:7878.',
  'client.error.host-too-long': 'Слишком длинное имя хоста.',
  'client.error.host-invalid-characters': 'В имени хоста недопустимые символы.',
  'client.error.port-not-integer': 'Порт должен быть целым числом.',
  'client.error.port-out-of-range': 'Порт должен быть от 1 до 65535.',
  'client.error.port-zero':
    'Порт 0 при прослушивании означает «любой порт»; клиент к нему подключиться не может.',
  'client.error.remote-not-confirmed': 'Подтвердите, что вам можно отправлять план на этот хост.',
  'client.error.rows-empty': 'Добавьте хотя бы одну строку.',
  'client.error.rows-too-many': 'Не больше {max} строк.',
  'client.error.count-range': 'Целое число от 1 до {max}.',
  'client.error.start-range': 'Целое число миллисекунд от 0 до {max}.',
  'client.error.path-empty': 'Введите путь, например /sleep.',
  'client.error.path-no-slash': 'Путь начинается с /.',
  'client.error.path-invalid':
    'Без пробелов, переводов строки и не-ASCII символов: они изменили бы строку запроса.',
  'client.error.path-too-long': 'Не больше {max} символов.',
  'client.error.too-many-connections':
    'Не больше {max} соединений на план (в этом {count}): это учебный инструмент, а не нагрузочный генератор.',
  'client.error.raw-empty': 'Нечего отправлять.',
  'client.error.raw-too-large': 'Не больше {max} байт.',
  'client.error.raw-escape':
    'Неизвестное экранирование в символе {index}: используйте \\r \\n \\t \\0 \\\\ или \\xNN (две шестнадцатеричные цифры).',
  'client.error.chunks-range': 'Целое число от 1 до {max}.',
  'client.error.chunks-more-than-bytes': 'Частей больше, чем байт: не больше {max}.',
  'client.error.gap-range': 'Целое число миллисекунд от 0 до {max}.',
  'client.error.interval-range': 'Целое число миллисекунд от 1 до {max}.',
  'client.error.time-limit-range': 'От 1 до {max} с.',

  'client.runs': 'Запуски',
  'client.noRuns': 'План ещё не запускался.',
  'client.run.title': 'Запуск {n}: {plan} → {target}',
  'client.run.rawPlan': 'сырой запрос ({framing})',
  'client.model': 'Слушатель {number}: {responder}, {handling}{workers}{sleep}.',
  'client.model.sleep': '; /sleep занимает {seconds} с',
  'client.model.expected': 'Ожидаемое время — по этой модели.',
  'client.model.workers': ' из {count}',
  'client.model.none':
    'Это не слушатель Socket Lab (или его ответчик не отвечает на запросы): только фактическое время.',
  'client.outcome.running': 'Выполняется…',
  'client.outcome.completed': 'Завершён за {time}.',
  'client.outcome.cancelled': 'Отменён через {time}: его соединения закрыты.',
  'client.outcome.time-limit':
    'Остановился сам на пределе {seconds} с: соединения, что ещё были открыты, закрыты.',
  'client.outcome.shutdown': 'Остановлен: движок завершил работу.',
  'client.timeline': 'Временная шкала запуска {n}',
  'client.axis': 'Время отсчитывается от начала плана. Шкала: от 0 до {time}.',
  'client.legend':
    'Полоса: от подключения до завершения. ▲ первый байт отправлен, ▼ первый байт получен, ┆ ожидаемое завершение.',
  'client.previous': 'Предыдущие запуски',
  'client.raw': 'сырой запрос',
  'client.row.summary': '#{n} {what} — {status} — {time}',
  'client.row.expected': '(ожидалось {time})',
  'client.row.pending': 'не завершён',
  'client.phase.planned': 'ждёт старта',
  'client.phase.connecting': 'подключается',
  'client.phase.sending': 'отправляет',
  'client.phase.waiting': 'ждёт ответа',
  'client.phase.receiving': 'получает',
  'client.phase.done': 'закрыт',
  'client.phase.failed': 'ошибка',
  'client.noResponse': 'закрыт без ответа',
  'client.detail.connected': 'подключение: {time}',
  'client.detail.firstSent': 'первый байт отправлен: {time}',
  'client.detail.lastSent': 'последний байт отправлен: {time}',
  'client.detail.firstReceived': 'первый байт ответа: {time}',
  'client.detail.bytes': 'отправлено {sent} Б за {writes}, получено {received} Б',
  'client.detail.writes': {
    one: '{count} запись',
    few: '{count} записи',
    many: '{count} записей',
    other: '{count} записи',
  },
  'client.detail.port': 'с порта {port}',
  'client.explain.noResponse':
    'Сервер закрыл соединение, ничего не отправив, — как делают листинги 20-1 и 20-2.',
  'client.explain.ECONNREFUSED':
    'В соединении отказано: на этом адресе и порту никто не слушает (или слушатель остановлен), и ОС отклонила подключение.',
  'client.explain.ECONNRESET':
    'Соединение сброшено: сервер сбросил соединение (RST) вместо обычного закрытия — например, листинг 20-1 («Сразу закрыть») удаляет TcpStream, когда запрос ещё не прочитан, или в Socket Lab нажали «Сбросить».',
  'client.explain.EPIPE':
    'Обрыв канала: сервер уже закрыл соединение, а клиент ещё отправлял данные.',
  'client.explain.ETIMEDOUT':
    'Время ожидания истекло: другая сторона перестала отвечать (брандмауэр отбрасывает пакеты или хост выключен).',
  'client.explain.CONNECT_TIMEOUT':
    'Нет ответа на попытку подключения за {seconds} с: брандмауэр отбрасывает пакеты, или хост выключен либо не существует.',
  'client.explain.EHOSTUNREACH': 'С этого компьютера нет маршрута до этого хоста.',
  'client.explain.ENETUNREACH': 'С этого компьютера нет маршрута до этой сети.',
  'client.explain.EADDRNOTAVAIL': 'К этому адресу нельзя подключиться с этого компьютера.',
  'client.explain.ENOTFOUND': 'Имя хоста не преобразуется в адрес.',
  'client.explain.EAI_AGAIN': 'Имя хоста сейчас не удалось найти (DNS не ответил).',
  'client.explain.TIME_LIMIT':
    'Соединение закрыто по пределу времени плана: сервер к этому моменту его не закрыл («Молчать» и «Эхо» не закрывают никогда).',
  'client.explain.CANCELLED': 'Вы отменили план: клиент закрыл это соединение.',
  'client.explain.other': 'Соединение завершилось ошибкой {code}.',

  'client.commands': 'То же из терминала',
  'client.commands.hint': 'Сначала — команды для вашей системы.',
  'client.commands.none': 'Исправьте план, чтобы увидеть команды.',
  'client.command.curl': 'curl (Linux, macOS)',
  'client.command.curl-cmd': 'curl.exe (Windows, командная строка)',
  'client.command.nc': 'nc (Linux, macOS)',
  'client.command.powershell': 'PowerShell (Windows)',
  'client.command.powershell-raw': 'PowerShell, сырые байты (Windows)',
  'client.ms': '{n} мс',
  'client.s': '{n} с',
  'client.preset.bookIdle': '2 × /sleep + 1 × / + 1 простаивающее',
  'client.idle.label': 'Простаивающие соединения',
  'client.idle.hint':
    'Как упреждающие соединения браузера: открываются первыми, при t=0, подключаются и ничего не отправляют; запросы стартуют, когда они подключены. Остаются открытыми после того, как запросы выполнены. От 0 до {max}.',
  'client.error.idle-range': 'Целое число от 0 до {max}.',
  'client.idle.count': {
    one: '{count} простаивающее',
    few: '{count} простаивающих',
    many: '{count} простаивающих',
    other: '{count} простаивающих',
  },
  'client.idle.what': 'простаивает',
  'client.row.summaryOpen': '#{n} {what} — {status}',
  'client.idle.status.open': 'открыто, ничего не отправлено',
  'client.idle.status.server': 'закрыто сервером',
  'client.idle.status.reset': 'сброшено сервером',
  'client.idle.status.client': 'закрыто здесь',
  'client.idle.explain.open':
    'Простаивает — ничего не отправлено; блокирующее чтение на сервере ждёт здесь.',
  'client.idle.explain.server':
    'Сервер закрыл его, не прочитав запроса (например, «Остановить» с закрытием всех соединений).',
  'client.explain.CLOSED_BY_CLIENT':
    'Вы закрыли простаивающие соединения: клиент закрыл это соединение.',
  'client.explain.NEW_PLAN': 'Начался новый план: клиент закрыл это простаивающее соединение.',
  'client.row.expectedNever':
    '(ожидается: никогда — все потоки, которые он мог бы получить, заняты простаивающими соединениями)',
  'client.closeIdle': 'Закрыть простаивающие соединения',
  'client.idle.lingering': {
    one: 'Запросы выполнены; {count} простаивающее соединение остаётся открытым, пока его не закроет сервер, вы или лимит времени.',
    few: 'Запросы выполнены; {count} простаивающих соединения остаются открытыми, пока их не закроет сервер, вы или лимит времени.',
    many: 'Запросы выполнены; {count} простаивающих соединений остаются открытыми, пока их не закроет сервер, вы или лимит времени.',
    other:
      'Запросы выполнены; {count} простаивающего соединения остаются открытыми, пока их не закроет сервер, вы или лимит времени.',
  },
  'client.commands.idle':
    'У простаивающих соединений нет аналога в curl: {command}, ничего не вводя, открывает одно.',
}
