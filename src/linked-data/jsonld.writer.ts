import { LdNode } from "./ld.mapping";

/**
 * JSON-LD, written a page of nodes at a time: `{"@context": …, "@graph": [ … ]}`, one node
 * object per line. Values are plain strings (the context coerces IRIs and dates), a property
 * with several values an array.
 */
export class JsonLdWriter {
  private nodes = 0;

  constructor(private readonly context: Record<string, unknown>) {}

  start(): string {
    return `{\n  "@context": ${JSON.stringify(this.context, null, 2).replace(/\n/g, "\n  ")},\n  "@graph": [`;
  }

  write(nodes: LdNode[]): string {
    let out = "";
    for (const node of nodes) out += `${this.nodes++ > 0 ? "," : ""}\n    ${JSON.stringify(nodeObject(node))}`;
    return out;
  }

  end(): string {
    return `${this.nodes > 0 ? "\n  " : ""}]\n}\n`;
  }
}

function nodeObject({ id, types, values }: LdNode): Record<string, unknown> {
  const object: Record<string, unknown> = { "@id": id, "@type": types.length === 1 ? types[0] : types };
  for (const [term, value] of values) {
    const before = object[term];
    object[term] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return object;
}
