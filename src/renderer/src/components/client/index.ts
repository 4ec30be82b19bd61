/**
 * The test client: a plan of requests, its run as a timeline, each response and its verdict.
 */
export { ClientPanel } from './ClientPanel'
