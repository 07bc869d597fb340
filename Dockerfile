# syntax=docker/dockerfile:1
# The TestOps Copilot service: the HTTP API (the default command) and the job worker
# (`node bin/testops.js worker`) are one image, so an API and its workers never disagree on code.
FROM node:20-bookworm-slim

# Chromium explores web apps and runs UI suites (Debian's build: Playwright's own download is not
# needed); fonts so pages render as users see them; Python with pytest, httpx and jsonschema runs
# emitted pytest suites; tini is PID 1, forwarding SIGTERM so jobs wind down and reaping the
# browser's child processes.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates tini \
      chromium fonts-liberation fonts-freefont-ttf fonts-noto-color-emoji \
      python3 python3-venv python3-pytest python3-httpx python3-jsonschema \
 && rm -rf /var/lib/apt/lists/*

# Emitted pytest suites also report through allure-pytest, which Debian does not package: a venv
# on top of the system packages adds only that.
ARG ALLURE_PYTEST_VERSION=2.13.5
RUN python3 -m venv --system-site-packages /opt/testops-python \
 && /opt/testops-python/bin/pip install --no-cache-dir --disable-pip-version-check \
      "allure-pytest==${ALLURE_PYTEST_VERSION}"

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The CLI runs its TypeScript sources through tsx (bin/testops.js), so sources are the runtime: no
# build step. examples/ holds the bundled demo targets.
COPY tsconfig.json ./
COPY bin/ bin/
COPY src/ src/
COPY examples/ examples/

# PGlite's data, the generated key and job working folders live in /data (a volume in compose).
RUN mkdir -p /data && chown node:node /data
ENV TESTOPS_DATA_DIR=/data \
    TESTOPS_PYTHON=/opt/testops-python/bin/python \
    CHROMIUM_PATH=/usr/lib/chromium/chromium

USER node
EXPOSE 8080

# Liveness of the API on the port of the default command; the worker serves no HTTP, so compose
# disables this check for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/testops.js", "serve", "--host", "0.0.0.0", "--port", "8080"]
