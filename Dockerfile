# The portal's image, following Backstage's documented "host build" (backstage.io/docs/deployment/docker):
# the app and the backend bundle are built on the host, the image installs production dependencies from the
# lockfile and unpacks the bundle.
#
# Build context: the folder that scripts/build-production.sh lays out (not the repository itself):
#   scripts/build-production.sh dist-production && docker build -t jetstream2-backstage dist-production
# The tests run the same script and start the backend from the same layout (see README "Production").
FROM node:22-bookworm-slim

# better-sqlite3 (the development database) compiles natively; production uses PostgreSQL (pg, plain JS).
ENV PYTHON=/usr/bin/python3
RUN apt-get update && \
    apt-get install -y --no-install-recommends python3 g++ build-essential libsqlite3-dev && \
    rm -rf /var/lib/apt/lists/*

USER node
WORKDIR /app
ENV NODE_ENV=production
# Required by the scaffolder's isolated-vm on Node 20 and newer.
ENV NODE_OPTIONS="--no-node-snapshot"

# Skeleton first (package.json files only), so the dependency layer is cached while only code changes.
COPY --chown=node:node package.json package-lock.json .npmrc packages/backend/dist/skeleton.tar.gz ./
RUN tar xzf skeleton.tar.gz && rm skeleton.tar.gz

RUN --mount=type=cache,target=/home/node/.npm,sharing=locked,uid=1000,gid=1000 \
    npm ci --omit=dev --no-audit --no-fund

# Then the code: the backend, our plugins and the built app (packages/app/dist), served by the backend.
COPY --chown=node:node packages/backend/dist/bundle.tar.gz app-config.yaml app-config.production.yaml app-config.oidc.yaml ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz
COPY --chown=node:node catalog ./catalog

EXPOSE 7007
# PostgreSQL comes from POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD; cluster tokens from
# the variables named in the kubernetes config (see deploy/portal).
CMD ["node", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml", "--config", "app-config.oidc.yaml"]
