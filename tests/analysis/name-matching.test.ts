import { describe, expect, it } from "vitest";
import { analyzePerformers } from "../../server/analysis/analyzers/performers-analyzer";
import { library, namesProposed, scene } from "./analysis-scene";

// The name index is shared by the performer, studio and tag analyzers; performers show it here.
const performersIn = (lib: ReturnType<typeof library>, facts: Parameters<typeof scene>[1]) =>
  namesProposed(analyzePerformers(scene(lib, facts)));

describe("matching names in a scene's texts", () => {
  it("treats dots, dashes, underscores, brackets and case as word boundaries, not differences", () => {
    const lib = library({ performers: ["Jane Doe"] });
    for (const path of [
      "/v/jane.doe.beach.mp4",
      "/v/jane_doe_beach.mp4",
      "/v/jane-doe-beach.mp4",
      "/v/[JANE DOE] beach.mp4",
      "/v/Jane Doe/beach.mp4",
    ]) {
      expect(performersIn(lib, { path })).toEqual([["Jane Doe", 1]]);
    }
  });

  it("finds an alias with confidence 0.95", () => {
    const lib = library({ performers: [{ name: "Jane Doe", aliases: ["Janie D"] }] });
    expect(performersIn(lib, { title: "Janie D at the beach" })).toEqual([["Jane Doe", 0.95]]);
  });

  it("never matches a name inside a longer word", () => {
    const lib = library({ performers: ["Ann", "Mia", "Jane Doe"] });
    expect(performersIn(lib, { path: "/Annabelle/Miami_trip.mp4", title: "Janet Doerr" })).toEqual(
      [],
    );
  });

  it("trusts names shorter than three letters only in their own case", () => {
    const lib = library({ performers: ["Al", "Bo Li"] });
    expect(performersIn(lib, { title: "Mark, Paul et al" })).toEqual([]);
    expect(performersIn(lib, { title: "Mark and Al go home" })).toEqual([["Al", 1]]);
    expect(performersIn(lib, { path: "/v/AL.mp4" })).toEqual([]);
    // A short word inside a longer name is fine: the name as a whole is long enough.
    expect(performersIn(lib, { path: "/v/bo.li.mp4" })).toEqual([["Bo Li", 1]]);
  });

  it("folds accents: exact as written is 1, matched only without accents is 0.9", () => {
    const lib = library({ performers: ["Zoë Saldaña", "Renee Olstead"] });
    expect(performersIn(lib, { title: "Zoë Saldaña interview" })).toEqual([["Zoë Saldaña", 1]]);
    expect(performersIn(lib, { path: "/v/zoe_saldana.mp4" })).toEqual([["Zoë Saldaña", 0.9]]);
    expect(performersIn(lib, { title: "Renée Olstead" })).toEqual([["Renee Olstead", 0.9]]);
    // macOS writes file names decomposed (e + combining diaeresis): still the same name.
    expect(performersIn(lib, { path: "/v/Zoe\u0308 Saldan\u0303a.mp4" })).toEqual([
      ["Zoë Saldaña", 1],
    ]);
  });

  it("folds letters NFD does not split (ø, ł, ß, æ, đ) to their ASCII spelling, scored as an accent", () => {
    const lib = library({
      performers: ["Søren Kragh", "Łucja Nowak", "Anna Groß", "Æsa Lind", "Đorđe Ilić"],
    });
    expect(performersIn(lib, { title: "Soren Kragh at home" })).toEqual([["Søren Kragh", 0.9]]);
    expect(performersIn(lib, { path: "/v/lucja.nowak.mp4" })).toEqual([["Łucja Nowak", 0.9]]);
    expect(performersIn(lib, { title: "Anna Gross" })).toEqual([["Anna Groß", 0.9]]);
    expect(performersIn(lib, { title: "Aesa Lind" })).toEqual([["Æsa Lind", 0.9]]);
    expect(performersIn(lib, { title: "Dorde Ilic" })).toEqual([["Đorđe Ilić", 0.9]]);
    // Capitals fold too, and the name as written is still exact.
    expect(performersIn(lib, { title: "SØREN KRAGH" })).toEqual([["Søren Kragh", 1]]);
    // And the other way round: a library name in ASCII found written with the letter.
    const ascii = library({ performers: ["Soren Kragh"] });
    expect(performersIn(ascii, { title: "Søren Kragh" })).toEqual([["Soren Kragh", 0.9]]);
  });

  it("scores partial spellings: words run together 0.8, family name first 0.7, each 0.05 less for an alias, never below 0.6", () => {
    const lib = library({ performers: [{ name: "Jane Doe", aliases: ["Janie Dée"] }] });
    expect(performersIn(lib, { path: "/v/JaneDoe_beach.mp4" })).toEqual([["Jane Doe", 0.8]]);
    expect(performersIn(lib, { title: "Doe, Jane: beach" })).toEqual([["Jane Doe", 0.7]]);
    expect(performersIn(lib, { title: "Janie Dée at the beach" })).toEqual([["Jane Doe", 0.95]]);
    expect(performersIn(lib, { title: "Janie Dee at the beach" })).toEqual([["Jane Doe", 0.85]]);
    expect(performersIn(lib, { path: "/v/JanieDee.mp4" })).toEqual([["Jane Doe", 0.75]]);
    expect(performersIn(lib, { title: "Dee, Janie: beach" })).toEqual([["Jane Doe", 0.65]]);
    // A one-word alias as the common word: 0.6 − 0.05 stays at the floor.
    const summer = library({ performers: [{ name: "Summer Rae", aliases: ["Summer"] }] });
    expect(performersIn(summer, { path: "/v/summer/clip.mp4" })).toEqual([["Summer Rae", 0.6]]);
  });

  it("prefers the name over more words where names overlap", () => {
    const lib = library({ performers: ["Anna", "Anna Bell"] });
    expect(performersIn(lib, { title: "Anna Bell at home" })).toEqual([["Anna Bell", 1]]);
  });

  it("proposes nothing for a name two performers share at the same confidence", () => {
    const lib = library({
      performers: ["Jane Doe", "Jane Doe", { name: "Kim", aliases: ["Jo Kim"] }, "Jo Kim"],
    });
    expect(performersIn(lib, { title: "Jane Doe" })).toEqual([]);
    // An exact name beats another performer's alias.
    expect(performersIn(lib, { title: "Jo Kim" })).toEqual([["Jo Kim", 1]]);
  });
});

