/**
 * Русские сообщения: те же ключи, что в en.ts (недостающий ключ — ошибка типов).
 */
import type { Catalog } from './en'
import { classRu } from './class.ru'
import { clientRu } from './client.ru'
import { diagnosticsRu } from './diagnostics.ru'
import { forwardRu } from './forward.ru'
import { inspectorRu } from './inspector.ru'
import { lessonsRu } from './lessons.ru'
import { sessionRu } from './session.ru'
import { stagesRu } from './stages.ru'
import { workspaceRu } from './workspace.ru'

export const ru: Catalog = {
  'app.name': 'Socket Lab',
  'app.tagline': 'настоящие TCP-сокеты с объяснениями',
  'app.language': 'Язык',
  'app.loading': 'Загружаем состояние движка…',
  'app.loadFailed': 'Не удалось загрузить состояние движка.',
  'app.disconnected': 'Соединение с сервером Socket Lab потеряно.',
  'app.disconnectedHint':
    'Сервер (npm run web) ещё работает? «Переподключиться» заново загрузит всё с него.',
  'app.reconnect': 'Переподключиться',
  'app.tokenRefused': 'У этой страницы нет действующего ключа доступа к серверу Socket Lab.',
  'app.tokenRefusedHint':
    'Откройте адрес, который Socket Lab напечатал в терминале (http://127.0.0.1:…/#token=…). Если Socket Lab запустили заново, он напечатал новый.',
  'app.listeners': 'Слушатели',
  'app.addListener': 'Добавить слушателя',
  'app.noListeners': 'Слушателей нет. Добавьте одного, чтобы начать.',

  'listener.region': 'Слушатель {number}',
  'listener.host': 'Хост',
  'listener.port': 'Порт',
  'listener.portProposed':
    '{port}, порт из книги, занят слушателем {number}: этому достался следующий свободный.',
  'listener.portZero': 'Порт 0: ОС выберет свободный порт.',
  'listener.fieldsLocked': 'Остановите слушателя, чтобы сменить хост или порт.',
  'listener.start': 'Начать слушать',
  'listener.stop': 'Перестать слушать',
  'listener.stopHint': 'Остановка даёт открытым соединениям доработать; новые отклоняются.',
  'listener.closeAll': 'Закрыть все сейчас',
  'listener.stoppingHint': {
    one: 'Ждём, пока завершится {count} открытое соединение.',
    few: 'Ждём, пока завершатся {count} открытых соединения.',
    many: 'Ждём, пока завершатся {count} открытых соединений.',
    other: 'Ждём, пока завершатся {count} открытого соединения.',
  },
  'listener.remove': 'Удалить',
  'listener.removeLabel': 'Удалить слушателя {number}',
  'listener.status.listening': 'Слушает {address}',
  'listener.status.stopped': 'Остановлен',
  'listener.status.starting': 'Запускается…',
  'listener.status.stopping': 'Останавливается…',
  'listener.counters': 'Счётчики',
  'listener.accepted': 'принято',
  'listener.open': 'открыто',
  'listener.dropped': 'сброшено',
  'listener.bytesIn': 'байт получено',
  'listener.wildcard.title': 'Слушать на всех сетевых интерфейсах?',
  'listener.wildcard.text':
    'С адресом {host} слушатель доступен с других компьютеров в сети; брандмауэр ОС может запросить разрешение.',
  'listener.wildcard.accept': 'Слушать {host}',
  'listener.wildcard.cancel': 'Отмена',
  'listener.settings': 'Настройки',
  'listener.maxConnections': 'Макс. соединений',
  'listener.maxConnectionsHint':
    'Пусто — без ограничения. Сверх предела новые соединения сбрасываются.',
  'listener.maxConnectionsInvalid': 'Введите целое число от 1 до {max} или оставьте поле пустым.',
  'listener.captureLimit': 'Предел записи (КиБ)',
  'listener.captureLimitHint':
    'Сколько хранить на соединение; байты сверх предела считаются, но не хранятся.',
  'listener.captureLimitInvalid': 'Введите целое число КиБ от 0 до {max}.',
  'listener.applySettings': 'Применить настройки',
  'listener.settingsSaved': 'Настройки сохранены.',

  'input.port-empty': 'Введите порт от 0 до 65535.',
  'input.port-not-integer': 'Порт — целое число, только цифры.',
  'input.port-out-of-range': 'Порт должен быть от 0 до 65535.',
  'input.host-empty': 'Введите хост, например 127.0.0.1.',
  'input.host-too-long': 'Хост не длиннее 255 символов.',
  'input.host-invalid-characters': 'Хост не может содержать пробелы и символы / \\ ? # @.',
  'input.number-not-integer': 'Введите целое число.',
  'input.number-out-of-range': 'Число вне допустимого диапазона.',
  'input.port-zero':
    'Порт 0 значит «любой свободный порт» только при прослушивании: введите порт, который слушает сервер, от 1 до 65535.',
  'input.remote-not-confirmed':
    'Этот хост — не этот компьютер: подтвердите ниже, что Socket Lab может к нему подключаться.',

  'error.INVALID_REQUEST': 'Движок отклонил запрос как некорректный. Это ошибка в Socket Lab.',
  'error.INVALID_INPUT': 'Движок отклонил значение.',
  'error.NOT_FOUND': 'Этого слушателя или соединения больше нет.',
  'error.BAD_STATE': 'В текущем состоянии это невозможно; попробуйте ещё раз.',
  'error.BIND_FAILED': 'ОС не дала слушать этот адрес.',
  'error.INTERNAL': 'Что-то пошло не так внутри Socket Lab или в связи с ним.',
  'error.FILE_FAILED': 'Файл не удалось прочитать или записать.',

  'os.linux': 'Linux',
  'os.darwin': 'macOS',
  'os.win32': 'Windows',
  'os.other': 'этой ОС',

  'bind.title': 'Не удалось слушать {address}',
  'bind.nodeSays': 'Сообщение Node',
  'bind.why': 'Что это значит в {os}',
  'bind.whoHolds': 'Кто занял этот порт?',
  'bind.commands': 'Команды',
  'bind.commandsAdmin': 'От имени администратора',
  'bind.copy': 'Копировать',
  'bind.copyLabel': 'Копировать: {command}',
  'bind.copied': 'Скопировано',
  'bind.rustTitle': 'Что напечатала бы программа на Rust из книги',
  'bind.rustExit': 'код выхода {code}',
  'bind.rustUnknown':
    'Что напечатала бы программа на Rust, для этой ОС и этого случая сказать нельзя.',
  'bind.fixes': 'Исправления',
  'bind.fix.port0': 'Взять порт 0',
  'bind.fix.port': 'Взять порт {port}',
  'bind.fix.host': 'Взять {host}',

  'explain.root': 'Процесс работает от root, так что дело не в правиле привилегированных портов.',
  'explain.eacces.linux':
    'В Linux порты ниже {start} требуют root или capability CAP_NET_BIND_SERVICE. Это касается и 127.0.0.1.',
  'explain.eacces.linuxRead':
    'Порог на этой машине (/proc/sys/net/ipv4/ip_unprivileged_port_start) — {start}.',
  'explain.eacces.linuxDefault':
    '{start} — значение по умолчанию: прочитать /proc/sys/net/ipv4/ip_unprivileged_port_start на этой машине не удалось.',
  'explain.eacces.container':
    'Контейнеры (Docker 20.10 и новее, Podman) обычно ставят этот порог в 0, кроме режима сети хоста.',
  'explain.eacces.darwin':
    'В macOS обычный пользователь может слушать порты ниже 1024 только на шаблонном адресе 0.0.0.0 или ::. На 127.0.0.1, ::1 или адресе в локальной сети порт ниже 1024 по-прежнему даёт EACCES.',
  'explain.eacces.win32':
    'В Windows нет привилегированных портов. EACCES почти всегда означает, что порт попал в исключённый диапазон, зарезервированный Hyper-V, WSL2, Docker или WinNAT. netstat такой порт не показывает.',
  'explain.eacces.win32Fix':
    'Исправление: выберите другой порт или перезапустите WinNAT от имени администратора командами ниже.',
  'explain.eacces.other': 'ОС не дала прав слушать этот адрес.',
  'explain.eacces.book':
    'В книге сказано, что порты ниже 1024 доступны только администраторам. В Linux это верно по умолчанию, в Windows неверно, в macOS верно наполовину.',
  'explain.inuse.live':
    'Адрес {address} уже занят работающим слушателем: другой программой или другим слушателем в этом приложении.',
  'explain.inuse.reuse':
    'Это не след только что остановленного сервера: Node и Rust ставят SO_REUSEADDR, поэтому соединения в TIME_WAIT после перезапуска не мешают снова слушать.',
  'explain.inuse.linuxWildcard':
    'В Linux 0.0.0.0:{port} и 127.0.0.1:{port} конфликтуют: слушатель на одном адресе не даёт занять другой.',
  'explain.inuse.dualStack':
    'Программа, которая слушает без хоста (так делает Node по умолчанию), занимает :: в двойном стеке, а это тоже конфликтует с 127.0.0.1:{port}.',
  'explain.inuse.airplay': 'В macOS порты 5000 и 7000 часто занимает AirPlay Receiver.',
  'explain.notavail':
    '{host} — не IP-адрес этой машины. Возьмите один из её адресов, например 127.0.0.1.',
  'explain.notfound': 'Имя хоста {host} не разрешается в адрес.',
  'explain.notfound.brackets':
    'Введите {bare} без скобок: скобки нужны только в записи хост:порт, как в [{bare}]:{port}.',
  'explain.einval':
    'ОС сочла адрес недопустимым: например, локальный IPv6-адрес канала (fe80::…) без %scope.',
  'explain.other': 'Node сообщил {rawCode}; его сообщение показано выше.',

  'connections.title': 'Соединения',
  'connections.count': {
    one: '{count} соединение',
    few: '{count} соединения',
    many: '{count} соединений',
    other: '{count} соединения',
  },
  'connections.col.listener': 'Слуш.',
  'connections.col.number': '№',
  'connections.col.remote': 'Удалённый адрес',
  'connections.col.local': 'Локальный адрес',
  'connections.col.acceptedAt': 'Принято в',
  'connections.col.bytesIn': 'Байт',
  'connections.col.state': 'Состояние',
  'connections.col.duration': 'Длит.',
  'connections.state.open': 'открыто',
  'connections.state.peer-ended': 'клиент завершил передачу',
  'connections.state.closed': 'закрыто: {reason}',
  'connections.empty':
    'Соединений пока нет. Запустите слушателя и подключитесь браузером, curl или nc.',
  'reason.peer': 'клиентом',
  'reason.us': 'нами',
  'reason.reset': 'сброшено клиентом',
  'reason.error': 'ошибка сокета',

  'duration.seconds': '{value} с',
  'duration.minutes': '{m} мин {s} с',
  'duration.hours': '{h} ч {m} мин',

  'stream.title': 'Поток',
  'stream.views': 'Вид',
  'stream.text': 'Текст',
  'stream.hex': 'Hex',
  'stream.none': 'Выберите соединение в таблице, чтобы увидеть присланные байты.',
  'stream.heading': 'Соединение №{number} от {remote}',
  'stream.direction': 'клиент → сервер',
  'stream.received': {
    one: 'получен {count} байт',
    few: 'получено {count} байта',
    many: 'получено {count} байт',
    other: 'получено {count} байта',
  },
  'stream.kept': {
    one: 'сохранён {count} байт',
    few: 'сохранено {count} байта',
    many: 'сохранено {count} байт',
    other: 'сохранено {count} байта',
  },
  'stream.truncated': {
    one: 'Обрезано: {count} байт сверх предела записи посчитан, но не сохранён.',
    few: 'Обрезано: {count} байта сверх предела записи посчитаны, но не сохранены.',
    many: 'Обрезано: {count} байт сверх предела записи посчитаны, но не сохранены.',
    other: 'Обрезано: {count} байта сверх предела записи посчитаны, но не сохранены.',
  },
  'stream.pagedText':
    'Большая запись: «Текст» показывает строки по 128 байт, читая её постранично.',
  'stream.empty': 'Байтов пока нет.',
  'stream.loading': 'Загружаем байты…',
  'stream.readFailed': 'Не удалось прочитать сохранённые байты.',
  'stream.control': 'управляющий символ',
  'stream.invalid': 'недопустимый UTF-8',
  'stream.legendControl': 'управляющий символ',
  'stream.legendInvalid': 'байт, недопустимый в UTF-8',

  'log.title': 'Журнал событий',
  'log.col.time': 'Время',
  'log.col.listener': 'Слушатель',
  'log.col.message': 'Сообщение',
  'log.listener': 'Слушатель {number}',
  'log.listenerShort': 'С{number}',
  'log.programOutput': 'Что программа из книги печатает на каждое принятое соединение',
  'log.connectionDetail': '№{number} от {remote}',
  'log.accepted': 'Принято соединение №{number} от {remote}',
  'log.listening': 'Слушает {address}',
  'log.stopped': 'Остановлен',
  'log.bindFailed': 'Не удалось слушать {address}: {code}',
  'log.peerEnded': '№{number}: клиент завершил свою сторону (FIN)',
  'log.closed': '№{number} закрыто: {reason}',
  'log.closedCode': '№{number} закрыто: {reason} ({code})',
  'log.dropped': 'Сброшено соединение от {remote}: достигнут предел соединений',
  'log.droppedUnknown': 'Сброшено соединение: достигнут предел соединений',
  'log.empty': 'Пока ничего не произошло.',
  'log.paused': 'Автопрокрутка приостановлена.',
  'log.jump': 'К последним',
  ...inspectorRu,
  ...workspaceRu,
  ...sessionRu,
  ...stagesRu,
  ...clientRu,
  ...diagnosticsRu,
  ...lessonsRu,
  ...classRu,
  ...forwardRu,
}
