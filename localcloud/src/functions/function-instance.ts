import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { executeFailed, timedOut, FunctionError } from './function-errors';
import type { WorkerInvocation } from './invocation-context';

const WORKER_SCRIPT = join(__dirname, 'instance-worker.js');

interface WorkerError {
  name: string;
  message: string;
  stack?: string;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'load-error'; error: WorkerError }
  | { type: 'result'; id: string; ok: true; data: string }
  | { type: 'result'; id: string; ok: false; error: WorkerError };

interface PendingCall {
  id: string;
  resolve(responseData: string): void;
  reject(error: FunctionError): void;
  timer: NodeJS.Timeout;
}

export interface InstanceOptions {
  functionDir: string;
  /** The whole environment of the process: SDK redirection plus the platform's variables. */
  env: Record<string, string>;
  /** How long loading index.js may take before the instance is given up. */
  startTimeoutMs: number;
  /** One line the function printed (console.log / console.error). */
  onOutput(line: string): void;
  /** Called once when the process is gone, whatever the reason. */
  onExit(instance: FunctionInstance): void;
}

/** One worker process: a warm cloud-function instance that serves one call at a time. */
export class FunctionInstance {
  /** Resolves once index.js is loaded; rejects with the load error or if the process dies first. */
  readonly ready: Promise<void>;
  readonly startedAt = Date.now();
  /** Milliseconds from fork to loaded index.js: the cold start. */
  coldStartMs: number | undefined;
  private readonly child: ChildProcess;
  private pending: PendingCall | undefined;
  private exited = false;
  private killedByHost = false;

  constructor(private readonly options: InstanceOptions) {
    this.child = fork(WORKER_SCRIPT, [options.functionDir], {
      cwd: options.functionDir,
      env: options.env,
      // Not the parent's flags (jest's, tsx's loader): an instance is a bare Node process, as on the platform.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    forwardLines(this.child.stdout, options.onOutput);
    forwardLines(this.child.stderr, options.onOutput);
    this.ready = this.waitUntilLoaded();
    this.ready.catch(() => this.kill());
    this.child.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.child.on('exit', (code, signal) => this.onProcessExit(code, signal));
    // A process that cannot be spawned or written to is treated as dead; 'exit' (if any) settles the call.
    this.child.on('error', () => this.kill());
  }

  /** False once the process has exited or is being killed: no call may be given to it. */
  get alive(): boolean {
    return !this.exited && !this.killedByHost;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Runs one call; a call over its time limit kills the instance, as the platform does. Resolves to the JSON result. */
  run(invocation: WorkerInvocation, timeoutMs: number): Promise<string> {
    if (this.pending) throw new Error('an instance serves one call at a time');
    if (!this.alive) return Promise.reject(executeFailed('function instance is not running'));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(timedOut(timeoutMs));
        this.kill();
      }, timeoutMs);
      this.pending = { id: invocation.id, resolve, reject, timer };
      this.child.send({ type: 'invoke', invocation }, (error) => {
        if (error) this.kill(); // the exit handler fails the call
      });
    });
  }

  /** True once the process has exited on its own (a crash), as opposed to being stopped by the pool. */
  get crashed(): boolean {
    return this.exited && !this.killedByHost;
  }

  kill(): void {
    if (this.exited) return;
    this.killedByHost = true;
    this.child.kill('SIGKILL');
  }

  private waitUntilLoaded(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(timedOut(this.options.startTimeoutMs)), this.options.startTimeoutMs);
      const settle = (error?: FunctionError) => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          this.coldStartMs = Date.now() - this.startedAt;
          settle();
        } else if (message.type === 'load-error') settle(executeFailed(formatError(message.error)));
      };
      const onExit = (code: number | null, signal: string | null) =>
        settle(executeFailed(`function instance exited while loading (${signal ?? `code ${code}`})`));
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
    });
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type !== 'result' || !this.pending || message.id !== this.pending.id) return;
    const call = this.pending;
    this.pending = undefined;
    clearTimeout(call.timer);
    if (message.ok) call.resolve(message.data);
    else call.reject(executeFailed(formatError(message.error)));
  }

  private onProcessExit(code: number | null, signal: string | null): void {
    this.exited = true;
    const call = this.pending;
    this.pending = undefined;
    if (call) {
      clearTimeout(call.timer);
      const how = this.killedByHost ? 'was stopped' : `crashed (${signal ?? `exit code ${code}`})`;
      call.reject(executeFailed(`function instance ${how} while serving the call`));
    }
    this.options.onExit(this);
  }
}

/** The platform reports a thrown error as its stack ("Error: boom\n    at exports.main ..."). */
function formatError(error: WorkerError): string {
  return error.stack ?? `${error.name}: ${error.message}`;
}

function forwardLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', onLine);
}
