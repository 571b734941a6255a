# Roundup in a container: node:20-slim, non-root, and everything it writes under the /data volume.
#   docker build -t roundup .
#   mkdir data && cp digest.config.yaml data/ && chown -R 1000:1000 data   # as root; keep `state:` relative (.digest → /data/.digest)
#   docker run -d --name roundup --restart unless-stopped -v $PWD/data:/data --env-file /etc/roundup/roundup.env roundup
# /data holds the config, the state folder (subscribers, send ledger, feed cache) and out/ (editions). The
# program runs as the image's `node` user, uid 1000: a folder mounted from the host must belong to that uid,
# or nothing can be written there. --restart brings both back after a reboot or a crash (the web app answers
# every email's unsubscribe link). The image's files under /app are read-only to it. .dockerignore keeps data/,
# *.env files, keys and the config out of the image. The web app (landing page, unsubscribe links, archive)
# runs from the same image and volume with another command, behind your TLS proxy:
#   docker run -d --name roundup-web --restart unless-stopped -v $PWD/data:/data --env-file /etc/roundup/roundup.env -p 127.0.0.1:8080:8080 \
#     --health-cmd 'node -e "fetch(\"http://127.0.0.1:8080/healthz\").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"' roundup \
#     node /app/bin/digest.js serve --config /data/digest.config.yaml --out /data/out --host 0.0.0.0 --port 8080 --trust-proxy
# The image's HEALTHCHECK is the scheduler's: `digest health` exits 0 while `digest run` touches its heartbeat
# (/data/.digest/run.heartbeat, every 15 s), so `docker ps` shows the container unhealthy when run died or hangs;
# the web app's container checks /healthz instead (--health-cmd above).
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# a full install runs the package's own build steps, then the tools only they need are dropped
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund && rm -rf test bench docs .ci

FROM node:20-slim
ENV NODE_ENV=production
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
WORKDIR /data
VOLUME ["/data"]
HEALTHCHECK --interval=1m --timeout=30s --start-period=2m --retries=3 CMD ["node", "/app/bin/digest.js", "health", "--config", "/data/digest.config.yaml"]
CMD ["node", "/app/bin/digest.js", "run", "--config", "/data/digest.config.yaml", "--out", "/data/out"]
