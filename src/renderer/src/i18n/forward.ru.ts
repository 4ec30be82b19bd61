/**
 * Russian messages of "Forward to my server"; spread into ru.ts. Same keys as forward.en.ts.
 */
import type { forwardEn } from './forward.en'
import type { Message } from './translate'

export const forwardRu: { readonly [K in keyof typeof forwardEn]: Message } = {
  'forward.log.kind': 'Ваш сервер',
  'forward.log.connected': 'Соединение №{number} → ваш сервер на {address}: установлено за {ms} мс',
  'forward.log.answered': 'Ваш сервер ответил на соединение №{number} через {ms} мс',
  'forward.log.clientEnded':
    '№{number}: клиент закрыл свою сторону (FIN); Socket Lab передал это вашему серверу',
  'forward.log.paused.client':
    '№{number}: клиент не читает; буферы ОС заполнены, и ещё {waiting} ждут в Socket Lab (порог {cap}), поэтому Socket Lab перестал читать от вашего сервера',
  'forward.log.paused.target':
    '№{number}: ваш сервер не читает; буферы ОС заполнены, и ещё {waiting} ждут в Socket Lab (порог {cap}), поэтому Socket Lab перестал читать от клиента',
  'forward.log.resumed.client':
    '№{number}: клиент снова читает; Socket Lab снова читает от вашего сервера',
  'forward.log.resumed.target':
    '№{number}: ваш сервер снова читает; Socket Lab снова читает от клиента',
  'forward.log.targetEnded': {
    one: '№{number}: ваш сервер закрыл свою сторону (FIN) после {count} байта; Socket Lab передал это клиенту',
    few: '№{number}: ваш сервер закрыл свою сторону (FIN) после {count} байт; Socket Lab передал это клиенту',
    many: '№{number}: ваш сервер закрыл свою сторону (FIN) после {count} байт; Socket Lab передал это клиенту',
    other:
      '№{number}: ваш сервер закрыл свою сторону (FIN) после {count} байта; Socket Lab передал это клиенту',
  },
  'forward.log.noAnswer':
    '№{number}: ваш сервер закрыл соединение, ничего не ответив; Socket Lab передал FIN клиенту',

  'forward.failure.self':
    'Соединение №{number} не перенаправлено: цель {address} — это сам этот слушатель, и каждое соединение открывало бы новое. Укажите в поле «Порт цели» порт, который слушает ваш сервер.',
  'forward.failure.refused':
    'Ваш сервер не запущен на {address}: соединение №{number} отклонено (ECONNREFUSED). Запустите его (cargo run) или измените порт цели.',
  'forward.failure.target-reset':
    'Ваш сервер сбросил соединение №{number} (RST); Socket Lab передал сброс клиенту',
  'forward.failure.client-reset':
    'Клиент сбросил соединение №{number} (RST); Socket Lab передал сброс вашему серверу',
  'forward.failure.connect-timeout':
    'Ваш сервер на {address} не принял соединение №{number} за {seconds} с (тайм-аут цели в настройках слушателя)',
  'forward.failure.answer-timeout':
    'Ваш сервер не ответил на соединение №{number} за {seconds} с после того, как получил байты (тайм-аут цели в настройках слушателя)',
  'forward.failure.error': 'Ошибка в соединении №{number} с вашим сервером на {address}: {code}',

  'forward.legs.summary': 'Клиент ↔ Socket Lab ↔ ваш сервер на {address}',
  'forward.legs.failed': 'что-то пошло не так: откройте, чтобы узнать почему',
  'forward.legs.pending': 'линтер оценит ответ, когда ваш сервер закончит',
  'forward.legs.clean': 'линтер не нашёл ошибок в ответе',
  'forward.legs.stalled.client': 'клиент не читает: Socket Lab перестал читать от вашего сервера',
  'forward.legs.stalled.target': 'ваш сервер не читает: Socket Lab перестал читать от клиента',
  'forward.legs.findings': {
    one: 'линтер нашёл в ответе {count} проблему',
    few: 'линтер нашёл в ответе {count} проблемы',
    many: 'линтер нашёл в ответе {count} проблем',
    other: 'линтер нашёл в ответе {count} проблемы',
  },
  'forward.leg.route': 'Клиент {client} подключился к этому слушателю на {listener}.',
  'forward.leg.client': 'Клиент ↔ Socket Lab',
  'forward.leg.target': 'Socket Lab ↔ цель',
  'forward.leg.address': 'Цель',
  'forward.leg.localPort': 'Порт Socket Lab',
  'forward.leg.state': 'Состояние',
  'forward.leg.state.connecting': 'подключается',
  'forward.leg.state.open': 'открыто',
  'forward.leg.state.closed': 'закрыто',
  'forward.leg.connect': 'Подключение',
  'forward.leg.ms': '{ms} мс',
  'forward.leg.toTarget': 'Первый байт отправлен цели',
  'forward.leg.fromTarget': 'Первый байт получен от цели',
  'forward.leg.none': 'ещё нет',
  'forward.leg.bytesToTarget': 'Отправлено цели',
  'forward.leg.bytesFromTarget': 'Получено от цели',
  'forward.leg.firstEnded': 'Первым закрыл (FIN)',
  'forward.leg.firstEnded.client': 'клиент',
  'forward.leg.firstEnded.target': 'ваш сервер',
  'forward.leg.firstEnded.none': 'пока никто',
  'forward.leg.finAfterClient':
    'В Linux, когда FIN клиента уже передан, сброс (RST), посланный вашим сервером сразу вслед за ответом, тоже доходит до Socket Lab как конец потока: Socket Lab передал FIN и не может сказать, прислал ваш сервер FIN или сброс.',
  'forward.leg.stalls': 'Сторона перестала читать',
  'forward.leg.stalls.value': {
    one: '{count} раз; это был {side}, и ещё {waiting} ждали в Socket Lab (порог {cap})',
    few: '{count} раза; последний — {side}, и ещё {waiting} ждали в Socket Lab (порог {cap})',
    many: '{count} раз; последний — {side}, и ещё {waiting} ждали в Socket Lab (порог {cap})',
    other: '{count} раза; последний — {side}, и ещё {waiting} ждали в Socket Lab (порог {cap})',
  },
  'forward.leg.stalls.ongoing': '(продолжается)',
  'forward.leg.stalls.over': '(закончилась: {side} снова читает)',
  'forward.leg.bytesToTarget.waiting': '{bytes}, из них {waiting} ещё ждут в Socket Lab',
  'forward.leg.side.client': 'клиент',
  'forward.leg.side.target': 'ваш сервер',

  'forward.stall.client':
    'Клиент не читает то, что присылает ваш сервер. Переданное Socket Lab лежит непрочитанным в буферах операционной системы, и ещё {waiting} ждут в самом Socket Lab (он перестаёт читать, когда ждёт больше порога в {cap}). Поэтому Socket Lab перестал читать от вашего сервера, пока клиент не прочитает, и запись вашего сервера в свою очередь ждёт.',
  'forward.stall.target':
    'Ваш сервер не читает то, что присылает клиент. Переданное Socket Lab лежит непрочитанным в буферах операционной системы, и ещё {waiting} ждут в самом Socket Lab (он перестаёт читать, когда ждёт больше порога в {cap}). Поэтому Socket Lab перестал читать от клиента, пока ваш сервер не прочитает, и запись клиента в свою очередь ждёт. Так бывает, если обработчик занят или читает только заголовок запроса, а остальное оставляет непрочитанным.',

  'forward.response.pending':
    'Линтер проверит ответ вашего сервера, когда сервер закончит отправку (его FIN или закрытие соединения).',
  'forward.response.nothing': 'Ваш сервер не прислал ответа.',
  'forward.response.head':
    'Ответ вашего сервера: только заголовки — пустая строка (\\r\\n\\r\\n) их так и не завершила.',
  'forward.response.body':
    'Ответ вашего сервера: тело неполное — {body} из {length} байт, обещанных в Content-Length.',
  'forward.response.bodyNoLength':
    'Ответ вашего сервера: тело не завершено — без пригодного Content-Length его завершает только чистое закрытие (FIN), а его не было.',
  'forward.response.complete': 'Ответ вашего сервера: пришёл целиком.',
  'forward.response.lint':
    'Что нашёл линтер ответов (нажмите «байт …», чтобы выделить эти байты в потоке ниже):',
  'forward.response.list': 'Замечания линтера к ответу вашего сервера на №{number}',
  'forward.cause.resetAfterAnswer':
    'Типичная причина: ваш сервер ответил и закрыл соединение, не дочитав запрос. Раз в сокете остались непрочитанные байты запроса, ОС отправляет RST вместо FIN, и браузер может показать «соединение сброшено», хотя ответ уже пришёл. Прочитайте запрос до пустой строки (как в листинге 20-2), а потом отвечайте.',
  'forward.cause.noAnswer':
    'Ваш сервер закрыл соединение, ничего не ответив: TcpStream удалён до того, как записан ответ, — как в листингах 20-1 и 20-2. Вызывает ли ваш обработчик stream.write_all до того, как TcpStream удаляется?',
}
