#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine.
#
#   scripts/check-compose.sh                  the file's structure, with .env.example:
#     1. `docker-compose config -q` passes with .env.example;
#     2. it fails, naming the variable, whenever a required secret is unset or empty;
#     3. every secret in .env.example is a change-me-... placeholder;
#     4. least privilege: PostgreSQL, Redis and the renderer share networks with the cms only (the
#        renderer one with web too, for redirects),
#        Redis has a password and cannot evict keys without a TTL, the cms trusts one proxy hop;
#     5. the --secrets mode below refuses placeholders and short secrets (tested on temporary
#        env files).
#   scripts/check-compose.sh --secrets [FILE] a real deployment's environment, before `up`: the
#     values in FILE (default: .env next to docker-compose.yml) and in this process's environment
#     (which wins, as with compose). Fails, naming each variable, when a secret is a placeholder
#     (change-me..., changeme..., secret..., tobemodified...), shorter than 32 characters or (for
#     REDIS_PASSWORD, which goes into a URL) not URL-safe; then validates docker-compose.yml with
#     those values. A shell subset of @clinic/contract's secretProblem (packages/contract/src/secrets.ts),
#     which the CMS and the renderer apply when they start.
#
# Uses docker-compose v1 (apt package `docker-compose`) or, if present, the `docker compose` plugin.
# Run from anywhere in the repository.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMPOSE_FILE="$ROOT/docker-compose.yml"
ENV_EXAMPLE="$ROOT/.env.example"

# Every variable docker-compose.yml requires with ${VAR:?...}.
REQUIRED_VARS=(
  POSTGRES_PASSWORD REDIS_PASSWORD
  PUBLIC_URL SITE_URL CORS_ORIGINS
  APP_KEYS API_TOKEN_SALT ADMIN_JWT_SECRET TRANSFER_TOKEN_SALT JWT_SECRET ENCRYPTION_KEY
  PREVIEW_SECRET RENDER_HOOK_SECRET
)
# The secrets among them (APP_KEYS: a comma-separated list, each checked).
SECRETS=(
  POSTGRES_PASSWORD REDIS_PASSWORD APP_KEYS API_TOKEN_SALT ADMIN_JWT_SECRET TRANSFER_TOKEN_SALT
  JWT_SECRET ENCRYPTION_KEY PREVIEW_SECRET RENDER_HOOK_SECRET
)
MIN_SECRET_LENGTH=32

MODE=structure
ENV_FILE=""
case "${1:-}" in
  "") ;;
  --secrets)
    MODE=secrets
    ENV_FILE="${2:-}"
    ;;
  *)
    printf 'usage: %s [--secrets [ENV_FILE]]\n' "$0" >&2
    exit 2
    ;;
esac

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

# --- secrets mode: a real environment --------------------------------------------------------
# What is wrong with secret $1 = $2, or nothing (a shell subset of packages/contract/src/secrets.ts:
# placeholders by prefix and the length; the message never repeats the value).
secret_problem() {
  local name="$1" value="$2" trimmed lower
  trimmed="$(printf '%s' "$value" | sed -E 's/^[[:space:]]+//; s/[[:space:]]+$//')"
  lower="$(printf '%s' "$trimmed" | tr '[:upper:]' '[:lower:]')"
  if [ -z "$trimmed" ]; then
    echo "$name is not set: set it to a random value (openssl rand -base64 32)."
  elif [[ "$lower" == change-me* || "$lower" == changeme* || "$lower" == secret* || "$lower" == tobemodified* ]]; then
    echo "$name is still a placeholder value: replace it with a random value (openssl rand -base64 32)."
  elif [ "${#trimmed}" -lt "$MIN_SECRET_LENGTH" ]; then
    echo "$name is too short (${#trimmed} characters): use at least $MIN_SECRET_LENGTH random characters (openssl rand -base64 32)."
  fi
}

# The value of $2 in env file $1 (the last assignment; surrounding quotes removed), or nothing.
env_file_value() {
  [ -f "$1" ] || return 0
  sed -nE "s/^[[:space:]]*(export[[:space:]]+)?$2[[:space:]]*=[[:space:]]*(.*)\$/\\2/p" "$1" | tail -n 1 |
    sed -E "s/[[:space:]]+\$//; s/^\"(.*)\"\$/\\1/; s/^'(.*)'\$/\\1/"
}

