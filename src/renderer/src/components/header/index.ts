/**
 * The header's switches: text size, projector mode, theme and language, each saved with the
 * settings.
 */
export { LanguageSwitch } from './LanguageSwitch'
export { ProjectorToggle } from './ProjectorToggle'
export { TextSizeControls } from './TextSizeControls'
export { ThemeSwitch } from './ThemeSwitch'
