// A plot saved as a file: its drawing as SVG or PNG, its table as CSV (RFC 4180).

const SVG_NS = "http://www.w3.org/2000/svg";
/** PNG pixels per SVG unit: sharp enough for a printed report. */
const PNG_SCALE = 2;

/** What a saved chart says above its drawing, so it stands alone in a report: the plot, then the territory and date. */
export interface Heading {
  title: string;
  subtitle: string;
}

const HEADING_HEIGHT = 40;

/** The drawing as a standalone SVG file, on a white background, under its heading. */
export function toSvg(svg: SVGSVGElement, heading: Heading): Blob {
  return new Blob([svgText(standalone(svg, heading))], { type: "image/svg+xml" });
}

/**
 * The drawing as a PNG, on white: the SVG file drawn into a canvas through a blob: URL (the
 * CSP allows images from blob:). Rejects when the browser cannot draw it.
 */
export async function toPng(svg: SVGSVGElement, heading: Heading): Promise<Blob> {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height")) + HEADING_HEIGHT;
  const url = URL.createObjectURL(toSvg(svg, heading));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("PNG : pas de contexte de dessin 2D");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG : image vide"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A table as CSV (RFC 4180): a header row, one line per row, CRLF line ends, fields quoted when they must be. */
export function toCsv(columns: string[], rows: (string | number)[][]): Blob {
  const line = (fields: (string | number)[]) => fields.map(csvField).join(",");
  return new Blob([[columns, ...rows].map(line).join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A copy of the drawing, below its heading, on white, in one SVG element of its own. */
function standalone(svg: SVGSVGElement, heading: Heading): SVGSVGElement {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height")) + HEADING_HEIGHT;
  const root = element("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" }) as SVGSVGElement;
  const title = element("text", { class: "heading", x: 4, y: 16, "font-size": 13, "font-weight": "bold", fill: "#1f2933" });
  title.textContent = heading.title;
  const subtitle = element("text", { class: "subheading", x: 4, y: 32, "font-size": 11, fill: "#616e7c" });
  subtitle.textContent = heading.subtitle;
  const drawing = svg.cloneNode(true) as SVGSVGElement;
  drawing.setAttribute("y", String(HEADING_HEIGHT));
  root.append(element("rect", { width: "100%", height: "100%", fill: "white" }), title, subtitle, drawing);
  return root;
}

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
