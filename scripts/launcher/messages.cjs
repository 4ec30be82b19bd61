// Every sentence the launcher, web.cjs and postinstall.cjs print, in English and Russian, with
// {name} placeholders. Commands and file paths are not translated: they are built in code.
//
// Loaded before the Node.js version check, so it keeps to ES2019 syntax (see node-version.cjs).
'use strict'

const en = {
  nodeTooOld:
    'Socket Lab: this is Node.js {found}, but Socket Lab needs Node.js 20.19 or newer on the 20.x line, or 22.12 or newer; install the current LTS release from https://nodejs.org/ and run npm install again.',
  usage:
    'Usage: npm start -- [--browser] [--no-sandbox] [--data-dir DIR] [--ui-port N] [--no-open] [--help]',
  help: [
    'Starts Socket Lab: the desktop app where Electron can run here, browser mode otherwise.',
    '',
    '  --browser       go straight to browser mode (the GUI in your web browser)',
    "  --no-sandbox    start the desktop app with Chromium's sandbox turned off: this weakens",
    '                  security (also SOCKETLAB_NO_SANDBOX=1)',
    '  --data-dir DIR  keep the settings in DIR, in both modes (also SOCKETLAB_DATA_DIR)',
    "  --ui-port N     browser mode: the GUI server's port on 127.0.0.1 (default: a free one)",
    '  --no-open       browser mode: do not open the system browser',
    '  --help          show this text',
    '',
    'Options go after "--", so that npm passes them on: npm start -- --browser',
  ].join('\n'),
  argUnknown: 'Socket Lab: unknown option {option}.',
  argMissingValue: 'Socket Lab: {option} needs a value.',
  argNoValue: 'Socket Lab: {option} takes no value.',
  argPositional: 'Socket Lab: unexpected argument {arg}; every option starts with --.',
  argOther: 'Socket Lab: {message}',
  argBadPort:
    'Socket Lab: --ui-port {value}: the port must be a whole number from 0 to 65535 (0 picks a free one).',
  argEmptyDir: 'Socket Lab: --data-dir needs a folder.',

  noBinary: 'Socket Lab: no Electron binary on this machine; starting browser mode instead.',
  noBinaryOldNode:
    'Socket Lab: no Electron binary on this machine, and the desktop app needs Node.js 22.12 or newer to download it (this is Node.js {found}); starting browser mode instead.',
  sandboxOff:
    "Socket Lab: Chromium's sandbox is OFF for this run ({source}), as you asked; this weakens security.",
  started:
    'Socket Lab is running in its own window (log file: {logFile}); close it or press Ctrl-C here to quit.',
  building: 'Socket Lab: building the app into out/ (the sources changed since the last build)…',
  buildFailed: 'Socket Lab: the build failed ({detail}); the messages above say why.',
  spawnFailed: 'Socket Lab: could not start {command}: {message}',
  unexpected: 'Socket Lab: the launcher failed unexpectedly: {message}',
  howExitCode: 'exit code {code}',
  howSignal: 'signal {signal}',
  crashedAfterStart: 'Socket Lab: the desktop app stopped unexpectedly ({how}).',
  endedWithoutWindow: 'Socket Lab: the desktop app ended before opening its window ({how}).',
  killAfterTimeout:
    'Socket Lab: the desktop app did not stop within {seconds} s of {signal}; ending it.',
  fallback: 'Starting browser mode instead: it prints the address to open in your browser.',

  failedAtStart: 'Socket Lab: the desktop app stopped at start ({how}).',
  notStarted: 'Socket Lab: the desktop app was not started.',
  causeSuidSandbox:
    'Chromium, which draws its window, will not run without its sandbox, and the sandbox could not be set up here.',
  causeNoUsableSandbox:
    'Chromium, which draws its window, found no usable sandbox, and it will not run without one.',
  whyAppArmor:
    "This Linux (Ubuntu 23.10 or later, or a distribution doing the same) restricts unprivileged user namespaces with AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1), so this development copy of Electron cannot use Chromium's usual sandbox.",
  whyNoUserns:
    "Chromium's usual sandbox (user namespaces) is not available here, so it falls back to the helper {helper}, which must be owned by root with mode 4755.",
  helperNotSetuid:
    'The helper {helper} is not owned by root with mode 4755 (owner uid {uid}, mode {mode}).',
  helperMissing: 'The helper {helper} is missing.',
  helperSetuidButFailed:
    'The helper {helper} is owned by root with mode 4755, yet Chromium could not use it: a folder mounted with nosuid, or a container, can prevent that.',
  fixesPickOne: 'Fixes (any one of them):',
  fixDeb:
    'Install the packaged app: npm run package builds a .deb in dist/, and installing it also installs an AppArmor profile that allows the sandbox (an AppImage does not).',
  fixProfile:
    'Allow this development copy of Electron: save these lines as /etc/apparmor.d/socket-lab-dev (as root),',
  fixProfileLoad: 'then load the profile:',
  fixSysctl: 'Lift the restriction until the next reboot:',
  fixSetuid: 'Make the helper setuid root (again after each reinstall of Electron):',
  noSandboxOptIn:
    'Or, only on a machine you trust, turn the sandbox off with npm start -- --no-sandbox (or SOCKETLAB_NO_SANDBOX=1): this weakens security.',

  causeRoot:
    'Chromium, which draws its window, refuses to run as root with its sandbox on, and this terminal is root.',
  fixRootUser:
    'Run it as an ordinary user, not with sudo or as root: switch to that user, go to the project folder and run npm start again:',
  userPlaceholder: 'USER',
  fixRootContainer:
    'In a container, create a user first, or use browser mode (npm start -- --browser):',

  causeNoDisplayPreflight:
    'There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), and Electron needs one to open its window.',
  causeNoDisplayFailed: 'Electron found no X server or display to open its window on ({display}).',
  displayUnset: 'DISPLAY is not set',
  whatYouCanDo: 'What you can do:',
  fixDisplayDesktop:
    'Run npm start in a terminal of your desktop session, not over SSH (or connect with ssh -X, which forwards the display).',
  fixDisplayWsl:
    "On WSL: Windows 11's WSLg gives Linux apps a display (run wsl --update in Windows); or use browser mode and open its address in a Windows browser.",
  fixDisplayContainer: 'In a container: use browser mode (npm start -- --browser).',
  fixDisplayCi: 'For automated runs (CI), give it a virtual display:',

  causeUnknown: 'Socket Lab does not recognise the reason; the last lines it printed were:',
  causeUnknownNoOutput: 'It printed nothing, so the reason is unknown.',

  piDownloading:
    'Socket Lab: downloading the Electron {version} binary for the desktop app (about 100 MB)…',
  piSkippedEnv:
    'Socket Lab: skipped the Electron download ({variable}=1); npm start will run browser mode instead.',
  piSkippedNode:
    'Socket Lab: skipped the Electron download: its installer needs Node.js 22.12 or newer, and this is Node.js {found}; npm start will run browser mode instead.',
  piFailed:
    'Socket Lab: the Electron binary could not be downloaded ({reason}); npm start will run browser mode instead.',
  piTimedOut: 'the download did not finish within {seconds} s',
  piDone: 'Socket Lab: the Electron binary is in place; npm start opens the desktop app.',
  piUnexpected:
    'Socket Lab: the Electron download step failed unexpectedly ({message}); npm start will run browser mode instead.',
  piProxy:
    "Behind a proxy, set HTTPS_PROXY (and HTTP_PROXY or NO_PROXY if needed) together with ELECTRON_GET_USE_PROXY=1: without it Electron's downloader ignores the proxy variables. Or set ELECTRON_MIRROR to a mirror's address. Then run npm install again.",
}

