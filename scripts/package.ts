// npm run package [-- <folder>]: the self-contained folder (default dist/stash-sync) from the
// last `npm run build`, run with `node server.js` where only Node is installed. The Dockerfile
// runs this same script, so the folder the tests start is the one the image holds.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { folderSize } from "./packaged/folder-size";

const root = path.resolve(import.meta.dirname, "..");
const out = path.resolve(root, process.argv[2] ?? "dist/stash-sync");
const standalone = path.join(root, ".next/standalone");
const from = (...parts: string[]) => path.join(root, ...parts);
const to = (...parts: string[]) => path.join(out, ...parts);

if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("No standalone build in .next/standalone: run `npm run build` first.");
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
// Next's traced server: its compiled pages and routes, and the node_modules they load.
cpSync(standalone, out, { recursive: true });
renameSync(to("server.js"), to("next-server.js"));
cpSync(from(".next/static"), to(".next/static"), { recursive: true });
if (existsSync(from("public"))) cpSync(from("public"), to("public"), { recursive: true });

// Read from the working directory at run time (migrations.ts, bulk-writer.ts).
mkdirSync(to("prisma"), { recursive: true });
cpSync(from("prisma/schema.prisma"), to("prisma/schema.prisma"));
cpSync(from("prisma/migrations"), to("prisma/migrations"), { recursive: true });
// PostgreSQL's schema and migrations, derived from the same source (provider-schemas.ts).
cpSync(from("prisma/postgresql"), to("prisma/postgresql"), { recursive: true });
for (const file of [
  "sqlite-writer-worker.mjs",
  "sqlite-writer-connection.mjs",
  "sqlite-checkpoint-worker.mjs",
  "postgresql-writer-worker.mjs",
  "postgresql-raw-pool.mjs",
]) {
  cpSync(from("server/db", file), to("server/db", file));
}

// Loaded from node_modules by the bundles below (the rest of their code is bundled): the
// native SQLite module, which Next's trace already copied, and the schema engine's wasm.
const runtimePackages = ["better-sqlite3", "@prisma/schema-engine-wasm"];
cpSync(
  from("node_modules/@prisma/schema-engine-wasm"),
  to("node_modules/@prisma/schema-engine-wasm"),
  {
    recursive: true,
  },
);
// The PostgreSQL writer's thread streams COPY with it; Next's trace never sees that thread.
cpSync(from("node_modules/pg-copy-streams"), to("node_modules/pg-copy-streams"), {
  recursive: true,
});
if (!existsSync(to("node_modules/better-sqlite3/build/Release/better_sqlite3.node"))) {
  console.error(
    "Next's trace left out better-sqlite3's native module: the package would not start.",
  );
  process.exit(1);
}

// The migrations step, the sync CLI and the entry, as plain JavaScript.
await build({
  entryPoints: {
    prepare: from("scripts/prepare-server.ts"),
    cli: from("scripts/packaged/cli.ts"),
    server: from("scripts/packaged/server.ts"),
  },
  outdir: out,
  // The three share most of their code (the Prisma client, the sync engine): one copy of it.
  splitting: true,
  chunkNames: "lib/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  external: runtimePackages,
  // Bundled CommonJS packages call require and read __dirname.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = import.meta.filename;",
      "const __dirname = import.meta.dirname;",
    ].join("\n"),
  },
  logLevel: "warning",
});

const manifest = JSON.parse(readFileSync(from("package.json"), "utf8")) as {
  name: string;
  version: string;
  engines: Record<string, string>;
};
writeFileSync(
  to("package.json"),
  `${JSON.stringify(
    {
      name: manifest.name,
      version: manifest.version,
      private: true,
      type: "module",
      engines: manifest.engines,
      scripts: { start: "node server.js", sync: "node cli.js sync" },
    },
    null,
    2,
  )}\n`,
);

console.log(
  `Packaged ${path.relative(process.cwd(), out) || out}: ${(folderSize(out) / 1e6).toFixed(1)} MB`,
);
