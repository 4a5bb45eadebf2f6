/**
 * Characters XML 1.0 does not allow anywhere, even as a character reference: C0 controls but
 * tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. (The `u` flag makes a lone surrogate
 * one code point, and leaves valid pairs alone.)
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };

/**
 * Text safe anywhere in an XML document, in an element or a double-quoted attribute; what
 * the GEXF and GraphML writers both use. Markup characters become entities; tab, LF and CR
 * character references, so attribute values keep them and CR survives line-end normalisation;
 * characters XML forbids (stored before the validators refused them, or by another tool)
 * become U+FFFD, so the document stays well-formed and the reader sees something was there.
 *
 * Usage: `<node label="${xmlText(name)}">`
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD").replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]);
}
