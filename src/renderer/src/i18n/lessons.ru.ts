/** Russian messages of the lessons panel; spread into ru.ts. */
import type { lessonsEn } from './lessons.en'
import type { Message } from './translate'

export const lessonsRu: { readonly [K in keyof typeof lessonsEn]: Message } = {
  'lessons.region': 'Урок',
  'lessons.firstRun.region': 'Первые шаги',
  'lessons.firstRun.start': 'Начать слушать {address}',
  'lessons.firstRun.listening': 'Слушатель {number} слушает {address} ✓',
  'lessons.firstRun.open': 'Откройте',
  'lessons.firstRun.orCurl': 'в браузере (или выполните curl {url})',
  'lessons.firstRun.watch':
    'Смотрите журнал событий: «Connection established!» на каждое соединение.',
  'lessons.firstRun.notListening':
    'Сначала запустите слушателя: на этом адресе пока никто не слушает.',
  'lessons.firstRun.dismiss': 'Понятно',
  'lessons.student': 'Ваше имя для преподавателя (необязательно)',
  'lessons.exportProgress': 'Экспорт прогресса',
  'lessons.exported': 'Сохранено: {file}.',
  'lessons.exportFailed': 'Не удалось сохранить: {reason}',
  'lessons.readBook': 'Глава в книге по Rust (англ.) ↗',
  'lessons.jump': 'Урок',
  'lessons.jump.title': 'Перейти к уроку под слушателями',
  'lessons.stage': 'Этап',
  'lessons.stageOption': '{number}. {title} ({listings})',
  'lessons.stageOption.own': '{number}. {title}',
  'lessons.code': 'Код на Rust',
  'lessons.copy': 'Копировать',
  'lessons.copied': 'Скопировано',
  'lessons.copyLabel': 'Копировать код на Rust',
  'lessons.copyFailed': 'Не удалось скопировать: буфер обмена здесь недоступен.',
  'lessons.see': 'Что увидеть и попробовать',
  'lessons.setup': 'Настроить этот этап',
  'lessons.setup.done': 'Слушатель {number} настроен для этого этапа и слушает {address}.',
  'lessons.setup.ready': 'Слушатель {number} настроен для этого этапа и слушает {address}.',
  'lessons.setup.willChange': 'Настроит слушателя {number} для этого этапа:',
  'lessons.setup.change.address': 'адрес {from} → {to}',
  'lessons.setup.change.responder': 'ответчик: {from} → {to}',
  'lessons.setup.change.handling': 'обработка: {from} → {to}',
  'lessons.setup.change.workers': 'потоков: {from} → {to}',
  'lessons.setup.change.stopAfterOff': 'без остановки после N соединений',
  'lessons.setup.change.target': 'цель {from} → {to}',
  'lessons.setup.change.pages': 'hello.html, 404.html и их заголовки — как в книге',
  'lessons.setup.change.restart': 'остановит его, затем запустит снова',
  'lessons.setup.confirmLabel': 'Закрыть открытые соединения?',
  'lessons.setup.confirm': {
    one: 'У слушателя {number} {count} открытое соединение: настройка его закроет.',
    few: 'У слушателя {number} {count} открытых соединения: настройка их закроет.',
    many: 'У слушателя {number} {count} открытых соединений: настройка их закроет.',
    other: 'У слушателя {number} {count} открытого соединения: настройка их закроет.',
  },
  'lessons.setup.confirmYes': 'Закрыть и настроить',
  'lessons.setup.confirmNo': 'Отмена',
  'lessons.setup.taken': 'Порт {port} занят: {holder}.',
  'lessons.setup.taken.unknown': 'другая программа',
  'lessons.setup.taken.self': 'другой слушатель Socket Lab',
  'lessons.setup.taken.process': '{name} (PID {pid})',
  'lessons.setup.taken.ownServer':
    'Если это ваш собственный сервер на порту из книги, остановите его (Ctrl+C), поменяйте порт на {targetPort}, как сказано ниже, запустите снова и ещё раз настройте этап.',
  'lessons.setup.usePort': 'Взять порт {port}',
  'lessons.setup.noFreePort':
    'Свободного порта рядом не нашлось: выберите его в карточке слушателя.',
  'lessons.setup.noListener': 'Сначала добавьте слушателя: этап настраивается на слушателе 1.',
  'lessons.setup.stopAfter': {
    one: 'остановка после {count} соединения',
    few: 'остановка после {count} соединений',
    many: 'остановка после {count} соединений',
    other: 'остановка после {count} соединения',
  },
  'lessons.checkpoints': 'Контрольные точки',
  'lessons.progress': 'Выполнено: {done} из {total}',
  'lessons.reset': 'Сбросить этап',
  'lessons.resetAll': 'Сбросить весь прогресс',
  'lessons.tickedAt': 'Отмечено в {time}',

  'lessons.stage.connect.title': 'Соединение установлено',
  'lessons.stage.connect.does':
    'TcpListener::bind просит у ОС адрес 127.0.0.1:7878; incoming() выдаёт TcpStream на каждое соединение, которое приняла ОС. Цикл печатает строку, а когда его тело заканчивается, TcpStream удаляется (drop) и соединение закрывается. Ответа сервер не посылает.',
  'lessons.stage.connect.see':
    'Настройте этап, запустите слушателя на {address} и откройте {url} в браузере: никто не отвечает, и браузер называет неудачу по тому, что дошло до него первым. ERR_CONNECTION_RESET: запрос уже пришёл, а закрытие потока с непрочитанными байтами посылает сброс (RST). ERR_EMPTY_RESPONSE: соединение закрылось (FIN) раньше запроса, и в ответ не пришло ни байта. ERR_SOCKET_NOT_CONNECTED: Chrome обнаружил, что соединения уже нет, когда отправлял запрос. Одна загрузка страницы может напечатать несколько строк: браузер повторяет попытки, запрашивает /favicon.ico и открывает соединения про запас. Или выполните curl {url} три раза.',
  'lessons.stage.bind-errors.title': 'Ошибки bind',
  'lessons.stage.bind-errors.does':
    'bind возвращает Result: в нём ошибка, если ОС отказала в адресе. unwrap() превращает её в панику (код выхода 101), а эта версия печатает ошибку. Socket Lab показывает ошибку Node, её причину в этой ОС и то, что напечатала бы программа на Rust.',
  'lessons.stage.bind-errors.see':
    'Адрес занят: добавьте второго слушателя с хостом и портом уже работающего и запустите его. Нет прав: попробуйте порт 80. В Linux обычному пользователю откажут для портов ниже 1024, если порог не снижен (в контейнерах его часто снижают; root отказа не получит); в macOS — тоже, на 127.0.0.1; в Windows привилегированных портов нет. Затем исправьте ошибку (другой порт или порт 0) и запустите снова.',
  'lessons.stage.bind-errors.noPrivileged':
    'Здесь порт 80 не откажет ({why}). Попробуйте вместо него хост, которого у этого компьютера нет, например 192.0.2.1: ОС откажет и в таком bind (EADDRNOTAVAIL), и контрольная точка это засчитает.',
  'lessons.stage.bind-errors.why.root': 'Socket Lab запущен от root',
  'lessons.stage.bind-errors.why.threshold': 'в этом Linux порты от {start} не требуют привилегий',
  'lessons.stage.bind-errors.why.windows': 'в Windows нет привилегированных портов',
  'lessons.stage.read-request.title': 'Чтение запроса',
  'lessons.stage.read-request.does':
    'handle_connection оборачивает TcpStream в BufReader и читает строки до первой пустой — пустая строка завершает заголовки HTTP-запроса. Затем печатает их через {:#?} и удаляет TcpStream.',
  'lessons.stage.read-request.see':
    'Откройте {url} в браузере или выполните curl: в журнале событий появится Request: [ … ] со строкой запроса (GET / HTTP/1.1) и заголовками. Соединение, которое ничего не прислало, печатает Request: [] при закрытии, а до тех пор занимает единственный поток. Браузер по-прежнему не получает ответа.',
  'lessons.stage.respond.title': 'Ответ клиенту',
  'lessons.stage.respond.does':
    'Теперь сервер отвечает: строка состояния HTTP/1.1 200 OK, заголовок Content-Length, пустая строка и hello.html; каждая строка заканчивается на \\r\\n. По Content-Length клиент узнаёт, где кончается тело ответа.',
  'lessons.stage.respond.see':
    'Откройте {url}: браузер покажет «Hello!». Выберите соединение, чтобы увидеть запрос и ответ байт за байтом. hello.html можно изменить в карточке слушателя.',
  'lessons.stage.routes.title': 'Маршруты и 404',
  'lessons.stage.routes.does':
    'Читается только строка запроса. На GET / HTTP/1.1 сервер отвечает hello.html, на всё остальное — HTTP/1.1 404 NOT FOUND и 404.html.',
  'lessons.stage.routes.see':
    'Откройте {url}/, затем {url}/nope — или выполните curl -i, чтобы увидеть строку состояния.',
  'lessons.stage.slow.title': 'Медленный запрос задерживает всех',
  'lessons.stage.slow.does':
    '/sleep ждёт 5 секунд, прежде чем ответить (время меняется в карточке). Один поток обслуживает одно соединение за раз, поэтому все запросы после него ждут.',
  'lessons.stage.slow.see':
    'Откройте /sleep в одной вкладке и сразу / в другой: / загрузится только после ответа на /sleep. Следите за очередью в карточке слушателя. Chrome может сам придержать второй одинаковый /sleep — берите разные адреса или curl.',
  'lessons.stage.pool.title': 'Пул потоков',
  'lessons.stage.pool.does':
    'ThreadPool::new(4) запускает 4 рабочих потока, которые берут задачи из канала. Каждое соединение становится задачей: до 4 выполняются одновременно, остальные ждут в очереди.',
  'lessons.stage.pool.see':
    'Откройте /sleep и сразу /: / отвечает без ожидания. Для каждой задачи в журнале появляется «Worker N got a job; executing.» Если отправить пять запросов /sleep сразу, четыре выполняются, а пятый ждёт свободный поток.',
  'lessons.stage.shutdown.title': 'Корректное завершение',
  'lessons.stage.shutdown.does':
    'take(2) завершает цикл после двух соединений; main печатает «Shutting down.» и удаляет пул. Его Drop закрывает канал и по очереди дожидается (join) рабочих потоков: каждый доделывает свою задачу, видит, что канал закрыт, и завершается.',
  'lessons.stage.shutdown.see':
    'Остановите слушателя, настройте этап, запустите его и сделайте два запроса (лучше curl: простаивающее соединение браузера засчитывается как одно из двух и может держать поток в ожидании чтения). В журнале появится «Shutting down worker N» для каждого потока, и слушатель остановится сам.',
  'lessons.stage.own-server.title': 'Проверка своего сервера',
  'lessons.stage.own-server.does':
    'Теперь это ваша программа, а не листинг книги: Socket Lab стоит между браузером и вашим сервером. Каждое соединение со слушателем открывает соединение с вашим сервером, и байты идут в обе стороны без изменений, поэтому инспектор показывает ровно то, что прислал ваш сервер, а линтер ответов говорит, что в этом ответе не так.',
  'lessons.stage.own-server.see':
    'В src/main.rs вашего сервера замените строку с bind на {bindLine}, чтобы сервер слушал {target} — туда Socket Lab передаёт соединения, — и запустите его командой cargo run. Настройте этап, запустите слушателя и откройте {url} в браузере: запрос пройдёт через Socket Lab к вашему серверу, а ответ вернётся без изменений. Выберите соединение: в разделе инспектора «Socket Lab ↔ цель» видно, что прислал ваш сервер и что нашёл в этом линтер, а журнал показывает, когда сервер принял соединение, ответил и закрыл его. Финальная программа из книги завершается после двух соединений (take(2)): запустите cargo run снова или уберите .take(2).',
  'lessons.stage.own-server.mistakes':
    'Линтер ловит классические ошибки: строки, которые кончаются только на \\n, без \\r; Content-Length, не равный длине тела в байтах (меньше или больше); ответ без чтения запроса: если TcpStream удаляется, когда байты запроса ещё не прочитаны, ОС сбрасывает соединение (RST), и браузер может показать «connection reset», хотя ответ дошёл. Если журнал пишет, что ваш сервер не запущен, подключение к {target} было отклонено: там никто не слушает, так что запустите сервер командой cargo run на этом порту.',

  'lessons.check.listening': 'Слушатель слушает порт',
  'lessons.check.established': 'Напечатано «Connection established!»',
  'lessons.check.accepted-3': 'Принято 3 соединения',
  'lessons.check.bind-in-use': 'bind не удался: адрес занят',
  'lessons.check.bind-denied': 'bind отклонён: нет прав (или такого адреса здесь нет)',
  'lessons.check.relistened': 'Слушатель после ошибки bind снова слушает',
  'lessons.check.request-line': 'Прочитана строка запроса',
  'lessons.check.request-headers': 'Заголовки прочитаны до пустой строки',
  'lessons.check.request-received': 'Получен запрос',
  'lessons.check.ok-with-length': 'Отправлен 200 OK с Content-Length',
  'lessons.check.ok-served': 'На / отдан 200',
  'lessons.check.not-found': 'Отдан 404',
  'lessons.check.sleep-answered': '/sleep ответил после паузы',
  'lessons.check.sleep-blocks': 'Второй запрос ждал, пока выполнялся /sleep',
  'lessons.check.worker-job': 'Рабочий поток получил задачу',
  'lessons.check.side-by-side': 'Два запроса выполнялись одновременно',
  'lessons.check.sleep-not-blocking': 'Запрос получил ответ, пока выполнялся /sleep',
  'lessons.check.take-shutdown': '2 запроса, затем завершение',
  'lessons.check.workers-shut-down': 'Все рабочие потоки завершились',
  'lessons.check.stopped-by-itself': 'Слушатель остановился сам',
  'lessons.check.target-accepted': 'Ваш сервер принял переданное соединение',
  'lessons.check.target-answered': 'Ваш сервер ответил',
  'lessons.check.response-clean': 'Полный ответ, в котором линтер не нашёл ошибок',
}
