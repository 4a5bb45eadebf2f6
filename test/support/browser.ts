import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium } from "playwright-core";

/** Debian's Chromium (CI installs it), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ROOT = join(__dirname, "..", "..");

/**
 * Builds the browser pages when their sources changed (so the page under test is the source
 * under test, type-checked too), then starts headless Chromium with nothing of its own on the
 * network (no updates, sync or QUIC), so any foreign request a test sees is the page's.
 * Usage: `browser = await startBrowser(["--lang=fr-FR"])`.
 */
export async function startBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-explorer.mjs")], { cwd: ROOT, stdio: "pipe" });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
  });
}
