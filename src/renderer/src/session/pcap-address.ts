/**
 * Endpoints' addresses as the bytes a synthesized IP header carries (see pcap.ts).
 */
import type { Endpoint } from '../../../shared/contract'

function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const out = new Uint8Array(4)
  for (let i = 0; i < 4; i += 1) {
    const part = parts[i] ?? ''
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null
    out[i] = Number(part)
  }
  return out
}

function parseIPv6(text: string): Uint8Array | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const halves = address.split('::')
  if (halves.length > 2) return null
  const groups = (half: string): number[] | null => {
    if (half === '') return []
    const out: number[] = []
    const pieces = half.split(':')
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i] ?? ''
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece)
        if (!v4) return null
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0))
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null
        out.push(parseInt(piece, 16))
      }
    }
    return out
  }
  const head = groups(halves[0] ?? '')
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : []
  if (!head || !tail) return null
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail]
  const out = new Uint8Array(16)
  all.forEach((group, i) => {
    out[i * 2] = group >> 8
    out[i * 2 + 1] = group & 0xff
  })
  return out
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

/**
 * The address as 4 or 16 bytes; IPv4-mapped IPv6 becomes IPv4 (that is what was on the wire). An
 * address that is neither (a host name) becomes the unspecified IPv6 address, ::.
 */
export function addressBytes(endpoint: Endpoint): Uint8Array {
  const v4 = parseIPv4(endpoint.address)
  if (v4) return v4
  const v6 = parseIPv6(endpoint.address) ?? new Uint8Array(16)
  if (MAPPED_PREFIX.every((b, i) => v6[i] === b)) return v6.slice(12)
  return v6
}

/** IPv4 as IPv4-mapped IPv6, so that both ends of a packet are one family; IPv6 as it is. */
export function toIPv6(address: Uint8Array): Uint8Array {
  if (address.length === 16) return address
  const out = new Uint8Array(16)
  out.set(MAPPED_PREFIX)
  out.set(address, 12)
  return out
}
