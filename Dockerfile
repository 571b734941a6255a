# Roundup in a container: node:20-slim, non-root, state on a volume.
#   docker build -t roundup .
#   docker run -d --name roundup -v roundup-state:/data -e DIGEST_SMTP_URL=… -e DIGEST_SECRET=… \
#     -v $PWD/digest.config.yaml:/app/digest.config.yaml:ro roundup
# The web app (archive, unsubscribe) runs from the same image with another command:
#   docker run -d -v roundup-state:/data … -p 8080:8080 roundup node bin/digest.js serve --port 8080 --host 0.0.0.0
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY tools/build.mjs ./tools/
COPY src ./src
# npm ci builds dist/ (its `prepare` step needs the dev dependencies), then the dev dependencies go
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY templates ./templates
COPY feeds ./feeds
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# The config's `state:` should point at /data (e.g. `state: /data`), and `digest run` keeps the schedule.
CMD ["node", "bin/digest.js", "run", "--config", "/app/digest.config.yaml"]