/** @type {typeof en} */
const ru = {
  nodeTooOld:
    'Socket Lab: установлен Node.js {found}, а Socket Lab нужен Node.js 20.19 или новее из ветки 20.x либо 22.12 или новее; установите актуальную LTS-версию с https://nodejs.org/ и снова выполните npm install.',
  usage:
    'Использование: npm start -- [--browser] [--no-sandbox] [--data-dir ПАПКА] [--ui-port N] [--no-open] [--help]',
  help: [
    'Запускает Socket Lab: настольное приложение, если Electron может здесь работать, иначе — браузерный',
    'режим.',
    '',
    '  --browser         сразу браузерный режим (интерфейс в вашем браузере)',
    '  --no-sandbox      запустить настольное приложение с отключённой песочницей Chromium: это',
    '                    ослабляет защиту (то же, что SOCKETLAB_NO_SANDBOX=1)',
    '  --data-dir ПАПКА  хранить настройки в ПАПКЕ, в обоих режимах (то же, что SOCKETLAB_DATA_DIR)',
    '  --ui-port N       браузерный режим: порт сервера интерфейса на 127.0.0.1 (по умолчанию свободный)',
    '  --no-open         браузерный режим: не открывать системный браузер',
    '  --help            показать эту справку',
    '',
    'Параметры пишутся после «--», чтобы npm передал их дальше: npm start -- --browser',
  ].join('\n'),
  argUnknown: 'Socket Lab: неизвестный параметр {option}.',
  argMissingValue: 'Socket Lab: после {option} нужно значение.',
  argNoValue: 'Socket Lab: {option} не принимает значения.',
  argPositional: 'Socket Lab: лишний аргумент {arg}; все параметры начинаются с --.',
  argOther: 'Socket Lab: {message}',
  argBadPort:
    'Socket Lab: --ui-port {value}: порт — целое число от 0 до 65535 (0 — любой свободный).',
  argEmptyDir: 'Socket Lab: после --data-dir нужно указать папку.',

  noBinary:
    'Socket Lab: на этом компьютере нет исполняемого файла Electron; запускаю браузерный режим.',
  noBinaryOldNode:
    'Socket Lab: на этом компьютере нет исполняемого файла Electron, а чтобы его скачать, настольному приложению нужен Node.js 22.12 или новее (установлен {found}); запускаю браузерный режим.',
  sandboxOff:
    'Socket Lab: песочница Chromium в этом запуске ОТКЛЮЧЕНА ({source}), как вы просили; это ослабляет защиту.',
  started:
    'Socket Lab работает в своём окне (файл журнала: {logFile}); чтобы выйти, закройте окно или нажмите здесь Ctrl-C.',
  building: 'Socket Lab: собираю приложение в out/ (исходники изменились после прошлой сборки)…',
  buildFailed: 'Socket Lab: сборка не удалась ({detail}); причина — в сообщениях выше.',
  spawnFailed: 'Socket Lab: не удалось запустить {command}: {message}',
  unexpected: 'Socket Lab: непредвиденная ошибка при запуске: {message}',
  howExitCode: 'код выхода {code}',
  howSignal: 'сигнал {signal}',
  crashedAfterStart: 'Socket Lab: настольное приложение неожиданно завершилось ({how}).',
  endedWithoutWindow: 'Socket Lab: настольное приложение завершилось, не открыв окна ({how}).',
  killAfterTimeout:
    'Socket Lab: настольное приложение не завершилось за {seconds} с после {signal}; завершаю его принудительно.',
  fallback:
    'Вместо него запускаю браузерный режим: он напечатает адрес, который нужно открыть в браузере.',

  failedAtStart: 'Socket Lab: настольное приложение остановилось при запуске ({how}).',
  notStarted: 'Socket Lab: настольное приложение не запущено.',
  causeSuidSandbox:
    'Chromium, который рисует окно, не работает без своей песочницы, а настроить её здесь не удалось.',
  causeNoUsableSandbox:
    'Chromium, который рисует окно, не нашёл пригодной песочницы, а без неё он не работает.',
  whyAppArmor:
    'Этот Linux (Ubuntu 23.10 и новее или дистрибутив с такой же настройкой) ограничивает непривилегированные пространства имён пользователей через AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1), и этой копии Electron для разработки обычная песочница Chromium недоступна.',
  whyNoUserns:
    'Обычная песочница Chromium (пространства имён пользователей) здесь недоступна, поэтому он обращается к вспомогательной программе {helper}, а она должна принадлежать root и иметь права 4755.',
  helperNotSetuid:
    'Вспомогательная программа {helper} не принадлежит root с правами 4755 (владелец — uid {uid}, права {mode}).',
  helperMissing: 'Вспомогательной программы {helper} нет.',
  helperSetuidButFailed:
    'Вспомогательная программа {helper} принадлежит root и имеет права 4755, но Chromium не смог ею воспользоваться: так бывает, если папка смонтирована с nosuid или всё работает в контейнере.',
  fixesPickOne: 'Как исправить (достаточно одного способа):',
  fixDeb:
    'Установите собранное приложение: npm run package создаёт пакет .deb в папке dist/, и вместе с ним устанавливается профиль AppArmor, разрешающий песочницу (у AppImage такого профиля нет).',
  fixProfile:
    'Разрешите песочницу этой копии Electron для разработки: сохраните эти строки в файл /etc/apparmor.d/socket-lab-dev (от имени root),',
  fixProfileLoad: 'затем загрузите профиль:',
  fixSysctl: 'Снимите ограничение до следующей перезагрузки:',
  fixSetuid:
    'Сделайте вспомогательную программу setuid-root (повторять после каждой переустановки Electron):',
  noSandboxOptIn:
    'Или, только на компьютере, которому вы доверяете, отключите песочницу: npm start -- --no-sandbox (или SOCKETLAB_NO_SANDBOX=1); это ослабляет защиту.',

  causeRoot:
    'Chromium, который рисует окно, отказывается работать от имени root с включённой песочницей, а этот терминал работает от root.',
  fixRootUser:
    'Запускайте от имени обычного пользователя, а не через sudo и не от root: переключитесь на него, перейдите в папку проекта и снова выполните npm start:',
  userPlaceholder: 'ИМЯ_ПОЛЬЗОВАТЕЛЯ',
  fixRootContainer:
    'В контейнере сначала создайте пользователя или используйте браузерный режим (npm start -- --browser):',

  causeNoDisplayPreflight:
    'Здесь нет дисплея (не задана ни DISPLAY, ни WAYLAND_DISPLAY), а Electron нужен дисплей, чтобы открыть окно.',
  causeNoDisplayFailed:
    'Electron не нашёл X-сервера или дисплея, на котором можно открыть окно ({display}).',
  displayUnset: 'DISPLAY не задана',
  whatYouCanDo: 'Что можно сделать:',
  fixDisplayDesktop:
    'Запустите npm start в терминале своего графического сеанса, а не по SSH (или подключитесь через ssh -X: он пробрасывает дисплей).',
  fixDisplayWsl:
    'В WSL: WSLg в Windows 11 даёт Linux-приложениям дисплей (выполните wsl --update в Windows); или используйте браузерный режим и откройте его адрес в браузере Windows.',
  fixDisplayContainer: 'В контейнере: используйте браузерный режим (npm start -- --browser).',
  fixDisplayCi: 'Для автоматических запусков (CI) дайте ему виртуальный дисплей:',

  causeUnknown: 'Причину Socket Lab определить не смог; последние строки вывода:',
  causeUnknownNoOutput: 'Приложение ничего не вывело, так что причина неизвестна.',

  piDownloading:
    'Socket Lab: скачиваю исполняемый файл Electron {version} для настольного приложения (около 100 МБ)…',
  piSkippedEnv:
    'Socket Lab: загрузка Electron пропущена ({variable}=1); npm start будет запускать браузерный режим.',
  piSkippedNode:
    'Socket Lab: загрузка Electron пропущена: его установщику нужен Node.js 22.12 или новее, а установлен {found}; npm start будет запускать браузерный режим.',
  piFailed:
    'Socket Lab: исполняемый файл Electron скачать не удалось ({reason}); npm start будет запускать браузерный режим.',
  piTimedOut: 'загрузка не завершилась за {seconds} с',
  piDone:
    'Socket Lab: исполняемый файл Electron на месте; npm start откроет настольное приложение.',
  piUnexpected:
    'Socket Lab: шаг загрузки Electron неожиданно завершился ошибкой ({message}); npm start будет запускать браузерный режим.',
  piProxy:
    'Если выход в интернет идёт через прокси, задайте HTTPS_PROXY (и при необходимости HTTP_PROXY или NO_PROXY) вместе с ELECTRON_GET_USE_PROXY=1: без неё загрузчик Electron не учитывает переменные прокси. Или укажите адрес зеркала в ELECTRON_MIRROR. Затем снова выполните npm install.',
}

