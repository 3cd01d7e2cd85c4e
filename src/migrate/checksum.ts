/**
 * Checksums (SPEC: SHA-256 over the content with line endings normalised and any BOM
 * removed), so a file re-saved with CRLF or a BOM is not an edit.
 */
import { createHash } from "node:crypto";
import { ShaleError } from "../errors.js";

const BOM = "\uFEFF";

/** Removes a leading BOM and turns CRLF and lone CR into LF. */
export function normalizeText(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n?/g, "\n");
}

/** SHA-256 hex of the normalised text. */
export function checksumOf(text: string): string {
  return createHash("sha256").update(normalizeText(text), "utf8").digest("hex");
}

/**
 * The checksum of a file from its bytes: hashed as they are when there is no BOM and no CR
 * (the common case, and the same digest as checksumOf), else through the normalised text.
 */
export function checksumOfBytes(bytes: Uint8Array, text: string): string {
  const plain = !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !bytes.includes(0x0d);
  return plain ? createHash("sha256").update(bytes).digest("hex") : checksumOf(text);
}

/** Checksum of a sequence of statements, for "statements 1..k are unchanged" on resume. */
export function checksumOfStatements(statements: readonly string[]): string {
  const hash = createHash("sha256");
  for (const s of statements) hash.update(normalizeText(s), "utf8").update("\0");
  return hash.digest("hex");
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 strictly (a BOM is dropped); other encodings are an error naming the file. */
export function decodeUtf8(bytes: Uint8Array, displayPath: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidLine(bytes);
    throw new ShaleError("SHALE_E_FILE_ENCODING", `${displayPath} is not valid UTF-8`, {
      file: displayPath,
      line: at,
      hint: "Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)",
    });
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
