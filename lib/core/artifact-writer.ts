import * as fs from "fs";
import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";

/** One file to write: absolute target path and content. */
export interface PendingFile {
  readonly target: string;
  readonly content: string;
}

/** What the writer thread reports for a batch it could not write in full. */
interface WriteFailure {
  readonly message: string;
  readonly code?: string;
  readonly path?: string;
  readonly syscall?: string;
  readonly errno?: number;
}

/**
 * Batches below this size are written on the calling thread: handing them over costs more than the
 * wait on the disk they would save.
 */
export const BACKGROUND_MIN_FILES = 32;

// The writer thread: writes each batch in order, creating folders as needed, then counts the batch
// as done in the shared counter and wakes a waiting `flush()`. A failure is reported on the port
// before the count moves, so `flush()` always finds it; the count moves whatever happens.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const fs = require("fs");
const path = require("path");
const done = new Int32Array(workerData.counter);
const failures = workerData.failures;
parentPort.on("message", (files) => {
  const made = new Set();
  let failure;
  try {
    for (const f of files) {
      try {
        const dir = path.dirname(f.target);
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        fs.writeFileSync(f.target, f.content);
      } catch (e) {
        if (failure === undefined) failure = e;
      }
    }
  } catch (e) {
    if (failure === undefined) failure = e;
  } finally {
    // Always counted, so that a waiting flush() never waits for a batch that will not come.
    if (failure !== undefined) {
      const e = failure || {};
      failures.postMessage({ message: String(e.message), code: e.code, path: e.path, syscall: e.syscall, errno: e.errno });
    }
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  }
});
`;

/**
 * Writes artifact files on a second thread, so that the wait on the disk for hundreds of small
 * files (client properties, runbooks) overlaps the rendering and synthesis still to come instead
 * of adding to it. `flush()` blocks until every file handed over is on disk, and throws the first
 * write error, as a synchronous write would have.
 *
 * One writer serves the process; its thread starts on the first large batch of a synth, never keeps
 * the process alive, and stops when the synth's last stack is done (`close()`). A process that ends
 * with files still pending waits for them on exit.
 */
export class ArtifactWriter {
  private static shared: ArtifactWriter | undefined;

  /** The process's writer. */
  public static get(): ArtifactWriter {
    if (ArtifactWriter.shared === undefined) ArtifactWriter.shared = new ArtifactWriter();
    return ArtifactWriter.shared;
  }

  private worker: Worker | undefined;
  private failures: MessagePort | undefined;
  private counter: Int32Array | undefined;
  private sent = 0;
  /** Folders with files handed over since the last flush. */
  private readonly folders = new Set<string>();

  /** True while the writer thread runs (from the first large batch of a synth to `close()`). */
  public get running(): boolean {
    return this.worker !== undefined;
  }

  /** Batches handed to the writer thread and not yet written. */
  public get pending(): number {
    return this.counter === undefined ? 0 : this.sent - Atomics.load(this.counter, 0);
  }

  /**
   * Writes `files`, which lie in `folder`, after every batch handed over before them: on the writer
   * thread when there are at least {@link BACKGROUND_MIN_FILES} or the thread already runs, else right
   * away on this thread.
   */
  public write(files: readonly PendingFile[], folder: string): void {
    if (files.length === 0) return;
    if ((files.length < BACKGROUND_MIN_FILES && !this.running) || !this.start()) {
      writeNow(files);
      return;
    }
    this.worker!.postMessage(files);
    this.sent += 1;
    this.folders.add(folder);
  }

  /**
   * Before `folder` is cleared or rewritten: waits for the pending files when some of them were handed
   * over for that folder (`write(files, folder)`), and returns at once otherwise.
   */
  public settle(folder: string): void {
    if (this.folders.has(folder)) this.flush();
  }

  /** Blocks until every batch handed over is written; throws the first error any of them met. */
  public flush(): void {
    if (this.counter === undefined) return;
    for (;;) {
      const done = Atomics.load(this.counter, 0);
      if (done >= this.sent) break;
      Atomics.wait(this.counter, 0, done, 1000);
    }
    this.folders.clear();
    const first = receiveMessageOnPort(this.failures!);
    // Drain the rest: one error is enough to fail the synth, and the next synth starts clean.
    while (receiveMessageOnPort(this.failures!) !== undefined);
    if (first !== undefined) throw toError(first.message as WriteFailure);
  }

  /**
   * Waits for every pending file, then stops the thread (a later batch starts a new one), so that
   * no idle thread outlives the synth. Throws what `flush()` throws, after stopping.
   */
  public close(): void {
    if (this.worker === undefined) return;
    try {
      this.flush();
    } finally {
      void this.worker.terminate();
      this.failures!.close();
      process.removeListener("exit", this.onExit);
      this.worker = undefined;
      this.failures = undefined;
      this.counter = undefined;
      this.sent = 0;
    }
  }

  // A program that ends without the synth's last flush (it threw half-way) still leaves every file
  // it handed over on disk; errors have nowhere to go by then.
  private readonly onExit = (): void => {
    try {
      this.flush();
    } catch {
      // nothing to report to at exit
    }
  };

  /** Starts the thread once; false where threads are unavailable (the files are then written inline). */
  private start(): boolean {
    if (this.worker !== undefined) return true;
    try {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { counter: counter.buffer, failures: port2 },
        transferList: [port2],
      });
      worker.unref();
      port1.unref();
      this.worker = worker;
      this.failures = port1;
      this.counter = counter;
    } catch {
      return false;
    }
    process.on("exit", this.onExit);
    return true;
  }
}

function writeNow(files: readonly PendingFile[]): void {
  const made = new Set<string>();
  for (const f of files) {
    const dir = path.dirname(f.target);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(f.target, f.content);
  }
}

function toError(failure: WriteFailure): Error {
  return Object.assign(new Error(failure.message), {
    code: failure.code,
    path: failure.path,
    syscall: failure.syscall,
    errno: failure.errno,
  });
}
