// Downloads of what is on screen: a PNG of the drawing, a GEXF of the graph (for Gephi).
import type Graph from "graphology";
import type Sigma from "sigma";
import { explorerGexf } from "./gexf";

/**
 * The drawing as a PNG, on white. Sigma's WebGL canvas keeps no drawing buffer, so we copy
 * its canvases into one 2D canvas right after a render, while the frame is still readable.
 */
export function capturePng(renderer: Sigma): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const copy = () => {
      const { width, height } = renderer.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      const output = document.createElement("canvas");
      output.width = Math.round(width * ratio);
      output.height = Math.round(height * ratio);
      const context = output.getContext("2d");
      if (!context) return reject(new Error("PNG export: no 2D canvas context"));
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, output.width, output.height);
      for (const canvas of renderer.getContainer().querySelectorAll("canvas")) {
        context.drawImage(canvas, 0, 0, output.width, output.height);
      }
      output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export: empty image"))), "image/png");
    };
    renderer.once("afterRender", copy);
    renderer.refresh();
  });
}

/** The graph as GEXF 1.3, the server's format (explorerGexf): label, position, size and colour as viz. */
export function toGexf(graph: Graph, title: string): Blob {
  return new Blob([explorerGexf(graph, title)], { type: "application/gexf+xml" });
}

/** Saves a blob under a file name, through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
