/**
 * The analysis figures of issue #19, not yet part of `npm run bench`:
 *   node --import tsx bench/analysis-pass.ts [--scenes 100000]
 * A synthetic library (5,000 performers, a third with an alias, 1,000 tags, 300 studios) whose
 * file paths plant known facts: a studio folder, performer names (as written, run together, by
 * alias, or with accents dropped) and a date. It measures
 *   1. the analyzers alone, in memory, over every scene (aliases included), with precision and
 *      recall of the planted performers, studios and dates;
 *   2. a whole plan with every analyzer over the same library in a SQLite mirror (reads,
 *      analysis and writes), with the same precision and recall.
 * Figures are printed with the process's peak memory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import type { SceneFacts } from "../server/analysis/analyzers/analyzer-types";
import { analyzeScene } from "../server/analysis/analyzers/analyzers";
import { AnalysisLibrary, type LibraryNames } from "../server/analysis/analyzers/library-names";
import { SceneUnderAnalysis } from "../server/analysis/analyzers/scene-under-analysis";
import type { AnalyzerName } from "../server/domain/vocabulary";
import { round, timed } from "./timing";

const { values: args } = parseArgs({ options: { scenes: { type: "string", default: "100000" } } });
const sceneCount = Number(args.scenes);
const every: AnalyzerName[] = ["performers", "studio", "tags", "date", "title", "details"];

/** A small seeded generator (mulberry32), so every run builds the same library. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const syllables = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ne",
  "to",
  "su",
  "vi",
  "da",
  "re",
  "po",
  "zé",
  "li",
  "an",
  "or",
  "el",
  "ia",
  "mo",
  "ta",
  "sé",
];
const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const fold = (word: string) => word.normalize("NFD").replace(/\p{M}+/gu, "");

function uniqueWords(count: number, parts: number, seed: number): string[] {
  const r = random(seed);
  const seen = new Set<string>();
  while (seen.size < count) {
    let word = "";
    for (let i = 0; i < parts; i++) word += r.pick(syllables);
    seen.add(word);
  }
  return [...seen];
}

function buildLibrary(): LibraryNames {
  const first = uniqueWords(400, 2, 1).map(capital);
  const last = uniqueWords(400, 3, 2).map(capital);
  const r = random(3);
  const names = new Set<string>();
  while (names.size < 5000) names.add(`${r.pick(first)} ${r.pick(last)}`);
  const performers = [...names].map((name, i) => ({
    id: String(i + 1),
    name,
    aliases: i % 3 === 0 ? [`${capital(uniqueWords(1, 3, 100 + i)[0]!)} ${r.pick(last)}`] : [],
  }));
  const tags = uniqueWords(1000, 4, 4).map((name, i) => ({ id: String(i + 1), name, aliases: [] }));
  const studios = uniqueWords(300, 3, 5).map((word, i) => ({
    id: String(i + 1),
    name: `${capital(word)} Films`,
    aliases: [],
    parentId: null,
  }));
  return { performers, tags, studios };
}

interface Planted {
  performers: string[];
  studio: string | null;
  date: string | null;
}

/** A scene whose path plants known facts, and the facts; the mirror lists none of them. */
function buildScenes(library: LibraryNames): { facts: SceneFacts[]; truth: Planted[] } {
  const r = random(6);
  const facts: SceneFacts[] = [];
  const truth: Planted[] = [];
  for (let id = 1; id <= sceneCount; id++) {
    const studio =
      r.next() < 0.7 ? r.pick(library.studios as LibraryNames["studios"][number][]) : null;
    const performers = Array.from({ length: r.int(3) }, () =>
      r.pick(library.performers as LibraryNames["performers"][number][]),
    );
    const spelled = performers.map((p) => {
      const roll = r.next();
      if (roll < 0.1 && p.aliases.length > 0) return p.aliases[0]!;
      if (roll < 0.2) return p.name.replace(" ", "");
      if (roll < 0.3) return fold(p.name).toLowerCase().replace(" ", ".");
      return p.name;
    });
    const day = r.next() < 0.6 ? `20${10 + r.int(15)}-0${1 + r.int(9)}-${10 + r.int(18)}` : null;
    const words = Array.from({ length: 2 + r.int(3) }, () =>
      r.pick(["walk", "sun", "day", "blue", "night", "river", "home"]),
    );
    const stem = [day?.replace(/-/g, "."), ...spelled, "-", ...words].filter(Boolean).join(" ");
    facts.push({
      id: String(id),
      title: r.next() < 0.9 ? words.join(" ") : null,
      details: r.next() < 0.2 ? `<p>A ${words[0]} scene.</p>` : null,
      date: null,
      studioId: null,
      performerIds: [],
      tagIds: [],
      path: `/library/${studio ? studio.name : "misc"}/${1 + (id % 50)}/${stem}.mp4`,
    });
    truth.push({
      performers: [...new Set(performers.map((p) => p.id))],
      studio: studio?.id ?? null,
      date: day,
    });
  }
  return { facts, truth };
}

