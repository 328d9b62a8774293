import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
