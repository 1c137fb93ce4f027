#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine:
#   1. `docker-compose config -q` passes with .env.example;
#   2. it fails, naming the variable, whenever a required secret is unset or empty.
# Uses docker-compose v1 (apt package `docker-compose`) or, if present, the `docker compose` plugin.
# Usage: scripts/check-compose.sh            (from anywhere in the repository)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMPOSE_FILE="$ROOT/docker-compose.yml"
ENV_EXAMPLE="$ROOT/.env.example"

# Every variable docker-compose.yml requires with ${VAR:?...}.
REQUIRED_VARS=(
  POSTGRES_PASSWORD
  PUBLIC_URL SITE_URL CORS_ORIGINS
  APP_KEYS API_TOKEN_SALT ADMIN_JWT_SECRET TRANSFER_TOKEN_SALT JWT_SECRET ENCRYPTION_KEY
  PREVIEW_SECRET RENDER_HOOK_SECRET
)

log() { printf '[check-compose] %s\n' "$*"; }
fail() { printf '[check-compose] FAIL: %s\n' "$*" >&2; exit 1; }

# --- find or install a compose implementation -----------------------------------------------
COMPOSE=()
find_compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
  elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  fi
}
find_compose
if [ ${#COMPOSE[@]} -eq 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "docker-compose not found; installing it with apt-get (Debian package docker-compose, v1)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } >/tmp/check-compose-apt.log 2>&1; then
      tail -n 20 /tmp/check-compose-apt.log >&2 || true
      fail "could not install docker-compose with apt-get (log: /tmp/check-compose-apt.log). Install docker-compose or the Docker Compose plugin and re-run."
    fi
    find_compose
  fi
fi
[ ${#COMPOSE[@]} -gt 0 ] || fail "docker-compose is not installed and cannot be installed here (needs root and apt-get). Install docker-compose (e.g. 'apt-get install docker-compose') or the Docker Compose plugin and re-run."
log "using: ${COMPOSE[*]} ($("${COMPOSE[@]}" version --short 2>/dev/null || "${COMPOSE[@]}" version | head -n 1))"

[ -f "$COMPOSE_FILE" ] || fail "missing $COMPOSE_FILE"
[ -f "$ENV_EXAMPLE" ] || fail "missing $ENV_EXAMPLE"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Run compose with only the given env file: the caller's environment must not mask a missing
# variable, so every compose variable is removed from the process environment first.
UNSET_ARGS=()
while IFS= read -r name; do
  UNSET_ARGS+=(-u "$name")
done < <(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=' "$ENV_EXAMPLE" | tr -d '=' | sort -u)

compose_config() { # $1 = env file
  (cd "$ROOT" && env "${UNSET_ARGS[@]}" "${COMPOSE[@]}" -f "$COMPOSE_FILE" --env-file "$1" config -q)
}

# --- 1. the example env is complete and the file is valid -----------------------------------
log "1. ${COMPOSE[*]} -f docker-compose.yml --env-file .env.example config -q"
if ! compose_config "$ENV_EXAMPLE" 2>"$TMP/err"; then
  cat "$TMP/err" >&2
  fail "docker-compose.yml is invalid with .env.example"
fi
log "   ok: docker-compose.yml is valid with .env.example"

# The services the deployment is made of (README "Deploy with docker-compose").
EXPECTED_SERVICES=(postgres redis cms renderer web)
services="$(cd "$ROOT" && env "${UNSET_ARGS[@]}" "${COMPOSE[@]}" -f "$COMPOSE_FILE" --env-file "$ENV_EXAMPLE" config --services)"
for service in "${EXPECTED_SERVICES[@]}"; do
  grep -qx "$service" <<<"$services" || fail "docker-compose.yml has no '$service' service (has: $(echo $services))"
done
log "   ok: services ${EXPECTED_SERVICES[*]}"

for name in "${REQUIRED_VARS[@]}"; do
  grep -qE "^${name}=.+" "$ENV_EXAMPLE" || fail ".env.example has no value for required variable $name"
  grep -qE "\\\$\\{${name}:\\?" "$COMPOSE_FILE" || fail "docker-compose.yml does not require $name with \${$name:?...}"
done
log "   ok: .env.example sets all ${#REQUIRED_VARS[@]} required variables, and compose requires each with \${VAR:?}"

# --- 2. a missing or empty required variable stops compose with a clear message -------------
log "2. config must fail when a required variable is unset or empty"
for name in "${REQUIRED_VARS[@]}"; do
  for mode in unset empty; do
    if [ "$mode" = unset ]; then
      grep -vE "^${name}=" "$ENV_EXAMPLE" >"$TMP/env"
    else
      sed -E "s/^${name}=.*/${name}=/" "$ENV_EXAMPLE" >"$TMP/env"
    fi
    if compose_config "$TMP/env" >/dev/null 2>"$TMP/err"; then
      fail "config passed with $name $mode; it must be required (\${$name:?...})"
    fi
    grep -q "set $name in .env" "$TMP/err" || {
      cat "$TMP/err" >&2
      fail "config failed with $name $mode, but the error does not say 'set $name in .env'"
    }
  done
  log "   ok: $name unset/empty -> $(grep -o "set $name in .env[^'\"}]*" "$TMP/err" | head -n 1)"
done

# --- 3. no real-looking secrets in the example -----------------------------------------------
SECRETS=(POSTGRES_PASSWORD APP_KEYS API_TOKEN_SALT ADMIN_JWT_SECRET TRANSFER_TOKEN_SALT JWT_SECRET ENCRYPTION_KEY PREVIEW_SECRET RENDER_HOOK_SECRET)
for name in "${SECRETS[@]}"; do
  value="$(grep -E "^${name}=" "$ENV_EXAMPLE" | head -n 1 | cut -d= -f2-)"
  case "$value" in
    change-me-*) ;;
    *) fail ".env.example: $name should be a change-me-... placeholder, not '$value'" ;;
  esac
done
log "3. ok: every secret in .env.example is a change-me-... placeholder"

log "PASS: docker-compose.yml validated (${COMPOSE[*]})"
