/**
 * Which database a URL names: the one place that reads a DATABASE_URL's scheme. SQLite is a
 * `file:` URL (the default); PostgreSQL a `postgresql://` or `postgres://` URL.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(databaseUrl.trim()) ? "postgresql" : "sqlite";
}
