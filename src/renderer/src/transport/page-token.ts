/**
 * Browser mode's access token on the page's side: from the address Socket Lab printed
 * (`http://127.0.0.1:PORT/#token=…`) into the tab's session storage, and out of the address bar.
 *
 * A fragment is never sent over HTTP, and the token is never a cookie (cookies have no port: the
 * browser would send it to the learner's own listeners on 127.0.0.1 too). The page presents it only
 * on its WebSocket, to its own server. Session storage is per tab and per origin (which includes
 * the port), and survives a reload.
 */

/** The session storage key that holds the token. */
export const TOKEN_KEY = 'socketlab.token'

/** Kept here as well, for a browser that refuses session storage: the page still connects. */
let remembered: string | null = null

function store(token: string): void {
  remembered = token
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token)
  } catch {
    // Storage disabled: this page load still has the token in memory; a reload will ask for it.
  }
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return remembered
  }
}

/** A query or fragment (without its `?` or `#`) split into its token and the rest, kept verbatim. */
function splitToken(part: string): { token: string | null; rest: string } | null {
  const pieces = part.split('&')
  const isToken = (piece: string): boolean => piece === 'token' || piece.startsWith('token=')
  const found = pieces.filter(isToken)
  if (found.length === 0) return null
  const value = new URLSearchParams(found[found.length - 1]).get('token')
  return { token: value || null, rest: pieces.filter((piece) => !isToken(piece)).join('&') }
}

/**
 * The token this page should present: a new one from the address (the fragment, or the query of
 * an address printed by an older version), else the one kept for this tab; null when there is none.
 *
 * A token found in the address is kept and removed from it (history.replaceState: no navigation,
 * no history entry); the rest of the path, query and fragment stay as they were.
 */
export function takePageToken(): string | null {
  const { pathname, search, hash } = window.location
  const query = splitToken(search.slice(1))
  const fragment = splitToken(hash.slice(1))
  if (query === null && fragment === null) return stored()
  const rest = (mark: string, part: string, split: typeof query): string => {
    const kept = split === null ? part.slice(1) : split.rest
    return kept === '' ? '' : `${mark}${kept}`
  }
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${rest('?', search, query)}${rest('#', hash, fragment)}`,
  )
  const token = fragment?.token ?? query?.token ?? null
  if (token === null) return stored()
  store(token)
  return token
}
