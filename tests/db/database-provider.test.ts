import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrationTarget } from "../../server/db/database-file";
import { providerOf } from "../../server/db/provider";
import { schemaFor, sourceSchema } from "../../server/db/provider-schemas";
import { ConfigError, parseEnv } from "../../server/env";

describe("the database a DATABASE_URL selects", () => {
  it("is PostgreSQL for postgresql:// and postgres:// URLs, SQLite for file: URLs", () => {
    expect(providerOf("postgresql://u:p@db:5432/stash_sync")).toBe("postgresql");
    expect(providerOf("postgres://db/stash_sync")).toBe("postgresql");
    expect(providerOf("file:./data/stash-sync.db")).toBe("sqlite");
    expect(parseEnv({ DATABASE_URL: "postgres://db/stash_sync" }).DATABASE_URL).toBe(
      "postgres://db/stash_sync",
    );
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/stash_sync" })).toThrow(ConfigError);
  });

  it("is named in messages without its password", () => {
    const target = migrationTarget("postgresql://stash:s3cret-pass@db:5432/stash_sync");
    expect(target.location).toBe("postgresql://stash:s3cret-pass@db:5432/stash_sync");
    expect(target.name).not.toContain("s3cret-pass");
    expect(target.name).toContain("db:5432/stash_sync");
  });
});

describe("PostgreSQL's Prisma schema", () => {
  it("is derived from prisma/schema.prisma, only the provider and the client's folder changed", () => {
    const derived = schemaFor("postgresql");
    const lines = (text: string) => text.split("\n").filter((l) => !l.startsWith("// Generated"));
    const changed = lines(derived.content).filter(
      (l) => !lines(sourceSchema().content).includes(l),
    );
    expect(changed.map((l) => l.trim())).toEqual([
      'output       = "../../generated/prisma-postgresql"',
      'provider = "postgresql"',
    ]);
    // The checked-in copy is what `prisma generate` and the stock CLI read.
    expect(readFileSync(derived.path, "utf8")).toBe(derived.content);
  });
});
