/**
 * Makes user input safe to echo in a message: every control, format (bidi, zero-width),
 * line/paragraph separator, lone surrogate or invisible filler character is written as
 * `\u{…}`, so a value can neither drive a terminal (ESC, BEL, BS), forge output lines
 * (CR, LF) or reorder text (U+202E), nor hide inside an apparently empty message.
 * The result is idempotent: escapes are printable ASCII.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0\u2800]/gu;

export const visible = (text: string): string => text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

/** `visible`, quoted: how messages show a user's text value. */
export const quoted = (text: string): string => `"${visible(text)}"`;
