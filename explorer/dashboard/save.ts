// A plot saved as a file: its drawing as SVG or PNG, its table as CSV (RFC 4180).

const SVG_NS = "http://www.w3.org/2000/svg";
/** PNG pixels per SVG unit: sharp enough for a printed report. */
const PNG_SCALE = 2;

/** The drawing as a standalone SVG file, on a white background. */
export function toSvg(svg: SVGSVGElement): Blob {
  return new Blob([svgText(svg)], { type: "image/svg+xml" });
}

/**
 * The drawing as a PNG, on white: the SVG file drawn into a canvas through a blob: URL (the
 * CSP allows images from blob:). Rejects when the browser cannot draw it.
 */
export async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const url = URL.createObjectURL(toSvg(svg));
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

function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", SVG_NS);
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [name, value] of Object.entries({ width: "100%", height: "100%", fill: "white" })) background.setAttribute(name, value);
  copy.prepend(background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
