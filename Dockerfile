# syntax=docker/dockerfile:1
# Maillage API image. Build: docker build -t maillage .   (or: docker compose up --build)

# ---- Stage 1: compile TypeScript (needs the devDependencies: typescript, @types/*) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Lockfile first so the dependency layer is cached while only sources change.
COPY package.json package-lock.json ./
RUN npm ci
# What the build needs: tsc for the app (src/seed/demo-graph.json is emitted into dist/src/seed),
# esbuild for the explorer, the dashboard and the GraphQL IDE (bundled by scripts/build-explorer.mjs into dist/).
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY explorer ./explorer
# The GraphQL IDE (ide/, into dist/ide) bundles the README's examples from schema/examples.graphql.
COPY ide ./ide
COPY schema ./schema
COPY scripts/build-explorer.mjs scripts/staleness.cjs ./scripts/
RUN npm run build \
 && test -f dist/src/main.js \
 && test -f dist/src/seed/demo-graph.json \
 && test -d dist/explorer \
 && test -f dist/ide/ide.js

# ---- Stage 2: runtime, production dependencies only ----
FROM node:20-bookworm-slim AS runtime
# MAILLAGE_AUTOSTART_DB=false: never try to spawn the embedded Neo4j (scripts/ and db/ are not in the image).
ENV NODE_ENV=production \
    MAILLAGE_AUTOSTART_DB=false \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# Migrations are read at run time from <root>/cypher, root = the folder holding package.json (/app).
COPY cypher ./cypher
# The example queries warm Neo4j's plan cache at start (src/graphql/warm-up.ts).
COPY schema ./schema
# Files stay root-owned (read-only for the app); the process runs as the unprivileged `node` user.
USER node
EXPOSE 4000
# /healthz answers only once migrations and the first-boot seed (French geography) are done: long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1)).setTimeout(4000,function(){this.destroy()})"]
# A larger young generation: a GraphQL server allocates many short-lived objects per
# request, and scavenges were 7-13% of its CPU under load (bench/README.md).
CMD ["node", "--max-semi-space-size=64", "dist/src/main.js"]
