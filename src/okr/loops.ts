/**
 * Each loop of a graph in which every node has at most one parent (an
 * objective is aligned to one other), once, starting at its node of lowest
 * rank. Linear: every node is walked once.
 */
export function loopsOf<Key>(keys: Iterable<Key>, parentOf: (key: Key) => Key | undefined, rank: (key: Key) => number): Key[][] {
  const loops: Key[][] = [];
  // The walk that reached each key first: a walk that meets a key of its own has gone round a loop;
  // one that meets an earlier walk's key stops there. (One map, not a set per walk: validation walks every row.)
  const walkOf = new Map<Key, number>();
  let walk = 0;
  for (const start of keys) {
    walk++;
    const path: Key[] = [];
    let key: Key | undefined = start;
    while (key !== undefined && !walkOf.has(key)) {
      path.push(key);
      walkOf.set(key, walk);
      key = parentOf(key);
    }
    if (key !== undefined && walkOf.get(key) === walk) {
      const loop = path.slice(path.indexOf(key));
      const first = loop.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      const at = loop.indexOf(first);
      loops.push([...loop.slice(at), ...loop.slice(0, at)]);
    }
  }
  return loops;
}
