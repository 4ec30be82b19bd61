/**
 * The class view's files: what was read so far (in the order first opened), the reading under
 * way, and what could not be taken. Reading runs in the parsing worker, one batch at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { admitFiles, fileOf, MAX_CLASS_FILES, type ClassFileResult } from '../../class/class-file'
import { createWorkerReader, type ClassReader } from '../../class/worker-reader'

export interface ClassFiles {
  /** Every file read, one per file name: a student's progress or a problem. */
  results: ClassFileResult[]
  /** The batch being read, or null. */
  reading: { done: number; total: number } | null
  /** Files of the last batch left out by the {@link MAX_CLASS_FILES} cap. */
  skipped: number
  /** A batch arrived while another was being read, and was not taken. */
  isBusyRefused: boolean
  /** Why the last batch could not be read (the worker failed), or null. */
  error: string | null
  /** Reads `files`; a file named as one already shown replaces it. */
  add(files: readonly File[]): void
  clear(): void
}

function upsert(results: readonly ClassFileResult[], next: ClassFileResult): ClassFileResult[] {
  const at = results.findIndex((r) => fileOf(r) === fileOf(next))
  if (at < 0) return [...results, next]
  const copy = [...results]
  copy[at] = next
  return copy
}

export function useClassFiles(makeReader: () => ClassReader = createWorkerReader): ClassFiles {
  const [results, setResults] = useState<ClassFileResult[]>([])
  const [reading, setReading] = useState<ClassFiles['reading']>(null)
  const [skipped, setSkipped] = useState(0)
  const [isBusyRefused, setBusyRefused] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const reader = useRef<ClassReader | null>(null)
  // The names shown and whether a batch is under way, for add() between renders.
  const shown = useRef(new Set<string>())
  const isReading = useRef(false)

  // Between batches, exactly the names in the table count: a file the worker never answered
  // for (it failed) is not held against the cap.
  useEffect(() => {
    if (reading === null) shown.current = new Set(results.map(fileOf))
  }, [reading, results])

  useEffect(
    () => () => {
      reader.current?.cancel()
      isReading.current = false
    },
    [],
  )

  const add = useCallback(
    (files: readonly File[]): void => {
      if (files.length === 0) return
      if (isReading.current) {
        setBusyRefused(true)
        return
      }
      const { admitted, skipped: left } = admitFiles(shown.current, files, MAX_CLASS_FILES)
      setBusyRefused(false)
      setSkipped(left)
      setError(null)
      if (admitted.length === 0) return
      for (const file of admitted) shown.current.add(file.name)
      isReading.current = true
      setReading({ done: 0, total: admitted.length })
      reader.current ??= makeReader()
      reader.current
        .read(admitted, (result) => {
          setResults((previous) => upsert(previous, result))
          setReading((r) => r && { ...r, done: r.done + 1 })
        })
        .catch((failure: unknown) => {
          setError(failure instanceof Error ? failure.message : String(failure))
        })
        .finally(() => {
          isReading.current = false
          setReading(null)
        })
    },
    [makeReader],
  )

  const clear = useCallback((): void => {
    reader.current?.cancel()
    setResults([])
    setSkipped(0)
    setBusyRefused(false)
    setError(null)
  }, [])

  return { results, reading, skipped, isBusyRefused, error, add, clear }
}
