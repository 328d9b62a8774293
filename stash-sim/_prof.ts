import { SimClock } from "./clock";
import { SimLibrary } from "./library";
import { parseRecord } from "../server/stash/wire-schemas";
const lib = new SimLibrary({ seed: 1, scenes: 100000 }, new SimClock(Date.now(), "Z", 1000));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t = cpu();
let pages: unknown[][] = [];
for (let p = 1; p <= 20; p++)
  pages.push(lib.scenes.query({}, { page: p, per_page: 1000, sort: "id" }).items);
console.log("materialize 20k cpu ms", (cpu() - t).toFixed(0));
t = cpu();
const texts = pages.map((p) => JSON.stringify(p));
console.log("stringify 20k", (cpu() - t).toFixed(0));
t = cpu();
const parsed = texts.map((x) => JSON.parse(x) as unknown[]);
console.log("parse 20k", (cpu() - t).toFixed(0));
for (let r = 0; r < 3; r++) {
  t = cpu();
  for (const p of parsed) for (const it of p) parseRecord("scene", it);
  console.log("zod 20k", (cpu() - t).toFixed(0));
}
