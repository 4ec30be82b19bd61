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
  'client.model.none': 'Это не слушатель Socket Lab: только фактическое время.',
  'client.model.noModel':
    'Слушатель {number} — «{responder}», он не отвечает на запросы: только фактическое время.',
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
  'client.explain.ETIMEDOUT':
    'Время ожидания истекло: другая сторона перестала отвечать (брандмауэр отбрасывает пакеты или хост выключен).',
  'client.explain.CONNECT_TIMEOUT':
    'Нет ответа на попытку подключения за {seconds} с: брандмауэр отбрасывает пакеты, или хост выключен либо не существует.',
  'client.explain.EHOSTUNREACH': 'С этого компьютера нет маршрута до этого хоста.',
  'client.explain.ENETUNREACH': 'С этого компьютера нет маршрута до этой сети.',
  'client.explain.EADDRNOTAVAIL': 'К этому адресу нельзя подключиться с этого компьютера.',
  'client.explain.ENOTFOUND': 'Имя хоста не преобразуется в адрес.',
  'client.explain.EAI_AGAIN': 'Имя хоста сейчас не удалось найти (DNS не ответил).',
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
  'client.idle.explain.server': 'Сервер закрыл его; по нему ничего не отправлялось.',
  'client.idle.explain.serverOurs':
    'Слушатель {number} закрыл его, не прочитав запроса (например, «Остановить» с закрытием всех соединений).',
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
  'client.verdict.refused':
    'В соединении отказано ({time}): на этом адресе и порту ({target}) никто не слушает, и ОС отклонила подключение. Запущен ли ваш сервер, и на этом ли порту? Проверьте адрес в вызове bind: сервер, который завершился или упал с паникой, больше не слушает.',
  'client.verdict.reset': 'Сервер сбросил соединение (RST) через {time}, {received}.',
  'client.verdict.reset.unsent':
    'Это случилось до того, как запрос ушёл целиком (отправлено {sent} из {total} байт).',
  'client.verdict.reset.why':
    'ОС отправляет RST вместо обычного закрытия, когда сервер закрывает соединение — или его процесс завершается (паника, Ctrl-C), — а непрочитанные байты запроса ещё ждут: например, он ответил или удалил TcpStream, не прочитав запрос.',
  'client.verdict.closedEarly.nothing':
    'Сервер закрыл соединение (FIN) через {time}, не отправив ни байта: он удалил TcpStream, не записав ответа, — как делают листинги 20-1 и 20-2.',
  'client.verdict.closedEarly.nothing.why':
    'Записывает ли ваш обработчик ответ (stream.write_all) до того, как TcpStream удаляется?',
  'client.verdict.closedEarly.head':
    'Сервер закрыл соединение (FIN) через {time}, {received}, до конца заголовков: пустая строка (\\r\\n\\r\\n) так и не пришла, ответ неполный.',
  'client.verdict.closedEarly.body':
    'Сервер закрыл соединение (FIN) через {time}, не дослав тело: пришло {body} из {length} байт, обещанных в Content-Length.',
  'client.verdict.closedEarly.body.why':
    'Считайте длину тела в байтах (contents.len()) и записывайте его целиком до того, как TcpStream удаляется.',
  'client.verdict.timedOut.connect':
    'Предел времени плана наступил, пока соединение ещё устанавливалось.',
  'client.verdict.timedOut.nothing':
    'Нет ответа за предел плана в {seconds} с: сервер принял соединение и получил запрос ({sent} байт), но ничего не отправил и соединение не закрыл.',
  'client.verdict.timedOut.nothing.why':
    'Может быть, он ещё читает: чтение до конца потока (read_to_end, read_to_string) ждёт закрытия, которого клиент не делает. Или занят другим соединением (один поток)?',
  'client.verdict.timedOut.partial':
    'Сервер отправил {received}, а потом за предел плана в {seconds} с так и не закончил ответ и не закрыл соединение.',
  'client.verdict.kept-open':
    'Ответ пришёл целиком ({received}, начиная с {time}), но сервер держал соединение открытым до предела плана в {seconds} с, хотя в запросе было Connection: close. Клиент, который читает по Content-Length, уже получил всё; клиент, который читает до закрытия, ждёт.',
  'client.verdict.notStarted': 'Предел времени плана наступил раньше, чем этот запрос открылся.',
  'client.evidence.none': 'не получив ни байта ответа',
  'client.evidence.after': {
    one: 'получив {count} байт ответа',
    few: 'получив {count} байта ответа',
    many: 'получив {count} байт ответа',
    other: 'получив {count} байта ответа',
  },
  'client.evidence.bytes': {
    one: '{count} байт',
    few: '{count} байта',
    many: '{count} байт',
    other: '{count} байта',
  },
  'client.evidence.head': 'Заголовки не закончились: пустой строки ещё не было.',
  'client.evidence.body':
    'Тело было неполным: {body} из {length} байт, обещанных в Content-Length.',
  'client.evidence.bodyNoLength':
    'Без Content-Length только закрытие соединения могло сказать клиенту, где кончается тело.',
  'client.evidence.complete': 'Ответ к этому моменту уже пришёл целиком.',
  'client.ours': 'Слушатель {number} — «{responder}»: {behaviour}',
  'client.ours.silent':
    'он записывает всё, что приходит, и никогда не отвечает и не закрывает соединение.',
  'client.ours.close-at-once':
    'он удаляет TcpStream сразу после accept (листинг 20-1), не читая запрос: раз байты запроса не прочитаны, ОС отправляет RST.',
  'client.ours.read-request-then-close':
    'он читает запрос и удаляет TcpStream, ничего не ответив (листинг 20-2).',
  'client.ours.echo':
    'он отправляет обратно каждый прочитанный байт и никогда не закрывает соединение.',
  'client.ours.forward':
    'он передаёт каждый байт вашему собственному серверу (цели на его карточке) и обратно без изменений: клиент получает ровно то, что отправил ваш сервер.',
  'client.ours.http':
    'он отвечает заголовками и страницей, заданными в его карточке, и закрывает соединение; что он отправляет, проверяет линтер там же.',

  'client.response.toggle': 'Ответ #{n} — {size}{findings}',
  'client.response.findings': {
    one: ', {count} замечание линтера',
    few: ', {count} замечания линтера',
    many: ', {count} замечаний линтера',
    other: ', {count} замечания линтера',
  },
  'client.response.region': 'Ответ #{n}',
  'client.response.size': {
    one: 'Получен {count} байт.',
    few: 'Получено {count} байта.',
    many: 'Получено {count} байт.',
    other: 'Получено {count} байта.',
  },
  'client.response.truncated':
    'Сохранены и показаны первые {kept} из {total} полученных байт (план хранит не больше 64 КиБ каждого ответа, а при многих соединениях — меньше).',
  'client.response.views': 'Вид ответа',
  'client.response.text': 'Текст',
  'client.response.hex': 'Hex',
  'client.response.textHint':
    'UTF-8; управляющие байты (\\r, \\n, …) показаны в рамках, байты не из UTF-8 — как \\xNN. Выделены байты, к которым относится замечание.',
  'client.lint.title': 'Линтер ответов об этих байтах',
  'client.lint.list': 'Замечания линтера к #{n}',
  'client.lint.ok': 'Линтер не находит в этом ответе ошибок.',
  'client.lint.notHttp': 'Эти байты — не HTTP-ответ: линтеру нечего проверять.',
  'client.lint.where.byte': 'байт {offset}',
  'client.lint.where.range': 'байты {from}–{to}',
  'client.lint.where.end': 'в конце, байт {offset}',
  'client.lint.where.hint': 'Выделить в байтах',
  'client.finding.status-line':
    'Строка статуса «{line}» не имеет вида HTTP/1.x NNN пояснение: клиенты могут отвергнуть ответ.',
  'client.finding.bare-lf':
    'Строка {line} заголовков заканчивается голым \\n вместо \\r\\n. HTTP требует \\r\\n; браузеры и curl обычно это прощают, более строгие клиенты — нет.',
  'client.finding.no-blank-line':
    'Заголовки так и не закончились: пустая строка (\\r\\n\\r\\n) не пришла, и клиент всё ещё ждёт остальных заголовков.',
  'client.finding.no-content-length':
    'Нет Content-Length: клиент узнаёт, где кончается тело, только когда соединение закрывается.',
  'client.finding.bad-content-length':
    'Content-Length «{value}» — не одно число байт: клиенты могут отвергнуть ответ.',
  'client.finding.length-short':
    'В Content-Length {declared} байт, а пришло {actual}: клиент ждёт остального или, когда соединение закроется, получает неполный ответ.',
  'client.finding.length-long':
    'В Content-Length {declared} байт, а пришло {actual}: клиент остановится на {declared} и отбросит остальное (выделено).',
  'client.finding.close-delimited':
    'Тело в {body} байт после Connection: close без Content-Length: клиент считает телом всё, что придёт до закрытия. При обычном закрытии это работает, но после сброса — или если сервер не закрывает соединение — клиент не отличит целую страницу от обрезанной.',
}