if [ "$MODE" = secrets ]; then
  if [ -n "$ENV_FILE" ]; then
    [ -f "$ENV_FILE" ] || fail "--secrets: no such env file: $ENV_FILE"
  else
    ENV_FILE="$ROOT/.env"
  fi
  log "secrets: ${ENV_FILE} (if present) and the environment"
  problems=0
  for name in "${SECRETS[@]}"; do
    if [ -n "${!name+set}" ]; then value="${!name}"; else value="$(env_file_value "$ENV_FILE" "$name")"; fi
    if [ "$name" = APP_KEYS ] && [ -n "$value" ]; then
      IFS=',' read -r -a parts <<<"$value"
      index=0
      for part in "${parts[@]}"; do
        index=$((index + 1))
        problem="$(secret_problem "APP_KEYS (key $index)" "$part")"
        [ -z "$problem" ] || { printf '[check-compose] %s\n' "$problem" >&2; problems=$((problems + 1)); }
      done
      continue
    fi
    problem="$(secret_problem "$name" "$value")"
    # It goes into REDIS_URL (redis://:PASSWORD@redis:6379/0): only characters a URL keeps as they are.
    if [ -z "$problem" ] && [ "$name" = REDIS_PASSWORD ] && ! [[ "$value" =~ ^[A-Za-z0-9._~-]+$ ]]; then
      problem="REDIS_PASSWORD must be URL-safe (letters, digits, . _ ~ -), as it goes into REDIS_URL: use openssl rand -hex 32."
    fi
    [ -z "$problem" ] || { printf '[check-compose] %s\n' "$problem" >&2; problems=$((problems + 1)); }
  done
  [ "$problems" -eq 0 ] || fail "$problems secret(s) not fit for production (see above)"
  log "   ok: ${#SECRETS[@]} secrets set, none a placeholder, none shorter than $MIN_SECRET_LENGTH characters"
  # The same values, as compose will read them.
  if [ -f "$ENV_FILE" ]; then env_arg="$ENV_FILE"; else : >"$TMP/empty.env"; env_arg="$TMP/empty.env"; fi
  if ! (cd "$ROOT" && "${COMPOSE[@]}" -f "$COMPOSE_FILE" --env-file "$env_arg" config -q) 2>"$TMP/err"; then
    cat "$TMP/err" >&2
    fail "docker-compose.yml is invalid with this environment"
  fi
  log "PASS: the environment's secrets are fit for production and docker-compose.yml is valid with it"
  exit 0
fi

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
for name in "${SECRETS[@]}"; do
  value="$(grep -E "^${name}=" "$ENV_EXAMPLE" | head -n 1 | cut -d= -f2- || true)"
  case "$value" in
    change-me-*) ;;
    *) fail ".env.example: $name should be a change-me-... placeholder, not '$value'" ;;
  esac
done
log "3. ok: every secret in .env.example is a change-me-... placeholder"

# --- 4. least privilege between the services ------------------------------------------------
log "4. networks, Redis and proxy trust"
# The configuration as JSON: the Compose plugin writes it; for v1, its own YAML is converted with
# PyYAML (which docker-compose v1 itself depends on).
if [ "${COMPOSE[*]}" = "docker compose" ]; then
  (cd "$ROOT" && env "${UNSET_ARGS[@]}" "${COMPOSE[@]}" -f "$COMPOSE_FILE" --env-file "$ENV_EXAMPLE" config --format json) >"$TMP/config.json"
else
  (cd "$ROOT" && env "${UNSET_ARGS[@]}" "${COMPOSE[@]}" -f "$COMPOSE_FILE" --env-file "$ENV_EXAMPLE" config) |
    python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)' >"$TMP/config.json" ||
    fail "could not read docker-compose config as JSON (python3 with PyYAML is needed for docker-compose v1)"
