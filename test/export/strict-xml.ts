import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** The element's own text (not its children's). */
  text: string;
}

/**
 * Parses `xml` with saxes, a strict XML 1.0 parser (well-formedness, and every character
 * one XML allows), and throws at the first error; returns every element in document order.
 */
export function parseStrictXml(xml: string): XmlElement[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let error: Error | null = null;
  parser.on("error", (e) => (error ??= e));
  parser.on("opentag", (tag) => {
    const element = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, text: "" };
    elements.push(element);
    open.push(element);
  });
  parser.on("text", (text) => {
    if (open.length > 0) open[open.length - 1].text += text;
  });
  parser.on("closetag", () => open.pop());
  parser.write(xml).close();
  if (error) throw error;
  return elements;
}

/** The elements named `name`. */
export const named = (elements: XmlElement[], name: string) => elements.filter((e) => e.name === name);