describe("one-word names, which may be ordinary words", () => {
  it("scores a one-word name written in lower case 0.6 in a path, and nothing in details", () => {
    const lib = library({ performers: ["Angel", "Summer"] });
    expect(performersIn(lib, { path: "/videos/summer/clip.mp4" })).toEqual([["Summer", 0.6]]);
    expect(performersIn(lib, { details: "An angel sings in summer." })).toEqual([]);
  });

  it("caps a capitalised one-word name at 0.85 where any word would have a capital, so a bulk approve at 0.95 leaves it", () => {
    const lib = library({ performers: ["Angel", "Summer"] });
    const at085 = (facts: Parameters<typeof scene>[1], name: string) =>
      expect(performersIn(lib, facts)).toEqual([[name, 0.85]]);
    at085({ title: "Summer Vacation" }, "Summer");
    at085({ title: "SUMMER VACATION" }, "Summer");
    at085({ path: "/videos/Summer/clip.mp4" }, "Summer");
    at085({ path: "/v/2024.01.31 Summer - Beach Day.mp4" }, "Summer");
    // Was 1: "Angel" opens the sentence, so its capital tells the name from the word no more
    // than "Summer" in a title does.
    at085({ details: "Angel sings." }, "Angel");
    at085({ details: "It ends. Angel sings." }, "Angel");
  });

  it("scores 1 a capitalised one-word name among the lower-case words of its phrase", () => {
    const lib = library({ performers: ["Angel", "Summer"] });
    expect(performersIn(lib, { details: "A song by Angel, filmed in summer." })).toEqual([
      ["Angel", 1],
    ]);
    expect(performersIn(lib, { details: "At the beach, Angel sings." })).toEqual([["Angel", 1]]);
    expect(performersIn(lib, { title: "beach day with Summer" })).toEqual([["Summer", 1]]);
  });

  it("keeps an exact name of several words at 1 in Title Case and at a sentence's start", () => {
    const lib = library({ performers: ["Jane Doe"] });
    expect(performersIn(lib, { title: "Jane Doe Beach Vacation" })).toEqual([["Jane Doe", 1]]);
    expect(performersIn(lib, { details: "Jane Doe sings." })).toEqual([["Jane Doe", 1]]);
  });

  it("weighs a one-word alias the same way, 0.05 lower", () => {
    const lib = library({ performers: [{ name: "Angela Ray", aliases: ["Angel"] }] });
    expect(performersIn(lib, { details: "Angel sings." })).toEqual([["Angela Ray", 0.8]]);
    expect(performersIn(lib, { details: "A song by Angel." })).toEqual([["Angela Ray", 0.95]]);
  });
});