function quality(proposalsByScene: Map<string, ReturnType<typeof analyzeScene>>, truth: Planted[]) {
  let proposed = 0;
  let correct = 0;
  let planted = 0;
  let found = 0;
  truth.forEach((t, i) => {
    const proposals = (proposalsByScene.get(String(i + 1)) ?? []).filter((p) =>
      ["performers", "studio", "date"].includes(p.field),
    );
    const wanted = new Set([
      ...t.performers.map((id) => `performers:${id}`),
      ...(t.studio ? [`studio:${t.studio}`] : []),
      ...(t.date ? [`date:${t.date}`] : []),
    ]);
    planted += wanted.size;
    for (const p of proposals) {
      const key = `${p.field}:${typeof p.proposed === "string" ? p.proposed : p.proposed?.id}`;
      proposed++;
      if (wanted.has(key)) {
        correct++;
        found++;
      }
    }
  });
  return { precision: correct / proposed, recall: found / planted };
}

const peakMB = () => round(process.resourceUsage().maxRSS / 1024);

const names = buildLibrary();
const { facts, truth } = buildScenes(names);
console.log(
  `Analysis over ${sceneCount} scenes, ${names.performers.length} performers, ${names.tags.length} tags, ${names.studios.length} studios`,
);

// 1. The analyzers alone.
const index = await timed(async () => new AnalysisLibrary(names));
const pass = await timed(async () => {
  const byScene = new Map<string, ReturnType<typeof analyzeScene>>();
  for (const scene of facts)
    byScene.set(scene.id, analyzeScene(new SceneUnderAnalysis(scene, index.value), every));
  return byScene;
});
const { precision, recall } = quality(pass.value, truth);
const proposals = [...pass.value.values()].reduce((n, list) => n + list.length, 0);
console.log(`  name index built        ${index.seconds.toFixed(3)} s`);
console.log(
  `  analyzers, in memory    ${pass.seconds.toFixed(2)} s (${round(sceneCount / pass.seconds)} scenes/s, ${proposals} proposals)`,
);
console.log(
  `  planted facts           precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
);
console.log(`  peak memory             ${peakMB()} MB`);

// 2. A whole plan over a SQLite mirror of the same library.
const dir = mkdtempSync(path.join(os.tmpdir(), "stash-sync-analysis-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
try {
  const { applyMigrations } = await import("../server/db/migrations");
  await applyMigrations(file);
  fillMirror(file, names, facts);
  const { createAnalysisPlan } = await import("../server/analysis/create-analysis-plan");
  const { runAnalysisPlan } = await import("../server/analysis/analysis-plan-runner");
  const plan = await createAnalysisPlan({
    name: "Bench",
    analyzers: every,
    scope: { kind: "library" },
  });
  const run = await timed(() => runAnalysisPlan({ planId: plan.id }));
  console.log(
    `  whole plan, SQLite      ${run.seconds.toFixed(2)} s (${round(sceneCount / run.seconds)} scenes/s, ${run.value.changesProposed} changes for ${run.value.scenesWithChanges} scenes, ${run.value.status})`,
  );
  const stored = storedProposals(file);
  const planQuality = quality(stored, truth);
  console.log(
    `  planted facts, stored   precision ${planQuality.precision.toFixed(3)}, recall ${planQuality.recall.toFixed(3)}`,
  );
  console.log(`  peak memory             ${peakMB()} MB`);
  const { db } = await import("../server/db/client");
  await db().$disconnect();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The plan's stored proposals, per scene, in the analyzers' own shape (field and proposed value). */
function storedProposals(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const rows = sqlite
    .prepare(
      `SELECT r."scene_id" AS sceneId, c."field" AS field, c."proposed" AS proposed
       FROM "analysis_change" c JOIN "analysis_result" r ON r."id" = c."result_id"`,
    )
    .all() as { sceneId: string; field: string; proposed: string }[];
  sqlite.close();
  const byScene = new Map<string, ReturnType<typeof analyzeScene>>();
  for (const row of rows) {
    const list = byScene.get(row.sceneId) ?? [];
    list.push({ field: row.field, proposed: JSON.parse(row.proposed) } as (typeof list)[number]);
    byScene.set(row.sceneId, list);
  }
  return byScene;
}

function fillMirror(file: string, library: LibraryNames, scenes: SceneFacts[]) {
  const sqlite = new Database(file);
  const now = new Date().toISOString();
  const stamp = "2026-01-01T00:00:00Z";
  sqlite.transaction(() => {
    const entity = (table: string) =>
      sqlite.prepare(
        `INSERT INTO "${table}" ("id", "name", "aliases", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
      );
    for (const [table, list] of [
      ["performer", library.performers],
      ["tag", library.tags],
      ["studio", library.studios],
    ] as const) {
      const insert = entity(table);
      for (const e of list)
        insert.run(e.id, e.name, JSON.stringify(e.aliases), stamp, stamp, now, now);
    }
    const scene = sqlite.prepare(
      `INSERT INTO "scene" ("id", "title", "details", "stash_created_at", "stash_updated_at", "content_hash", "first_seen_at", "last_synced_at") VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
    );
    const sceneFile = sqlite.prepare(
      `INSERT INTO "scene_file" ("id", "scene_id", "position", "path", "basename") VALUES (?, ?, 0, ?, ?)`,
    );
    for (const s of scenes) {
      scene.run(s.id, s.title, s.details, stamp, stamp, now, now);
      sceneFile.run(`f${s.id}`, s.id, s.path, s.path!.slice(s.path!.lastIndexOf("/") + 1));
    }
  })();
  sqlite.close();
}
