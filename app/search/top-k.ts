/**
 * The best k of many candidates without sorting them all: a bounded heap whose root is the worst
 * kept, so each further candidate costs one comparison unless it displaces that one. A results
 * page shows 20 of what may be thousands of matching documents or indexed words.
 */

/** The best `k` of `items`, best first; `better(a, b)` is true when `a` ranks above `b`. */
export function topK<T>(items: Iterable<T>, k: number, better: (a: T, b: T) => boolean): T[] {
  if (k <= 0) return [];
  const heap: T[] = [];
  // heap[0] is the worst kept: no child is worse than its parent.
  const worse = (a: T, b: T) => better(b, a);
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (better(item, heap[0]!)) {
      heap[0] = item;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let worst = at;
        if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
        if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
        if (worst === at) break;
        [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
        at = worst;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