/** @typedef {keyof typeof en} MessageKey */
/** @typedef {'en' | 'ru'} Language */

const CATALOGS = { en, ru }

/**
 * The terminal's language: the first of LC_ALL, LC_MESSAGES, LANG, LANGUAGE that is set decides
 * (Russian when it starts with "ru"); on Windows and macOS, where terminals seldom set them, the
 * system locale does.
 *
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 * @param {() => string} systemLocale e.g. () => Intl.DateTimeFormat().resolvedOptions().locale
 * @returns {Language}
 */
function pickLanguage(env, platform, systemLocale) {
  const names = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']
  let locale = ''
  for (const name of names) {
    if (env[name]) {
      locale = String(env[name])
      break
    }
  }
  if (!locale && (platform === 'win32' || platform === 'darwin')) {
    try {
      locale = systemLocale()
    } catch {
      locale = ''
    }
  }
  return /^ru/i.test(locale) ? 'ru' : 'en'
}

/** @returns {Language} the language of this process's terminal */
function currentLanguage() {
  return pickLanguage(
    process.env,
    process.platform,
    () => Intl.DateTimeFormat().resolvedOptions().locale,
  )
}

/**
 * Fills {name} placeholders; an unknown one is left as it is, so that a gap shows instead of crashing.
 *
 * @param {string} template
 * @param {Record<string, string | number>} [params]
 */
function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  )
}

/**
 * A translator for one language: t('key', { name: value }).
 *
 * @param {Language} language
 * @returns {(key: MessageKey, params?: Record<string, string | number>) => string}
 */
function translator(language) {
  const catalog = CATALOGS[language] || en
  return (key, params) => format(catalog[key], params)
}

module.exports = { CATALOGS, pickLanguage, currentLanguage, format, translator }
