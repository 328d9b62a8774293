import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createApiContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { trpcResponseMeta } from "@/server/api/trpc-response-meta";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createApiContext(req.headers),
    responseMeta: trpcResponseMeta,
  });

export { handler as GET, handler as POST };
