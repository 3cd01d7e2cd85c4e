/**
 * Which columns move when a table's column order changes: the columns kept on both sides stay
 * put along a longest common subsequence of the two orders, and only the rest move, so a swap
 * of two neighbours moves one column, not every column after them.
 */

/** Lengths of the longest common subsequences of every pair of suffixes, row-major. */
function suffixLengths(a: readonly string[], b: readonly string[]): Uint32Array {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  return lengths;
}

/**
 * The names of `b` that leave their place among the names both lists hold. Among equally short
 * answers the columns earlier in `a` stay (as sqldef does: in a swap the one that moves up moves).
 */
export function movedNames(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  const from = a.filter((name) => inB.has(name));
  const to = b.filter((name) => inA.has(name));
  if (from.every((name, i) => to[i] === name)) return [];
  const lengths = suffixLengths(from, to);
  const width = to.length + 1;
  const staying = new Set<string>();
  let [i, j] = [0, 0];
  while (i < from.length && j < to.length) {
    if (from[i] === to[j]) {
      staying.add(from[i]!);
      [i, j] = [i + 1, j + 1];
    } else if (lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!) {
      j += 1;
    } else {
      i += 1;
    }
  }
  return to.filter((name) => !staying.has(name));
}
