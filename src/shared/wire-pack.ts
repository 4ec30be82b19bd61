/**
 * Event batches over browser mode's WebSocket without their keys (issue 12).
 *
 * An HTTP request makes eleven events, and most of their JSON was key names ("capturedOut":,
 * "listenerBytesOut": …): about 2.1 KB per request that the engine wrote, Chromium carried and the
 * page parsed, which cost a served request in four with the page live. Packed, every object is
 * the array of its values, its keys listed once per batch in `shapes`; the page unpacks to exactly
 * what `JSON.parse(JSON.stringify(batch))` would give, so nothing downstream changes.
 *
 * Strings of {@link INTERN_MIN_LENGTH} characters or more go once per batch too, in `strings`:
 * every request of a burst carries the same request and response previews (about 90 characters
 * of Base64 each), which were a quarter of what was left.
 *
 * The codec knows nothing about events: any JSON value packs, and what cannot be unpacked is
 * refused whole, never half-read.
 */
import type { EngineEvent, EventBatch } from './contract'

/** A batch as it crosses the wire. */
export interface PackedBatch {
  seq: number
  /** The clock the events' `at` count from. */
  at: number
  /**
   * Key lists, each once: an object packs as `[i + 1, ...values]` with its keys in `shapes[i]`,
   * an array as `[0, ...items]`, a long string as `[-(i + 1)]` with its text in `strings[i]`;
   * shorter strings, numbers, booleans and null stay as they are.
   */
  shapes: Shape[]
  /** Long strings, each once (absent when the batch has none). */
  strings?: string[]
  /** The batch's events, packed. */
  events: unknown[]
}

/**
 * An object's keys. An event's shape also holds its `type`, whose value is then not sent, and its
 * `at` is sent as the difference from the batch's: eleven type names and clocks were a third of
 * what was left of an HTTP request.
 */
export interface Shape {
  keys: string[]
  type?: string
}

/**
 * The shortest string sent once per batch. A reference costs four to eight characters: shorter
 * strings would gain little, and every string looked up costs the engine a hash.
 */
export const INTERN_MIN_LENGTH = 8

/** Where a key list's index is found by walking its keys (no string joins, no collisions). */
interface ShapeNode {
  index: number
  next: Map<string, ShapeNode>
}

const newNode = (): ShapeNode => ({ index: -1, next: new Map() })

/** Skipped in an object and null in an array, as JSON.stringify does. */
function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/** An event whose type and clock go in its shape: `type` a string, `at` a safe integer. */
function isTypedEvent(value: unknown): value is { type: string; at: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { type, at } = value as Record<string, unknown>
  return typeof type === 'string' && Number.isSafeInteger(at)
}

/** `batch` packed; JSON.stringify of the result is what goes on the wire. */
export function packBatch(batch: EventBatch): PackedBatch {
  const shapes: Shape[] = []
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const plain = newNode()
  const typed = new Map<string, ShapeNode>()
  const first = batch.events[0]
  const base = isTypedEvent(first) ? first.at : 0

  const shapeOf = (keys: string[], type: string | undefined): number => {
    let node = plain
    if (type !== undefined) {
      node = typed.get(type) ?? newNode()
      typed.set(type, node)
    }
    for (const key of keys) {
      let child = node.next.get(key)
      if (child === undefined) {
        child = newNode()
        node.next.set(key, child)
      }
      node = child
    }
    if (node.index < 0) {
      node.index = shapes.length
      shapes.push(type === undefined ? { keys } : { keys, type })
    }
    return node.index
  }

  const packObject = (record: Record<string, unknown>, type: string | undefined): unknown[] => {
    const keys: string[] = []
    const out: unknown[] = [0]
    for (const key of Object.keys(record)) {
      const item = record[key]
      if (isDropped(item)) continue
      keys.push(key)
      if (type === undefined) out.push(pack(item))
      else if (key === 'at') out.push((item as number) - base)
      else if (key !== 'type') out.push(pack(item))
    }
    out[0] = shapeOf(keys, type) + 1
    return out
  }

  const pack = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.length < INTERN_MIN_LENGTH) return value
      let index = stringIndex.get(value)
      if (index === undefined) {
        index = strings.length
        strings.push(value)
        stringIndex.set(value, index)
      }
      return [-(index + 1)]
    }
    if (value === null || typeof value !== 'object') return value
    if (!Array.isArray(value)) return packObject(value as Record<string, unknown>, undefined)
    const out: unknown[] = [0]
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      out.push(isDropped(item) ? null : pack(item))
    }
    return out
  }

  const events = batch.events.map((event: unknown) =>
    isTypedEvent(event) && Number.isSafeInteger(event.at - base)
      ? packObject(event, event.type)
      : pack(event),
  )
  return strings.length === 0
    ? { seq: batch.seq, at: base, shapes, events }
    : { seq: batch.seq, at: base, shapes, strings, events }
}

