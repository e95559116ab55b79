/**
 * Each loop of a graph in which every node has at most one parent (an
 * objective is aligned to one other), once, starting at its node of lowest
 * rank. Linear: every node is walked once.
 */
export function loopsOf<Key>(keys: Iterable<Key>, parentOf: (key: Key) => Key | undefined, rank: (key: Key) => number): Key[][] {
  const loops: Key[][] = [];
  const done = new Set<Key>();
  for (const start of keys) {
    const path: Key[] = [];
    const onPath = new Set<Key>();
    let key: Key | undefined = start;
    while (key !== undefined && !done.has(key) && !onPath.has(key)) {
      path.push(key);
      onPath.add(key);
      key = parentOf(key);
    }
    if (key !== undefined && onPath.has(key)) {
      const loop = path.slice(path.indexOf(key));
      const first = loop.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      const at = loop.indexOf(first);
      loops.push([...loop.slice(at), ...loop.slice(0, at)]);
    }
    path.forEach((k) => done.add(k));
  }
  return loops;
}
