/**
 * The containers every message is made of, as valibot schemas that refuse what the contract's
 * checks always refused: anything but a plain object (an array, a Map, a class instance, an object
 * with a foreign prototype), an unknown key, an array longer than its bound.
 *
 * Those refusals come first, before any field is looked at: a request with an unknown key is
 * malformed (INVALID_REQUEST) whatever its values, and a huge array is refused before its items
 * cost anything. Valibot's own strict objects look at unknown keys last and let arrays through,
 * hence a check in front of each (a pipe keeps the object's inferred types).
 */
import * as v from 'valibot'

/** An object literal's or JSON's object: no array, no class instance, no borrowed prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** The first of the object's own keys that is not in `keys`. */
function unknownKey(value: Record<string, unknown>, keys: ReadonlySet<string>): string | undefined {
  for (const key in value) if (!keys.has(key) && Object.hasOwn(value, key)) return key
  return undefined
}

/**
 * A plain object with keys from `keys` only (`noun` names them in the message); any keys when
 * `keys` is null. Typed as what comes after it in the pipe.
 */
export function plainWithKeys<T>(keys: readonly string[] | null, noun = 'field') {
  const known = keys && new Set(keys)
  return v.custom<T>(
    (input) => isPlainObject(input) && (known === null || unknownKey(input, known) === undefined),
    (issue) => {
      const key = isPlainObject(issue.input) && known ? unknownKey(issue.input, known) : undefined
      return key === undefined
        ? 'must be a plain object'
        : `has an unknown ${noun}: ${key.slice(0, 40)}`
    },
  )
}

/**
 * The message for an absent key that is not optional: the one its field has for `undefined`,
 * so an absent field is refused as the hand-written checks refused it (they read `obj[key]`): an
 * absent host is an empty one, an absent offset is not a whole number.
 */
function absentMessage(entries: v.ObjectEntries) {
  return (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.[0]?.key
    const entry = typeof key === 'string' ? entries[key] : undefined
    const refused = entry && v.safeParse(entry, undefined, { abortEarly: true })
    return refused && !refused.success ? refused.issues[0].message : 'is required'
  }
}

/**
 * The entries of an object whose keys {@link plainWithKeys} has checked: valibot's object, which
 * is as strict then (its strict object would look for unknown keys a second time, on every
 * request). Its only issue is an absent key.
 */
export function strictEntries<const E extends v.ObjectEntries>(
  entries: E,
  absent: 'as undefined' | 'required' = 'as undefined',
) {
  return v.object(entries, absent === 'required' ? 'is required' : absentMessage(entries))
}

/** The keys of `entries` that may be absent and have no default. */
function optionalKeys(entries: v.ObjectEntries): string[] {
  return Object.keys(entries).filter((key) => {
    const entry = entries[key]
    return (
      entry?.type === 'optional' &&
      (entry as v.OptionalSchema<v.GenericSchema, unknown>).default === undefined
    )
  })
}

/**
 * An optional field given as `undefined` is left out, as if absent: valibot keeps the key, and
 * a patch spread over what it changes must not set anything to undefined. (The object is
 * valibot's output, not the caller's.)
 */
function withoutUndefined<T>() {
  return v.transform((value: T): T => {
    const fields = value as Record<string, unknown>
    // Only an optional field can be undefined here: any other would have been refused.
    for (const key in fields) if (fields[key] === undefined) delete fields[key]
    return value
  })
}

/**
 * `checked` (an object of `entries` behind the check of its keys) leaving out the optional
 * fields given as `undefined`; `checked` itself when it has none, at no cost.
 */
export function leavingOutUndefined<In, Out>(
  entries: v.ObjectEntries,
  checked: v.GenericSchema<In, Out>,
) {
  return optionalKeys(entries).length === 0 ? checked : v.pipe(checked, withoutUndefined<Out>())
}

/**
 * A plain object with exactly these entries: unknown keys refused first, then each entry in
 * order. An absent key that is not optional is refused as its field refuses `undefined`, or as
 * required (`absent`); an optional one given as `undefined` is left out.
 */
export function strictObject<const E extends v.ObjectEntries>(
  entries: E,
  absent: 'as undefined' | 'required' = 'as undefined',
) {
  const schema = strictEntries(entries, absent)
  return leavingOutUndefined(
    entries,
    v.pipe(plainWithKeys<v.InferInput<typeof schema>>(Object.keys(entries)), schema),
  )
}

/**
 * A plain object whose keys are some of `keys` (refused first, as `unknown <noun>`), each with a
 * value of `value`'s schema. Its type is a partial record over the keys.
 */
export function plainRecord<const K extends string, V extends v.GenericSchema>(
  keys: readonly K[],
  noun: string,
  value: V,
) {
  const schema = v.record(v.picklist(keys), value)
  return v.pipe(plainWithKeys<v.InferInput<typeof schema>>(keys, noun), schema)
}

/**
 * Objects told apart by `key` (see {@link variantOption}), on a plain object only; an optional
 * field given as `undefined` is left out.
 */
export function plainVariant<const K extends string, const O extends v.VariantOptions<K>>(
  key: K,
  options: O,
  message: string,
) {
  const schema = v.variant(key, options, message)
  const entries: v.ObjectEntries = Object.assign(
    {},
    ...options.map((option) => ('entries' in option ? option.entries : {})),
  )
  return leavingOutUndefined(
    entries,
    v.pipe(plainWithKeys<v.InferInput<typeof schema>>(null), schema),
  )
}

/** An array of at most `max` items, refused as too long before any item is checked. */
export function boundedArray<S extends v.GenericSchema>(item: S, max: number, noun: string) {
  const schema = v.array(item)
  return v.pipe(
    v.custom<v.InferInput<typeof schema>>(
      (input) => Array.isArray(input) && input.length <= max,
      (issue) => (Array.isArray(issue.input) ? `has more than ${max} ${noun}` : 'must be an array'),
    ),
    schema,
  )
}

/**
 * An option of a `v.variant` (which needs valibot's own object schemas): strict, its messages
 * for an unknown or a missing key. The variant's object is checked as plain by
 * {@link plainVariant}.
 */
export function variantOption<const E extends v.ObjectEntries>(entries: E) {
  const absent = absentMessage(entries)
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never' ? 'is not a field it takes' : absent(issue),
  )
}

/**
 * A plain object with no keys, answered as a fresh `{}`. Typed `Record<string, never>`: valibot's
 * `strictObject({})` infers `{}`, which TypeScript lets any value but null and undefined be.
 */
export function emptyObject() {
  return v.pipe(
    plainWithKeys<Record<string, never>>([]),
    v.transform((): Record<string, never> => ({})),
  )
}
