/**
 * What the OS says about a port: why a listen failed (with who holds the port and the excluded
 * ranges), and what localhost resolves to.
 */
export { BindErrorPanel, type BindErrorPanelProps } from './BindErrorPanel'
export { LocalhostPanel } from './LocalhostPanel'
