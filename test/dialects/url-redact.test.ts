/**
 * redactUrl masks the password of every URL in a text. It scans from each "://" rather than
 * running one regex over the whole text (a pulled schema is a megabyte), so it is held here to
 * the regex it replaced: the same output on hand-picked cases and on random texts.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { redactUrl } from "../../src/dialects/url.js";

/** The whole-text regex the scan replaced: the reference behaviour. */
const reference = (text: string): string => text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^/?#\s]*)@/gi, (_m, head: string) => `${head}****@`);

it("masks the password of each URL in a text and leaves the rest alone", () => {
  const cases: [string, string][] = [
    ["postgres://app:S3cret@db/app", "postgres://app:****@db/app"],
    ["from mysql://root:pw@127.0.0.1:3306/x to sqlite:./a.db", "from mysql://root:****@127.0.0.1:3306/x to sqlite:./a.db"],
    ["a://u:p@h and b://v:q@i", "a://u:****@h and b://v:****@i"],
    // A scheme starts with a letter: digits before it are not part of it.
    ["x 1postgres://u:p@h", "x 1postgres://u:****@h"],
    // The first "://" does not start a URL with a password; the second does.
    ["ab://cd://u:p@h", "ab://cd://u:****@h"],
    ["P+G.x-y://u:pa@h", "P+G.x-y://u:****@h"],
    ["q://u:@h", "q://u:****@h"],
    ["postgres://app@db/app (no password)", "postgres://app@db/app (no password)"],
    ["://u:p@h", "://u:p@h"],
    ["no url at all", "no url at all"],
  ];
  for (const [text, masked] of cases) {
    assert.equal(redactUrl(text), masked, text);
    assert.equal(reference(text), masked, `the reference regex agrees on ${text}`);
  }
});

it("gives what the whole-text regex gives on random texts", () => {
  // A small linear congruential generator: the same texts on every run.
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with short periods.
    return Math.floor(seed / 65536) % n;
  };
  // Pieces of URLs as well as single characters, so that most texts hold a "://" or two.
  const pieces = ["a", "1", " ", ".", ":", "/", "@", "#", "://", "u:p@"];
  for (let i = 0; i < 100_000; i++) {
    let text = "";
    for (let n = next(12); n > 0; n--) text += pieces[next(pieces.length)];
    assert.equal(redactUrl(text), reference(text), JSON.stringify(text));
  }
});
