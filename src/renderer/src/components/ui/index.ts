/**
 * Widgets the features share: labelled text and number fields, a command with a copy button, the
 * splitter between two panes, tabs, and the response linter's findings.
 */
export { CommandLine } from './CommandLine'
export { NumberField, type NumberFieldProps } from './NumberField'
export { ResponseFindings, type ResponseFindingsProps } from './ResponseFindings'
export { Splitter, type SplitterProps } from './Splitter'
export { TabList, type TabListProps } from './TabList'
export { TextField, type TextFieldProps } from './TextField'
