// The five plots of a territory's dashboard: each one's drawing (Observable Plot, SVG) and its data as a table.
import * as Plot from "@observablehq/plot";
import { ACTOR_KINDS } from "../graph";
import type { Count, DashboardData } from "./data";

/** A plot of the dashboard: its drawing at a width, and the table it draws (the CSV download). */
export interface PlotSpec {
  /** In file names and element ids. */
  id: string;
  title: string;
  /** What it shows, in a sentence (under the title). */
  description: string;
  columns: string[];
  rows: (string | number)[][];
  render(width: number): SVGSVGElement;
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** The class of every drawing; its defaults (Plot's own <style>, which the CSP refuses) are in styles.css. */
const PLOT_CLASS = "dashboard-plot";
/** Maturity levels from the least to the most mature (schema: enum MaturityLevel). */
const MATURITY_LEVELS = ["DISCOVERING", "EXPERIMENTING", "STRUCTURING", "PIONEERING"];
const SUBJECTS = { TERRITORY: "Territoires", ACTOR: "Acteurs" } as const;

/** The five plots of `data`, in page order. */
export function plotsOf(data: DashboardData): PlotSpec[] {
  return [startsByYear(data), partnershipMix(data), sdgCoverage(data), actorsByKind(data), maturity(data)];
}

const label = (count: { key: string; label: string | null }) => count.label ?? count.key;
const shortActorKind = (kind: string) => ACTOR_KINDS[kind]?.label ?? kind;
const kindName = (row: { kind: string; label: string | null }) => row.label ?? row.kind;
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function startsByYear({ profile }: DashboardData): PlotSpec {
  const rows = profile.statistics.byStartYearAndKind;
  // Kinds in legend order: most alliances first (byKind's order), only those drawn.
  const kinds = profile.statistics.byKind.filter((count) => rows.some((row) => row.kind === count.key)).map(label);
  const years = rows.length ? span(rows[0].year, rows[rows.length - 1].year) : [];
  return {
    id: "alliances-par-annee",
    title: "Alliances commencées par année",
    description: "Alliances de ce territoire par année de début et par type (celles sans date de début ne sont pas comptées).",
    columns: ["year", "kind", "label", "count"],
    rows: rows.map((row) => [row.year, row.kind, kindName(row), row.count]),
    render(width) {
      const chart = draw({
        width,
        height: 260,
        marginLeft: 40,
        marginBottom: 36,
        x: { type: "band", domain: years, label: "Année de début", tickFormat: (year: number) => (years.length <= 12 || year % 5 === 0 ? String(year) : "") },
        y: { grid: true, label: "Alliances", ticks: countTicks(years.map((year) => sum(rows.filter((row) => row.year === year).map((row) => row.count)))) },
        color: { domain: kinds, scheme: "tableau10" },
        marks: [
          Plot.barY(rows, {
            x: "year",
            y: "count",
            fill: (row) => kindName(row),
            title: (row) => `${row.year} · ${kindName(row)} : ${row.count}`,
          }),
          Plot.ruleY([0]),
        ],
      });
      return withLegend(chart, width);
    },
  };
}

function partnershipMix({ profile }: DashboardData): PlotSpec {
  const pairs = profile.statistics.partnershipMix;
  const kindLabel = new Map(profile.actorsByKind.map((count) => [count.key, label(count)]));
  // Axes in a fixed order of actor kinds; each pair drawn once, below the diagonal.
  const order = Object.keys(ACTOR_KINDS);
  const kinds = [...order, ...profile.actorsByKind.map((count) => count.key).filter((kind) => !order.includes(kind))];
  const cells = pairs.map(({ a, b, allianceCount }) => {
    const [x, y] = kinds.indexOf(a) <= kinds.indexOf(b) ? [a, b] : [b, a];
    return { x, y, a, b, allianceCount };
  });
  const most = Math.max(1, ...cells.map((c) => c.allianceCount));
  const empty = kinds.flatMap((y, i) => kinds.slice(0, i + 1).map((x) => ({ x, y }))).filter((cell) => !cells.some((c) => c.x === cell.x && c.y === cell.y));
  return {
    id: "mix-partenarial",
    title: "Mix partenarial",
    description: "Pour chaque paire de types d'acteurs, le nombre d'alliances qui les réunissent (un type avec lui-même : deux membres de ce type).",
    columns: ["a", "label_a", "b", "label_b", "allianceCount"],
    rows: pairs.map(({ a, b, allianceCount }) => [a, kindLabel.get(a) ?? a, b, kindLabel.get(b) ?? b, allianceCount]),
    render(width) {
      return draw({
        width,
        height: Math.min(width, 360),
        marginLeft: 130,
        marginBottom: 90,
        padding: 0.05,
        x: { domain: kinds, tickFormat: shortActorKind, tickRotate: -35, label: null },
        y: { domain: kinds, tickFormat: shortActorKind, label: null },
        color: { type: "sqrt", scheme: "blues", domain: [0, most] },
        marks: [
          Plot.cell(empty, { x: "x", y: "y", fill: "#f5f7fa", className: "empty" }),
          Plot.cell(cells, {
            x: "x",
            y: "y",
            fill: "allianceCount",
            title: (c) => `${kindLabel.get(c.a) ?? c.a} × ${kindLabel.get(c.b) ?? c.b} : ${c.allianceCount}`,
          }),
          Plot.text(cells, {
            x: "x",
            y: "y",
            text: "allianceCount",
            // Light text on the darker cells.
            fill: (c) => (c.allianceCount > most / 2 ? "white" : "black"),
          }),
        ],
      });
    },
  };
}

function sdgCoverage({ profile }: DashboardData): PlotSpec {
  const sdgs = [...profile.statistics.bySdg].sort((x, y) => Number(x.key) - Number(y.key));
  const title = new Map(sdgs.map((sdg) => [sdg.key, label(sdg)]));
  return {
    id: "couverture-odd",
    title: "Couverture des ODD",
    description: "Alliances contribuant à chacun des 17 objectifs de développement durable.",
    columns: ["sdg", "label", "count"],
    rows: sdgs.map((sdg) => [Number(sdg.key), label(sdg), sdg.count]),
    render(width) {
      return draw({
        width,
        height: 360,
        marginLeft: 200,
        marginRight: 30,
        x: { grid: true, label: "Alliances", ticks: countTicks(sdgs.map((sdg) => sdg.count)) },
        y: { domain: sdgs.map((sdg) => sdg.key), tickFormat: (key: string) => `${key}. ${shorten(title.get(key) ?? "", 28)}`, label: null },
        marks: [
          Plot.barX(sdgs, { y: "key", x: "count", fill: "#0b6e4f", title: (sdg: Count) => `ODD ${sdg.key} · ${label(sdg)} : ${sdg.count}` }),
          Plot.text(sdgs, { y: "key", x: "count", text: "count", dx: 4, textAnchor: "start" }),
          Plot.ruleX([0]),
        ],
      });
    },
  };
}

function actorsByKind({ profile }: DashboardData): PlotSpec {
  const counts = profile.actorsByKind;
  return {
    id: "acteurs-par-type",
    title: "Acteurs par type",
    description: "Membres des alliances de ce territoire (actifs à la date choisie), par type d'acteur.",
    columns: ["kind", "label", "count"],
    rows: counts.map((count) => [count.key, label(count), count.count]),
    render(width) {
      return draw({
        width,
        height: 260,
        marginLeft: 140,
        marginRight: 30,
        x: { grid: true, label: "Acteurs", ticks: countTicks(counts.map((count) => count.count)) },
        y: { domain: counts.map((count) => count.key), tickFormat: shortActorKind, label: null },
        marks: [
          Plot.barX(counts, {
            y: "key",
            x: "count",
            fill: (count: Count) => ACTOR_KINDS[count.key]?.color ?? "#bab0ac",
            title: (count: Count) => `${label(count)} : ${count.count}`,
          }),
          Plot.text(counts, { y: "key", x: "count", text: "count", dx: 4, textAnchor: "start" }),
          Plot.ruleX([0]),
        ],
      });
    },
  };
}

function maturity({ territoryMaturity, actorMaturity }: DashboardData): PlotSpec {
  const rows = [
    ...territoryMaturity.map((count) => ({ subject: "TERRITORY" as const, ...count })),
    ...actorMaturity.map((count) => ({ subject: "ACTOR" as const, ...count })),
  ].sort((x, y) => (x.subject === y.subject ? 0 : x.subject === "TERRITORY" ? -1 : 1) || MATURITY_LEVELS.indexOf(x.key) - MATURITY_LEVELS.indexOf(y.key));
  const levelLabel = new Map(rows.map((row) => [row.key, label(row)]));
  return {
    id: "maturite",
    title: "Maturité",
    description: "Territoires (celui-ci et ceux qu'il contient) et acteurs qui y sont basés, par niveau de leur dernière évaluation de maturité.",
    columns: ["subject", "level", "label", "count"],
    rows: rows.map((row) => [row.subject, row.key, label(row), row.count]),
    render(width) {
      return draw({
        width,
        height: 260,
        marginLeft: 110,
        marginRight: 80,
        x: { grid: true, label: "Évalués", ticks: countTicks(rows.map((row) => row.count)) },
        y: { domain: MATURITY_LEVELS, tickFormat: (level: string) => levelLabel.get(level) ?? level, label: null },
        fy: { domain: Object.keys(SUBJECTS), tickFormat: (subject: keyof typeof SUBJECTS) => SUBJECTS[subject], label: null },
        marks: [
          Plot.barX(rows, {
            fy: "subject",
            y: "key",
            x: "count",
            fill: "#0b6e4f",
            title: (row: (typeof rows)[number]) => `${SUBJECTS[row.subject]} · ${label(row)} : ${row.count}`,
          }),
          Plot.text(rows, { fy: "subject", y: "key", x: "count", text: "count", dx: 4, textAnchor: "start" }),
          Plot.ruleX([0]),
        ],
      });
    },
  };
}

/**
 * Plot's drawing, without the <style> element Plot puts in it: the page's CSP allows no inline
 * style (styles.css holds the same defaults); it is removed before the drawing joins the page.
 */
function draw(options: Plot.PlotOptions): SVGSVGElement {
  const svg = Plot.plot({ ...options, className: PLOT_CLASS }) as SVGSVGElement;
  for (const style of svg.querySelectorAll("style")) style.remove();
  return svg;
}

/** Axis ticks for counts: whole numbers only (a count of 1 gets 0 and 1, not 0, 0.5, 1), at most 4. */
function countTicks(counts: number[]): number {
  return Math.max(1, Math.min(4, ...counts));
}

/** Every integer from `from` to `to`. */
function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function span(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const LEGEND_ROW = 18;

/**
 * The chart with its colour legend above it, in one SVG (so the SVG and PNG downloads hold
 * the legend too): swatches from the chart's own colour scale, wrapped to the width.
 */
function withLegend(chart: SVGSVGElement, width: number): SVGSVGElement {
  const scale = (chart as unknown as { scale(name: string): { domain: string[]; range: string[] } | undefined }).scale("color");
  const legend = document.createElementNS(SVG_NS, "g");
  legend.setAttribute("class", "legend");
  let x = 0;
  let row = 0;
  (scale?.domain ?? []).forEach((name, i) => {
    const itemWidth = 18 + name.length * 6.2 + 14;
    if (x > 0 && x + itemWidth > width) (x = 0), row++;
    const swatch = svgElement("rect", { x: x + 2, y: row * LEGEND_ROW + 4, width: 12, height: 12, fill: scale!.range[i % scale!.range.length] });
    const text = svgElement("text", { x: x + 18, y: row * LEGEND_ROW + 14, "font-size": 11 });
    text.textContent = name;
    legend.append(swatch, text);
    x += itemWidth;
  });
  const legendHeight = (scale?.domain.length ? row + 1 : 0) * LEGEND_ROW + 6;
  const height = Number(chart.getAttribute("height"));
  const root = svgElement("svg", {
    class: PLOT_CLASS,
    width,
    height: legendHeight + height,
    viewBox: `0 0 ${width} ${legendHeight + height}`,
    "font-family": "system-ui, sans-serif",
    "font-size": 10,
  }) as SVGSVGElement;
  chart.setAttribute("y", String(legendHeight));
  root.append(legend, chart);
  return root;
}

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
