import { Agent, fetch as undiciFetch, FormData as UndiciFormData } from "undici";

const entities: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'" };
const unescape = (text: string) => text.replace(/&(quot|amp|lt|gt|#x27);/g, (_, e) => entities[e]!);

/**
 * The fields a browser without script would post for the page's form that holds `fieldName`:
 * its hidden inputs, which carry the server action's id and state (React's form encoding).
 */
export function hiddenFieldsOfForm(html: string, fieldName: string): Array<[string, string]> {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)]
    .map((match) => match[0])
    .find((text) => text.includes(`name="${fieldName}"`));
  if (!form) throw new Error(`no form with a field named ${fieldName}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map(
    (match) => [unescape(match[1]!), unescape(match[2] ?? "")],
  );
}

/** A fetch whose connections come from this loopback address: another client to the server. */
export function fetchFrom(localAddress: string) {
  const dispatcher = new Agent({ localAddress });
  return (url: string, init: Parameters<typeof undiciFetch>[1] = {}) =>
    undiciFetch(url, { ...init, dispatcher });
}

/** A multipart body of these fields, with `changes` replacing or adding fields. */
export function formBody(fields: Array<[string, string]>, changes: Record<string, string>) {
  const body = new UndiciFormData();
  for (const [name, value] of fields) if (!(name in changes)) body.append(name, value);
  for (const [name, value] of Object.entries(changes)) body.append(name, value);
  return body;
}
