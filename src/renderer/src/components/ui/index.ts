/**
 * Widgets the features share: labelled text and number fields, a command with a copy button, and
 * the splitter between two panes.
 */
export { CommandLine } from './CommandLine'
export { NumberField, type NumberFieldProps } from './NumberField'
export { Splitter, type SplitterProps } from './Splitter'
export { TabList, type TabListProps } from './TabList'
export { TextField, type TextFieldProps } from './TextField'
