import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

const nextConfig: NextConfig = {
  // Native and wasm modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  poweredByHeader: false,
  // No next/image here: its optimizer's native image library (about 20 MB) stays out of the package.
  outputFileTracingExcludes: { "*": ["node_modules/sharp/**", "node_modules/@img/**"] },
};

/**
 * Every build also writes `.next/standalone`, which `npm run package` turns into the
 * self-contained folder; `next start` is given the config without it, because it warns that
 * it does not serve standalone builds (it does: the rest of `.next` is a full build).
 */
export default function config(phase: string): NextConfig {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: "standalone" } : nextConfig;
}
