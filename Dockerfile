# syntax=docker/dockerfile:1
# The Dialog Token Sandbox as one container: Next's standalone server (docs/deploy.md).
#   docker build -t dialog-token-sandbox .
#   docker run --rm -p 3000:3000 -e SANDBOX_ORIGIN=http://localhost:3000 dialog-token-sandbox
# Not built where it was written (no Docker daemon or registry access there). The same steps were run by
# hand: `npm ci`, `next build`, then the runtime stage's layout served as a non-root user with plain node.

ARG NODE_IMAGE=node:20-slim

# 1. All dependencies, dev ones included: the build needs TypeScript, Tailwind and PostCSS. Install
#    scripts are skipped; only esbuild (Vitest, tsx) and msw (the tests) have one, and the build needs neither.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# 2. The production build; output: "standalone" (next.config.js) puts a self-contained server in .next/standalone.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# 3. Only the standalone server and the static assets it does not serve by itself (there is no public/).
#    The code stays root-owned and read-only to the server, which runs as the image's `node` user.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    SANDBOX_INTERNAL_URL=http://127.0.0.1:3000
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/dialogporten/api/v1/.well-known/jwks.json').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
