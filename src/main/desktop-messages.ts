/**
 * The main process's own words, in English and Russian: the window title, the menu, native
 * dialogs and their file types. The renderer has its catalogs in src/renderer/src/i18n; these
 * are the few strings that Electron shows outside the page.
 */
import type { Language } from '../shared/settings'

const en = {
  'title.listening': 'Socket Lab — {count} listening',
  'title.stopped': 'Socket Lab — stopped',
  'title.sandboxOff': '{title} (sandbox off)',

  'menu.file': 'File',
  'menu.view': 'View',
  'menu.help': 'Help',
  'menu.book': 'The Rust Book: Building a Multithreaded Web Server',
  'menu.openLog': 'Show the Log File',
  'menu.openDataDir': 'Show the Data Folder',

  'dialog.saveSession': 'Save the session',
  'dialog.saveProgress': 'Export your progress',
  'dialog.saveCsv': 'Export the class as CSV',
  'dialog.savePcap': 'Export as pcap',
  'dialog.saveBytes': 'Save the bytes',
  'dialog.saveText': 'Save the text',
  'dialog.openSession': 'Open a saved session',
  'filter.session': 'Socket Lab session',
  'filter.progress': 'Socket Lab progress',
  'filter.csv': 'CSV table',
  'filter.pcap': 'Packet capture (Wireshark, tshark)',
  'filter.bytes': 'Raw bytes',
  'filter.text': 'Text',
  'filter.all': 'All files',

  'failure.title': 'Socket Lab',
  'failure.load': 'The window could not load its page.',
  'failure.loadDetail':
    '{reason} ({code}) while loading {url}. The installation may be incomplete: reinstall the app, or run `npm run build` again in the project.',
  'failure.crash': 'The window’s page stopped unexpectedly.',
  'failure.crashDetail':
    'Reason: {reason}, exit code {code}. The listeners keep running; Reload opens the page again.',
  'failure.engine': 'The listener engine could not start.',
  'failure.engineDetail': '{reason}',
  'failure.dataDir': 'Socket Lab cannot write to its data folder.',
  'failure.dataDirDetail':
    '{dir}: {reason}. Your listeners and choices will not be saved this time. Check the folder’s permissions, or start with another folder: npm start -- --data-dir <folder> (or SOCKETLAB_DATA_DIR).',
  'failure.logFile': 'Details are in the log file: {file}',
  'failure.noLogFile':
    'The log file {file} could not be written either; the details went to the terminal.',
  'failure.quit': 'Quit',
  'failure.reload': 'Reload',
  'failure.continue': 'Continue',
} as const

export type DesktopMessageKey = keyof typeof en

export const DESKTOP_MESSAGE_KEYS = Object.keys(en) as DesktopMessageKey[]

const ru: Record<DesktopMessageKey, string> = {
  'title.listening': 'Socket Lab — слушает: {count}',
  'title.stopped': 'Socket Lab — остановлен',
  'title.sandboxOff': '{title} (песочница выключена)',

  'menu.file': 'Файл',
  'menu.view': 'Вид',
  'menu.help': 'Справка',
  'menu.book': 'Книга по Rust: многопоточный веб-сервер',
  'menu.openLog': 'Показать файл журнала',
  'menu.openDataDir': 'Показать папку данных',

  'dialog.saveSession': 'Сохранить сеанс',
  'dialog.saveProgress': 'Экспорт прогресса',
  'dialog.saveCsv': 'Экспорт класса в CSV',
  'dialog.savePcap': 'Экспорт в pcap',
  'dialog.saveBytes': 'Сохранить байты',
  'dialog.saveText': 'Сохранить текст',
  'dialog.openSession': 'Открыть сохранённый сеанс',
  'filter.session': 'Сеанс Socket Lab',
  'filter.progress': 'Прогресс Socket Lab',
  'filter.csv': 'Таблица CSV',
  'filter.pcap': 'Захват пакетов (Wireshark, tshark)',
  'filter.bytes': 'Байты как есть',
  'filter.text': 'Текст',
  'filter.all': 'Все файлы',

  'failure.title': 'Socket Lab',
  'failure.load': 'Окну не удалось загрузить свою страницу.',
  'failure.loadDetail':
    '{reason} ({code}) при загрузке {url}. Возможно, установка неполная: переустановите приложение или снова выполните `npm run build` в проекте.',
  'failure.crash': 'Страница окна неожиданно остановилась.',
  'failure.crashDetail':
    'Причина: {reason}, код выхода {code}. Слушатели продолжают работать; «Перезагрузить» откроет страницу снова.',
  'failure.engine': 'Не удалось запустить движок слушателей.',
  'failure.engineDetail': '{reason}',
  'failure.dataDir': 'Socket Lab не может писать в свою папку данных.',
  'failure.dataDirDetail':
    '{dir}: {reason}. Слушатели и настройки в этот раз не сохранятся. Проверьте права на папку или запустите с другой папкой: npm start -- --data-dir <папка> (или SOCKETLAB_DATA_DIR).',
  'failure.logFile': 'Подробности — в файле журнала: {file}',
  'failure.noLogFile':
    'Файл журнала {file} тоже не удалось записать; подробности выведены в терминал.',
  'failure.quit': 'Выйти',
  'failure.reload': 'Перезагрузить',
  'failure.continue': 'Продолжить',
}

const CATALOGS: Record<Language, Record<DesktopMessageKey, string>> = { en, ru }

/** Translates a key, filling `{name}` placeholders; an unknown placeholder stays as written. */
export type DesktopTranslate = (
  key: DesktopMessageKey,
  values?: Record<string, string | number>,
) => string

/** The translator for a language. */
export function desktopTranslator(language: Language): DesktopTranslate {
  const catalog = CATALOGS[language]
  return (key, values = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    )
}

/**
 * The language of the main process's words: the one chosen in the app, else the OS's (Russian
 * for any `ru` locale, English otherwise), as the renderer decides.
 */
export function desktopLanguage(chosen: Language | null, osLocale: string): Language {
  if (chosen) return chosen
  return osLocale.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}
