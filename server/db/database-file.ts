import path from "node:path";
import { providerOf } from "./provider";

/**
 * `file:./data/x.db` (Prisma's URL form) or a plain path, to an absolute file path. Relative
 * paths are from the working directory: every entry point (npm scripts, `next start`, tests)
 * runs from the project root.
 */
export function sqliteFileFromUrl(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file)
    ? file
    : path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
}

/**
 * What the migrations and messages need of a DATABASE_URL: `location` is the SQLite file or the
 * PostgreSQL URL; `name` says which database in a log line, without the password.
 */
export function migrationTarget(url: string): { location: string; name: string } {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFileFromUrl(url);
    return { location: file, name: file };
  }
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return { location: url, name: parsed.toString() };
}
