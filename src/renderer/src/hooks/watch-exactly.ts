/**
 * Keeps a ResizeObserver on exactly the elements a render left on screen: the new ones are
 * observed, the gone ones let go (an observer holds what it watches).
 */
export function watchExactly(
  observer: ResizeObserver,
  watched: Set<Element>,
  now: ReadonlySet<Element>,
): void {
  for (const element of watched)
    if (!now.has(element)) {
      observer.unobserve(element)
      watched.delete(element)
    }
  for (const element of now)
    if (!watched.has(element)) {
      observer.observe(element)
      watched.add(element)
    }
}
