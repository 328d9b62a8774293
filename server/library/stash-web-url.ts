/**
 * Stash serves its web UI and its GraphQL API from one address: the API is `<base>/graphql`,
 * a scene's page `<base>/scenes/<id>`. Returns null for an address that is not a URL.
 */
export function stashSceneUrl(graphqlUrl: string | null, sceneId: string): string | null {
  if (!graphqlUrl) return null;
  try {
    const url = new URL(graphqlUrl);
    const base = url.pathname.replace(/\/graphql\/?$/, "").replace(/\/$/, "");
    url.pathname = `${base}/scenes/${encodeURIComponent(sceneId)}`;
    url.search = "";
    url.hash = "";
    return url.toString();
  } catch {
    return null;
  }
}
