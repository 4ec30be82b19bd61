/**
 * True when A and B are the same type: a declaration like
 * `const isSame: Same<v.InferOutput<typeof schema>, Kept> = true` binds a type kept as written (for
 * its readability, or because another module owns it) to its schema at compile time.
 *
 * TypeScript's own identity, not assignability both ways: that would let either side have an
 * optional field the other lacks.
 */
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
