/**
 * The teacher's class view: many students' progress files or sessions in one table.
 */
export { ClassView, type ClassViewProps } from './ClassView'
