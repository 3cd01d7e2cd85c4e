/**
 * Which names a piece of SQL mentions, by whole words and ignoring case. The planner orders
 * objects whose dependencies live only in text (view bodies, routine bodies, defaults, checks)
 * this way: a match may see a dependency that is not there, but never misses one.
 */
const WORD = /[\p{L}\p{N}_]+/gu;
const cache = new Map<string, ReadonlySet<string>>();
const CACHE_LIMIT = 20_000;

/** The words of `text`, lower-cased. */
export function wordsOf(text: string): ReadonlySet<string> {
  let words = cache.get(text);
  if (!words) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    words = new Set(text.toLowerCase().match(WORD) ?? []);
    cache.set(text, words);
  }
  return words;
}

/** Whether a name is one word, so that wordsOf finds it. */
export function isWord(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.match(WORD)?.[0] === lower;
}

/** Whether `text` names `name` as a whole word (a name that is not one word: as a substring). */
export function mentions(text: string, name: string): boolean {
  const lower = name.toLowerCase();
  return isWord(lower) ? wordsOf(text).has(lower) : text.toLowerCase().includes(lower);
}

/** Names to look for in texts; a lookup costs the smaller of the text's words and the names. */
export class NameSet {
  private readonly words = new Set<string>();
  private readonly others: string[] = [];

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.add(name);
  }

  /** Adds a name. */
  add(name: string): void {
    const lower = name.toLowerCase();
    if (isWord(lower)) this.words.add(lower);
    else this.others.push(lower);
  }

  /** Whether `text` mentions any of the names. */
  foundIn(text: string): boolean {
    const words = wordsOf(text);
    const [few, many] = words.size <= this.words.size ? [words, this.words] : [this.words, words];
    for (const word of few) if (many.has(word)) return true;
    return this.others.length > 0 && this.others.some((name) => text.toLowerCase().includes(name));
  }
}
