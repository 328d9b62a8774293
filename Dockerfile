# stash-sync beside Stash: docker compose -f compose.example.yml up -d (see the README).
# The build stage runs the same `npm run package` the tests start from, so the image holds
# the tested folder; the run stage has Node and that folder only.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles when no prebuilt binary fits; Node's headers are in /usr/local here.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local \
  NEXT_TELEMETRY_DISABLED=1
WORKDIR /src
# The dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run package

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  DATABASE_URL=file:/data/stash-sync.db
WORKDIR /app
# Owned by root and read-only to the app: only /data is written.
COPY --from=build /src/dist/stash-sync ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `docker stop` sends SIGTERM: a running sync ends after its page, recorded as cancelled.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