fi
command -v node >/dev/null 2>&1 || fail "node is needed to check the configuration"
if ! node - "$TMP/config.json" <<'NODE'
const { readFileSync } = require('node:fs');
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
const services = config.services ?? {};
const networksOf = (service) => {
  const networks = services[service]?.networks ?? ['default'];
  return Array.isArray(networks) ? networks : Object.keys(networks);
};
const members = (network) => Object.keys(services).filter((name) => networksOf(name).includes(network));
// Each of these talks to the cms only (the renderer also to web, which asks it where a missing
// page moved): every network it is on joins it with one of those and nothing else.
const peers = { postgres: ['cms'], redis: ['cms'], renderer: ['cms', 'web'] };
for (const [service, allowed] of Object.entries(peers)) {
  for (const network of networksOf(service)) {
    const others = members(network).filter((name) => name !== service);
    if (others.length !== 1 || !allowed.includes(others[0])) {
      problems.push(`${service} shares the network '${network}' with ${others.join(', ') || 'no one'} (only one of ${allowed.join(', ')} should reach it)`);
    }
    if (!config.networks?.[network]?.internal) {
      problems.push(`network '${network}' (${service}) is not internal: true (no way out needed)`);
    }
  }
}
const command = [services.redis?.command ?? []].flat().join(' ');
if (!/requirepass/.test(command)) problems.push('redis is started without requirepass (a password)');
if (!/--maxmemory-policy volatile-lru/.test(command)) {
  problems.push('redis must use --maxmemory-policy volatile-lru (the cache version key has no TTL and must never be evicted)');
}
const env = services.cms?.environment ?? {};
if (!/^redis:\/\/:[^@]+@redis:6379\/\d+$/.test(env.REDIS_URL ?? '')) {
  problems.push(`the cms's REDIS_URL must carry the password (redis://:\${REDIS_PASSWORD}@redis:6379/0), not ${env.REDIS_URL}`);
}
if (String(env.IS_PROXIED) !== 'true') {
  problems.push('the cms is only reachable through nginx: IS_PROXIED must be true (it trusts that one hop)');
}
if (services.web?.environment?.TRUSTED_PROXY_CIDR === undefined) {
  problems.push('web (nginx) does not get TRUSTED_PROXY_CIDR');
}
for (const problem of problems) console.error(`[check-compose] ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
NODE
then
  fail "docker-compose.yml gives a service more access than it needs (see above)"
fi
log "   ok: postgres, redis and the renderer each share only internal networks with the cms (the renderer one with web); redis has a password and evicts only keys with a TTL; the cms trusts nginx's one hop"

# --- 5. the --secrets mode refuses placeholders and short secrets ---------------------------
log "5. --secrets on temporary env files"
random_value() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
# .env.example with a fresh random value for every secret: fit for production.
cp "$ENV_EXAMPLE" "$TMP/strong.env"
for name in "${SECRETS[@]}"; do
  value="$(random_value)"
  [ "$name" = APP_KEYS ] && value="$value,$(random_value)"
  sed -i -E "s/^${name}=.*/${name}=${value}/" "$TMP/strong.env"
done
secrets_check() { # $1 = env file; further arguments: VAR=value put in the environment
  local file="$1"
  shift
  env "${UNSET_ARGS[@]}" "$@" bash "$0" --secrets "$file"
}
if ! secrets_check "$TMP/strong.env" >"$TMP/out" 2>&1; then
  cat "$TMP/out" >&2
  fail "--secrets refused an env file whose secrets are all random 64-character values"
fi
log "   ok: random secrets pass"
expect_refused() { # $1 = what, $2 = variable the message must name, $3 = env file, then env VAR=value
  local what="$1" name="$2" file="$3"
  shift 3
  if secrets_check "$file" "$@" >"$TMP/out" 2>&1; then
    cat "$TMP/out" >&2
    fail "--secrets accepted $what"
  fi
  grep -qF "[check-compose] $name " "$TMP/out" || {
    cat "$TMP/out" >&2
    fail "--secrets refused $what, but without naming $name"
  }
  log "   ok: $what -> $(grep -m1 -F "[check-compose] $name " "$TMP/out" | sed 's/^\[check-compose\] //')"
}
cases=0
with() { # $1 = variable, $2 = value: strong.env with that one value changed, as a new file
  cases=$((cases + 1))
  NAME="$1" VALUE="$2" awk '
    index($0, ENVIRON["NAME"] "=") == 1 { print ENVIRON["NAME"] "=" ENVIRON["VALUE"]; next }
    { print }
  ' "$TMP/strong.env" >"$TMP/case-$cases.env"
  grep -qxF "$1=$2" "$TMP/case-$cases.env" || fail "could not set $1 in a temporary env file"
  echo "$TMP/case-$cases.env"
}
expect_refused ".env.example itself" POSTGRES_PASSWORD "$ENV_EXAMPLE"
expect_refused "a change-me placeholder" RENDER_HOOK_SECRET "$(with RENDER_HOOK_SECRET change-me-render-hook-secret-0123456789abcdef)"
expect_refused "Strapi's tobemodified" API_TOKEN_SALT "$(with API_TOKEN_SALT tobemodified)"
expect_refused "a 20-character secret" JWT_SECRET "$(with JWT_SECRET 0123456789abcdef0123)"
expect_refused "a placeholder among APP_KEYS" "APP_KEYS (key 2)" "$(with APP_KEYS "$(random_value),change-me-app-key-2")"
expect_refused "a REDIS_PASSWORD that breaks REDIS_URL" REDIS_PASSWORD "$(with REDIS_PASSWORD "$(random_value)/+=")"
expect_refused "an empty secret" ENCRYPTION_KEY "$(with ENCRYPTION_KEY '')"
expect_refused "a placeholder in the environment over a good file" PREVIEW_SECRET "$TMP/strong.env" PREVIEW_SECRET=changeme-0123456789abcdef0123456789abcdef

log "PASS: docker-compose.yml validated (${COMPOSE[*]})"
