/** SQL text as tokens, for the fragments the MySQL dialect parses: partitioning clauses, check expressions. */
import { segments } from "./sql-text.js";

/** A token: a backquoted identifier, a string literal (with its introducer), a number, a bare word, or punctuation. */
export interface Token {
  readonly kind: "ident" | "string" | "number" | "word" | "punct";
  readonly text: string;
}

/** Cuts SQL text into tokens; quoted runs come whole, an introducer or X'…' joins its literal. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let touching = false;
  for (const part of segments(sql)) {
    if (part.kind !== "code") {
      const last = out[out.length - 1];
      if (part.kind === "string" && touching && last?.kind === "word" && /^(_\w+|[xXbBnN])$/.test(last.text)) {
        out[out.length - 1] = { kind: "string", text: `${last.text}${part.text}` };
      } else {
        out.push({ kind: part.kind, text: part.text });
      }
      touching = false;
      continue;
    }
    const pattern = /\s+|(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|([A-Za-z_$][\w$]*)|(<=>|<=|>=|<>|!=|<<|>>|&&|\|\||[^\s])/g;
    for (const match of part.text.matchAll(pattern)) {
      if (match[1] !== undefined) out.push({ kind: "number", text: match[1] });
      else if (match[2] !== undefined) out.push({ kind: "word", text: match[2] });
      else if (match[3] !== undefined) out.push({ kind: "punct", text: match[3] });
    }
    touching = !/\s$/.test(part.text);
  }
  return out;
}