/**
 * The batch `raw` packs (as JSON.parse gave it), or null if it is not a packed batch: a bad tag,
 * a shape index out of range, a value count that does not match its keys.
 */
export function unpackBatch(raw: unknown): EventBatch | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { seq, at, shapes, strings, events } = raw as Partial<Record<keyof PackedBatch, unknown>>
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return null
  if (typeof at !== 'number' || !Number.isSafeInteger(at)) return null
  if (!Array.isArray(shapes) || !Array.isArray(events) || !shapes.every(isShape)) return null
  const texts: unknown = strings ?? []
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) return null
  const plans = (shapes as Shape[]).map(planOf)

  const unpack = (value: unknown, isEvent: boolean): unknown => {
    if (value === null || typeof value !== 'object') return value
    if (!Array.isArray(value)) throw new Error('not a packed value')
    const tag: unknown = value[0]
    if (tag === 0) {
      const out: unknown[] = []
      for (let i = 1; i < value.length; i++) {
        const item: unknown = value[i]
        out.push(item === null || typeof item !== 'object' ? item : unpack(item, false))
      }
      return out
    }
    if (typeof tag === 'number' && tag < 0) {
      const text = texts[-tag - 1]
      if (value.length !== 1 || text === undefined) throw new Error('no such string')
      return text
    }
    const plan = typeof tag === 'number' ? plans[tag - 1] : undefined
    if (plan === undefined) throw new Error('no such shape')
    if (plan.type !== undefined && !isEvent) throw new Error('an event shape inside a value')
    if (plan.sent !== value.length - 1) throw new Error('values do not match the keys')
    const out: Record<string, unknown> = plan.template === null ? {} : { ...plan.template }
    let next = 1
    for (let i = 0; i < plan.keys.length; i++) {
      const key = plan.keys[i] as string
      switch (plan.steps[i]) {
        case Step.Value: {
          // Most values are plain: no call for them.
          const item: unknown = value[next++]
          out[key] = item === null || typeof item !== 'object' ? item : unpack(item, false)
          break
        }
        case Step.Type:
          out[key] = plan.type
          break
        case Step.Clock: {
          const delta: unknown = value[next++]
          if (typeof delta !== 'number' || !Number.isSafeInteger(delta)) throw new Error('bad at')
          out[key] = at + delta
          break
        }
        default:
          // As JSON.parse makes it: an own property, never the prototype.
          Object.defineProperty(out, key, {
            value: unpack(value[next++], false),
            enumerable: true,
            writable: true,
            configurable: true,
          })
      }
    }
    return out
  }

  try {
    return { seq, events: events.map((event) => unpack(event, true)) as EngineEvent[] }
  } catch {
    // Unpackable, or nested past the stack: refused whole.
    return null
  }
}

/** How each key of a shape is filled, worked out once per batch rather than per object. */
const enum Step {
  Value,
  Type,
  Clock,
  /** A value for the key "__proto__", which a plain assignment would not make an own key. */
  ProtoValue,
}

interface Plan {
  keys: readonly string[]
  steps: readonly Step[]
  type: string | undefined
  /** Values sent per object. */
  sent: number
  /**
   * An object with the shape's keys (all null) that each unpacked object starts as a copy of,
   * or null for a shape with a `__proto__` key. An object given twenty keys one by one falls
   * into V8's slow dictionary mode; a copy of one with fast properties keeps them, and every
   * copy shares its hidden class, so reading and spreading connections stays fast.
   */
  template: Readonly<Record<string, unknown>> | null
}

function planOf({ keys, type }: Shape): Plan {
  const steps = keys.map((key) => {
    if (type !== undefined && key === 'type') return Step.Type
    if (type !== undefined && key === 'at') return Step.Clock
    return key === '__proto__' ? Step.ProtoValue : Step.Value
  })
  const blank: Record<string, unknown> = {}
  for (const key of keys) blank[key] = null
  const template = steps.includes(Step.ProtoValue) ? null : { ...blank }
  return { keys, steps, type, sent: type === undefined ? keys.length : keys.length - 1, template }
}

function isShape(value: unknown): value is Shape {
  if (typeof value !== 'object' || value === null) return false
  const { keys, type } = value as Partial<Record<keyof Shape, unknown>>
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return false
  if (type === undefined) return true
  if (typeof type !== 'string') return false
  // A typed shape sends neither its type nor a plain `at`: both keys must be there, once each.
  let types = 0
  let clocks = 0
  for (const key of keys) {
    if (key === 'type') types += 1
    else if (key === 'at') clocks += 1
  }
  return types === 1 && clocks === 1
}
