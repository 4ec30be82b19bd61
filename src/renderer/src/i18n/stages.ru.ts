/**
 * Russian messages of the book's stages; spread into ru.ts. Same keys as stages.en.ts.
 */
import type { stagesEn } from './stages.en'
import type { Message } from './translate'

export const stagesRu: { readonly [K in keyof typeof stagesEn]: Message } = {
  'stages.responder': 'Ответчик',
  'stages.responder.silent': 'Молчать',
  'stages.responder.close-at-once': 'Сразу закрыть',
  'stages.responder.read-request-then-close': 'Прочитать запрос и закрыть',
  'stages.responder.echo': 'Эхо',
  'stages.responder.http-hello': 'HTTP: приветствие',
  'stages.responder.http-routes': 'HTTP: маршруты',
  'stages.responder.http-slow-route': 'HTTP: медленный маршрут',
  'stages.responder.forward': 'Пересылать на мой сервер',
  'stages.explain.silent':
    'Как в инспекторе: соединение остаётся открытым, всё пришедшее записывается, ответа нет.',
  'stages.explain.close-at-once':
    'Листинг 20-1: TcpStream сразу удаляется, и соединение закрывается; браузер пишет «соединение сброшено».',
  'stages.explain.read-request-then-close':
    'Листинг 20-2: читает строки до пустой, печатает Request: [...] и закрывает соединение.',
  'stages.explain.echo': 'Не из книги: каждый полученный байт сразу отправляется обратно.',
  'stages.explain.http-hello':
    'Листинги 20-3–20-5: отвечает HTTP/1.1 200 OK с Content-Length и hello.html.',
  'stages.explain.http-routes':
    'Листинги 20-6–20-9: на / — hello.html, на любой другой путь — 404 и 404.html.',
  'stages.explain.http-slow-route':
    'Листинг 20-10: как маршруты, но /sleep ждёт {seconds} с перед ответом.',
  'stages.explain.forward':
    'Не из книги: на каждое соединение, принятое здесь, Socket Lab открывает соединение с вашим собственным сервером (цель ниже), и байты идут в обе стороны без изменений — так в инспекторе видно, что именно отправляет ваш сервер. Запустите свой сервер на порту цели: в программе из книги замените 7878 на {port} в TcpListener::bind, выполните cargo run и откройте в браузере адрес этого слушателя.',

  'stages.handling': 'Обработка',
  'stages.handling.single-thread': 'Один поток',
  'stages.handling.thread-pool': 'Пул потоков',
  'stages.handling.thread-per-connection': 'Поток на соединение',
  'stages.handling.explain.single-thread':
    'По одному соединению: остальные ждут в очереди — поэтому /sleep задерживает всех.',
  'stages.handling.explain.thread-pool':
    'ThreadPool::new(N), листинги 20-11–20-22: до N запросов выполняются одновременно, остальные ждут в очереди.',
  'stages.handling.explain.thread-per-connection':
    'thread::spawn на каждое соединение (листинг 20-11): никто не ждёт, но и число потоков ничем не ограничено.',
  'stages.handling.notApplicable':
    'Этот ответчик не читает запросы, передавать потоку нечего: чтобы сравнить способы обработки, выберите читающий.',

  'stages.workers': 'Потоков в пуле',
  'stages.workers.hint': 'В книге пул из 4.',
  'stages.workers.invalid': 'Введите целое число от 1 до {max}.',
  'stages.sleep': 'Секунд ожидания',
  'stages.sleep.hint': 'Сколько /sleep ждёт перед ответом; в книге — 5.',
  'stages.sleep.invalid': 'Введите целое число от 0 до {max}.',
  'stages.stopAfter': 'Остановиться после N соединений',
  'stages.stopAfter.hint': 'Пусто — никогда. take(2) из книги останавливает после 2.',
  'stages.stopAfter.invalid': 'Введите целое число от 1 до {max} или оставьте поле пустым.',

  'stages.target.host': 'Хост цели',
  'stages.target.host.hint': 'Где работает ваш сервер: 127.0.0.1 — этот компьютер.',
  'stages.target.host.remote': '{host} — другая машина: байты от ваших клиентов уходят туда.',
  'stages.target.port': 'Порт цели',
  'stages.target.port.hint': 'Порт, который слушает ваш сервер, а не этот слушатель.',
  'stages.target.port.invalid': 'Введите порт, который слушает ваш сервер, от 1 до 65535.',
  'stages.target.timeout': 'Тайм-аут (секунд)',
  'stages.target.timeout.hint':
    'Сколько ждать, пока ваш сервер примет соединение, и сколько — пока он ответит на полученные байты.',
  'stages.target.timeout.invalid': 'Введите целое число от 1 до {max}.',
  'stages.target.remote.warning':
    '{host} — не этот компьютер: каждое соединение с этим слушателем откроет соединение с {host}, и всё, что отправят ваши клиенты, уйдёт с этой машины.',
  'stages.target.remote.confirm': 'Пересылать на {host} — другую машину',

  'stages.pages': 'Страницы и заголовки',
  'stages.pages.helloHint': 'Отдаётся на / (листинг 20-4). Сохраняется, когда вы покидаете поле.',
  'stages.pages.notFoundHint':
    'Отдаётся с 404 на любой другой путь (листинг 20-7). Сохраняется, когда вы покидаете поле.',
  'stages.pages.reset': 'Вернуть страницу из книги',
  'stages.pages.tooLarge': 'Страница — не больше {max} КиБ.',

  'stages.heads.head': 'Заголовок ответа {page}',
  'stages.heads.hint':
    'Строка состояния и заголовки, затем пустая строка. Возврат каретки показан как \\r; каждый перенос строки — это \\n. {length} заменяется длиной страницы в байтах UTF-8. Сохраняется, когда вы покидаете поле.',
  'stages.heads.reset': 'Вернуть заголовок из книги',
  'stages.heads.tooLarge': 'Заголовок — не больше {max} КиБ.',
  'stages.heads.badEscape':
    'Неизвестная escape-последовательность в символе {index}: пишите \\r, \\n, \\t или \\\\.',
  'stages.heads.trailingBackslash': 'Текст кончается обратной косой чертой: пишите \\\\.',
  'stages.heads.closeNote':
    'После каждого ответа Socket Lab закрывает соединение аккуратно: FIN, когда всё записано, и дальше читает, пока клиент тоже не закроет. Сервер, который закрывает соединение, не дописав ответ, теряет его остаток; закрытие с непрочитанными байтами запроса заставляет ОС отправить RST, и браузер показывает «соединение сброшено».',

  'stages.lint': 'Проверка: {page}',
  'stages.lint.ok': 'Проверка не нашла в этом ответе ошибок.',
  'stages.lint.title': 'Перед отправкой проверка предупреждает:',
  'stages.lint.notBlocking':
    'Предупреждения не мешают отправке: отправьте ответ и посмотрите, как поведёт себя клиент.',
  'stages.lint.status-line':
    'Строка состояния «{line}» не похожа на HTTP/1.x NNN причина: клиенты могут отвергнуть ответ.',
  'stages.lint.bare-lf':
    'Строка {line} заголовка кончается одиночным \\n вместо \\r\\n. HTTP требует \\r\\n; браузеры обычно это прощают, более строгие клиенты — нет.',
  'stages.lint.no-blank-line':
    'Заголовок не заканчивается пустой строкой (\\r\\n\\r\\n): клиент читает страницу как новые заголовки и так и не получает полного ответа.',
  'stages.lint.no-content-length':
    'Нет Content-Length: клиент узнаёт, где кончается тело, только когда соединение закрывается. Обычное закрытие сработает; закрытие с непрочитанными байтами запроса заставляет ОС отправить RST, и браузер показывает «соединение сброшено».',
  'stages.lint.bad-content-length':
    'Content-Length «{value}» — не одно число байтов: клиенты могут отвергнуть ответ.',
  'stages.lint.length-short':
    'Content-Length обещает {declared} байт, а в странице {actual} (UTF-8): соединение закроется раньше, чем придут обещанные байты, и клиент получит неполный ответ.',
  'stages.lint.length-long':
    'Content-Length обещает {declared} байт, а в странице {actual} (UTF-8): клиент перестанет читать после {declared} байт, и страница обрежется.',

  'stages.view': 'Рабочие потоки',
  'stages.view.worker': 'Рабочий поток {index}',
  'stages.view.mainThread': 'Главный поток',
  'stages.view.thread': 'Поток {index}',
  'stages.view.row': '{name} — {state}',
  'stages.view.idle': 'свободен',
  'stages.view.busy': 'занят соединением #{number}',
  'stages.view.waiting': 'Ждут: {list}',
  'stages.view.queueEmpty': 'очередь пуста',
  'stages.view.handled': {
    one: 'обработано {count} соединение',
    few: 'обработано {count} соединения',
    many: 'обработано {count} соединений',
    other: 'обработано {count} соединения',
  },
  'stages.view.threads': {
    one: 'работает {count} поток',
    few: 'работает {count} потока',
    many: 'работает {count} потоков',
    other: 'работает {count} потока',
  },
  'stages.view.unbounded':
    'Предупреждение из книги: при «поток на соединение» число потоков ничем не ограничено, и наплыв запросов может плодить потоки, пока не кончатся ресурсы системы.',
  'stages.view.none': 'Потоков пока нет: они запускаются вместе со слушателем.',
  'stages.view.phase.reading': 'читает запрос',
  'stages.view.phase.sleeping': 'спит',
  'stages.view.phase.responding': 'отвечает',
  'stages.view.withPhase': '{state} ({phase})',
  'stages.view.blockedAnnounce': 'Остановка ждёт потоки, застрявшие в чтении: {list}.',
  'stages.view.blocked': 'Почему остановка ждёт',
  'stages.view.blockedIdle':
    '{name} ждёт, чтобы прочитать данные из #{number}, но оно ничего не присылает уже {seconds} с — остановка ждёт его. Упреждающее соединение браузера?',
  'stages.view.blockedPartial':
    '{name} ждёт остаток запроса из #{number} (подключилось {seconds} с назад) — остановка ждёт его.',
  'stages.view.blockedHelp':
    'Поток, застрявший в чтении, освободится, только когда клиент что-то пришлёт или закроет соединение. Закройте это соединение или нажмите «Закрыть все сейчас», чтобы остановиться сразу.',
  'stages.view.closeConnection': 'Закрыть #{number}',

  'stages.log.kind.program': 'Вывод программы',
  'stages.log.connection': 'соединение #{number}',
}
