// Types for cms-process.mjs (hand-written: keep the two in step).
import type { ChildProcess } from 'node:child_process';

/** Absolute path of the repository root. */
export const rootDir: string;
/** Absolute path of cms/. */
export const cmsDir: string;
/** Node's options for a CMS process (the same as cms/Dockerfile's NODE_OPTIONS). */
export const CMS_NODE_OPTIONS: string;

export function sleep(ms: number): Promise<void>;

/** Every secret cms/src/utils/required-env.ts requires. */
export interface CmsSecrets {
  /** Comma-separated, two values. */
  APP_KEYS: string;
  API_TOKEN_SALT: string;
  ADMIN_JWT_SECRET: string;
  TRANSFER_TOKEN_SALT: string;
  JWT_SECRET: string;
  ENCRYPTION_KEY: string;
  PREVIEW_SECRET: string;
}

/** Fresh random values on every call. */
export function generateSecrets(): CmsSecrets;

/** A TCP port nobody listens on right now. */
export function freePort(host?: string): Promise<number>;

/** The last `lines` (40) lines of a file, or '' if it cannot be read. */
export function tail(file?: string, lines?: number): string;

export interface StartProcessOptions {
  /** Default: the repository root. */
  cwd?: string;
  /** Added to process.env. */
  env?: Record<string, string>;
  /** Output is appended here when given. */
  logFile?: string;
  /** Without `logFile`: inherit this process's stdout/stderr (default) or drop the output. */
  output?: 'inherit' | 'ignore';
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child in its own process group; SIGTERMed if this process exits first. */
export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  logFile?: string;
  /** Resolves when the child has exited (or could not be spawned). */
  exited: Promise<ProcessExit>;
  running(): boolean;
  /** Sends `signal` (default SIGTERM) to the whole group; nothing if it is gone. */
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM to the group, SIGKILL after `graceMs` (8000); resolves once exited. No-op if gone. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options?: StartProcessOptions,
): ManagedProcess;

/** Polls `check` until true; with `proc`, fails early (with its log tail) if it exits. */
export function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  options?: { proc?: ManagedProcess; timeoutMs?: number; intervalMs?: number },
): Promise<void>;

/** Whether cms/dist holds the admin panel and the compiled server `strapi start` needs. */
export function isCmsBuilt(): boolean;

/** `pnpm --filter cms build`; rejects if it fails. */
export function buildCms(): Promise<void>;

/**
 * cms/package.json's `start` script (also cms/Dockerfile's CMD): a plain `node <script> …`
 * command, returned with this process's Node binary as `command`. Throws for anything else.
 */
export function cmsStartCommand(): { command: string; args: string[] };

export type CmsDatabase =
  | { client: 'sqlite'; /** Absolute, or relative to cms/. */ filename: string }
  | { client: 'postgres'; /** postgres://user:password@host:port/database */ url: string };

/** DATABASE_CLIENT plus DATABASE_FILENAME or DATABASE_URL, as cms/config/database.ts reads them. */
export function databaseEnv(database: CmsDatabase): Record<string, string>;

export interface StartCmsOptions {
  /** Default: a free port. */
  port?: number;
  /** Default: generateSecrets(). */
  secrets?: CmsSecrets;
  /** Default: whatever `env` or process.env say (else cms/.tmp/data.db). */
  database?: CmsDatabase;
  /** Extra variables; they override everything above except PORT. */
  env?: Record<string, string>;
  /** Output is appended here when given. */
  logFile?: string;
  /** Without `logFile`: inherit (default) or ignore the output. */
  output?: 'inherit' | 'ignore';
  /** How long to wait for `GET /_health` → 204. Default 120 000 ms. */
  timeoutMs?: number;
  /** For messages and the log. Default 'CMS'. */
  name?: string;
  /** Called once the process is spawned, before it is healthy: to watch or kill it as it starts. */
  onSpawn?: (proc: ManagedProcess) => void;
}

export interface CmsProcess extends ManagedProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /**
   * The variables it was started with on top of process.env (secrets, database, PORT, …):
   * `startCmsProcess({ port: cms.port, env: cms.env })` restarts it on the same database.
   */
  env: Record<string, string>;
}

/**
 * Starts the built CMS (cms/package.json's `start` command, in cms/) and resolves once `/_health`
 * answers 204.
 */
export function startCmsProcess(options?: StartCmsOptions): Promise<CmsProcess>;
