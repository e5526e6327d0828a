// Public submissions are stored and shown as plain text. Markup is removed rather than escaped so that what staff
// read and what goes into the report is what the person meant to say.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function stripMarkup(text: string): string {
  return (
    text
      // Executable and styling blocks lose their content too. An unclosed one loses only its tag: the output is
      // text, and the person's words after it are kept.
      .replace(/<(script|style|iframe|object|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi, '\n')
      .replace(/<\/?[a-z][^>]*(>|$)/gi, '')
      .replace(/<[!?][^>]*(>|$)/g, '')
  );
}

// Control and format characters (zero-width spaces, bidirectional overrides, soft hyphens) hide words from the
// sensitive-word filter and from readers; only line breaks and tabs are kept.
const INVISIBLE_RE = /[\p{Cc}\p{Cf}]/gu;
const dropInvisible = (c: string) => (c === '\n' || c === '\t' ? c : '');

/**
 * Turns submitted text into clean plain text: HTML and script removed, entities decoded, invisible characters
 * dropped, line breaks normalised. Any `<` or `>` left is written full-width, so the result can never form a tag
 * even if a later step forgets to escape it.
 */
export function toPlainText(input: string, options: { isSingleLine?: boolean } = {}): string {
  let text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  for (let round = 0; round < 5; round++) {
    const next = decodeEntities(stripMarkup(text));
    if (next === text) break;
    text = next;
  }
  text = text.replace(INVISIBLE_RE, dropInvisible).replace(/</g, '＜').replace(/>/g, '＞');
  if (options.isSingleLine) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length as a reader counts it: one per character, including characters outside the BMP. */
export function textLength(text: string): number {
  return Array.from(text).length;
}
