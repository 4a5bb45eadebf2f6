import { Driver, ProfiledPlan, Session } from "neo4j-driver";
import { Executor } from "../../src/neo4j/executor";

/**
 * Db hits of whatever a request runs, without touching src/: an Executor on a driver whose read
 * statements are prefixed with PROFILE and add up its plan's db hits. Only the sweep
 * builds one, so production never profiles. PROFILE returns the same rows; it costs time, so the
 * sweep times its calls on the plain executor and profiles one extra call.
 */
export class DbHitCounter {
  dbHits = 0;
  statements = 0;
  /** Rows the statements returned to the client (the plans' root rows). */
  rows = 0;

  reset(): void {
    this.dbHits = 0;
    this.statements = 0;
    this.rows = 0;
  }

  add(plan: ProfiledPlan | false): void {
    this.statements++;
    if (!plan) throw new Error("a profiled statement came back without a profile; expected summary.profile to be a plan");
    this.dbHits += totalDbHits(plan);
    this.rows += plan.rows;
  }
}

/** Db hits of a profiled plan: its own and all its children's. */
export function totalDbHits(plan: ProfiledPlan): number {
  return plan.children.reduce((sum, child) => sum + totalDbHits(child), plan.dbHits);
}

/** An executor like `base` (same database and timeout) whose reads are profiled into `counter`. */
export function profilingExecutor(base: Executor, counter: DbHitCounter): Executor {
  return new Executor(profilingDriver(base.driver, counter), base.database, base.txTimeoutMs);
}

function profilingDriver(driver: Driver, counter: DbHitCounter): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === "session") return (...args: Parameters<Driver["session"]>) => profilingSession(target.session(...args), counter);
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function profilingSession(session: Session, counter: DbHitCounter): Session {
  return new Proxy(session, {
    get(target, property) {
      if (property === "executeWrite") return () => Promise.reject(new Error("the sweep only reads; a profiled executor refuses writes"));
      // The executor reads with one auto-commit statement per call (executor.ts `read`).
      if (property === "run") {
        return (cypher: string, params?: Record<string, unknown>, config?: Parameters<Session["run"]>[2]) =>
          target.run(`PROFILE ${cypher}`, params, config).then((result) => {
            counter.add(result.summary.profile);
            return result;
          });
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
