import { SimClock } from "./clock";
import { SimLibrary } from "./library";
const lib = new SimLibrary({ seed: 1, scenes: 100000 }, new SimClock(Date.now(), "Z", 1000));
for (let r = 0; r < 3; r++)
  for (let p = 1; p <= 100; p++) lib.scenes.query({}, { page: p, per_page: 1000, sort: "id" });
