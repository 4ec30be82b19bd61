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
  'stages.explain.silent':
    'Как в инспекторе: соединение остаётся открытым, всё пришедшее записывается, ответа нет.',
  'stages.explain.close-at-once':
    'Листинг 20-1: поток сразу закрывается; браузер пишет «соединение сброшено».',
  'stages.explain.read-request-then-close':
    'Листинг 20-2: читает строки до пустой, печатает Request: [...] и закрывает поток.',
  'stages.explain.echo': 'Не из книги: каждый полученный байт сразу отправляется обратно.',
  'stages.explain.http-hello':
    'Листинги 20-3–20-5: отвечает HTTP/1.1 200 OK с Content-Length и hello.html.',
  'stages.explain.http-routes':
    'Листинги 20-6–20-9: на / — hello.html, на любой другой путь — 404 и 404.html.',
  'stages.explain.http-slow-route':
    'Листинг 20-10: как маршруты, но /sleep ждёт {seconds} с перед ответом.',

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

  'stages.pages': 'Страницы',
  'stages.pages.helloHint': 'Отдаётся на / (листинг 20-4). Сохраняется, когда вы покидаете поле.',
  'stages.pages.notFoundHint':
    'Отдаётся с 404 на любой другой путь (листинг 20-7). Сохраняется, когда вы покидаете поле.',
  'stages.pages.reset': 'Вернуть страницу из книги',
  'stages.pages.tooLarge': 'Страница — не больше {max} КиБ.',

  'stages.view': 'Рабочие потоки',
  'stages.view.worker': 'Рабочий {index}',
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
    'Предупреждение из книги: поток на соединение ничем не ограничен, и поток запросов может плодить потоки, пока не кончатся ресурсы системы.',
  'stages.view.none': 'Потоков пока нет: они запускаются вместе со слушателем.',

  'stages.log.kind.program': 'Вывод программы',
  'stages.log.connection': 'соединение #{number}',
}
