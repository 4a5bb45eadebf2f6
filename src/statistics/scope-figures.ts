import DataLoader from "dataloader";
import type { StatisticsRepository } from "./statistics.repository";
import type { StatisticsScope } from "./statistics.type";
import { Figure, FigureValues } from "./figure";

interface FigureKey {
  figure: Figure;
  /** mostConnected only: how many members this field asks for. */
  first?: number;
}

/**
 * The figures of one scope, asked field by field and fetched together: every figure asked
 * before the batch closes goes into one query (StatisticsRepository.figures), so a request
 * costs one round trip per scope and still computes only the figures it asks for.
 * A TerritoryProfile shares its instance with its `statistics`, whose scope is the same.
 *
 * Usage: `new ScopeFigures(repos.statistics, scope).get("byKind")`
 */
export class ScopeFigures {
  private readonly loader: DataLoader<FigureKey, unknown>;

  constructor(
    repo: StatisticsRepository,
    readonly scope: StatisticsScope,
  ) {
    this.loader = new DataLoader<FigureKey, unknown>(
      async (keys) => {
        const figures = [...new Set(keys.map((key) => key.figure))];
        const values = await repo.figures(scope, figures, Math.max(...keys.map((key) => key.first ?? 0)));
        // One query serves every `first` asked: its best max(first), of which each takes a prefix.
        return keys.map(({ figure, first }) => (figure === "mostConnected" ? values.mostConnected!.slice(0, first) : values[figure]));
      },
      // No cache: keys are fresh objects, and the batch merges repeated figures. DataLoader
      // dispatches once pending promise jobs have run, and no I/O stands between a profile's
      // fields and its nested `statistics` fields, so both land in the same batch.
      { cache: false },
    );
  }

  get<F extends Exclude<Figure, "mostConnected">>(figure: F): Promise<FigureValues[F]> {
    return this.loader.load({ figure }) as Promise<FigureValues[F]>;
  }

  /** The `first` best-connected members (see FigureValues.mostConnected). */
  mostConnected(first: number): Promise<FigureValues["mostConnected"]> {
    return this.loader.load({ figure: "mostConnected", first }) as Promise<FigureValues["mostConnected"]>;
  }
}
