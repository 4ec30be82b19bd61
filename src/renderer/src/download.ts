/**
 * Saving bytes to a file in browser mode: a Blob and an `<a download>` click, and the file goes to
 * the downloads folder. The desktop app saves through its native dialog instead (shell-io.ts).
 */

/** Offers `bytes` (or text) as a file named `name`. */
export function downloadFile(content: Uint8Array | string, name: string, type: string): void {
  // A copy: the Blob must not alias a buffer the caller may reuse.
  const part = typeof content === 'string' ? content : content.slice()
  const url = URL.createObjectURL(new Blob([part], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** `2026-11-24-1415` for file names, in local time. */
export function fileStamp(date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
}
