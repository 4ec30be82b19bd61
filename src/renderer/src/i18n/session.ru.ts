/**
 * Russian messages of saved sessions and pcap export; spread into ru.ts. Same keys as session.en.ts.
 */
import type { sessionEn } from './session.en'
import type { Message } from './translate'

export const sessionRu: { readonly [K in keyof typeof sessionEn]: Message } = {
  'session.save': 'Сохранить сеанс',
  'session.open': 'Открыть сеанс',
  'session.exportPcap': 'Экспорт pcap',
  'session.exportPcapHint': 'Все соединения в файл захвата, который открывают Wireshark и tshark',
  'session.connectionPcapHint':
    'Это соединение в файл захвата, который открывают Wireshark и tshark',
  'session.working': 'Выполняется…',
  'session.saved': 'Сохранено: {file}.',
  'session.failed': 'Не удалось сохранить: {reason}',
  'session.openError': 'Не удалось открыть файл: {reason}',
  'session.opening': 'Чтение {file}…',
  'session.viewing': 'Просмотр сохранённого сеанса: {file}, сохранён {when}. Только чтение.',
  'session.viewingHint':
    'Всё так, как было при сохранении; здесь ничего не слушает и не отправляет. Вернитесь к живому режиму, чтобы работать с настоящими сокетами.',
  'session.backToLive': 'К живому режиму',
  'session.readOnly': 'Сохранённый сеанс только для чтения.',
  'session.openFailed': 'Не удалось открыть {file}:',
  'session.problem.too-large':
    'файл слишком большой ({size}; файл сеанса может быть не больше {limit}). Он не прочитан.',
  'session.problem.too-deep':
    'в нём больше {limit} уровней вложенности, глубже любого файла сеанса Socket Lab. Он не разобран.',
  'session.problem.too-many-values':
    'в нём больше {count} массивов, объектов и элементов списков — больше, чем в любом файле сеанса Socket Lab. Он не разобран.',
  'session.problem.not-json': 'это не файл сеанса Socket Lab (не JSON).',
  'session.problem.not-a-session': 'это не файл сеанса Socket Lab.',
  'session.problem.newer-version':
    'он сохранён более новой версией Socket Lab (формат {version}); обновите приложение.',
  'session.problem.damaged': 'файл повреждён (в {where}).',
  'session.problem.unreadable': 'файл не удалось прочитать.',
  'session.dismiss': 'Закрыть',
}
