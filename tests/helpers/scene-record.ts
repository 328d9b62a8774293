import { sceneRecordOfText } from "../../server/stash/scene-records";
import type { PageRecord, StashScene } from "../../server/stash/types";

/** A scene record as a page of one scene brings it, from the scene as Stash sends it. */
export function recordOf(wire: object): PageRecord<StashScene> {
  const text = JSON.stringify(wire);
  const body = `{"data":{"page":{"count":1,"scenes":[${text}]}}}`;
  return sceneRecordOfText(body, body.indexOf(text), body.length - 4);
}
