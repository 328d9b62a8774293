import packageJson from "../package.json" with { type: "json" };

/** This build's version, from package.json at build time (footer, /api/health, logs). */
export const appVersion: string = packageJson.version;
