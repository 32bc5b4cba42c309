/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a plain line
 * whenever a phase passes a 10 % step (logs and CI stay readable).
 */

/** One progress update. */
export interface ProgressState {
  /** Label, e.g. "DURABILITY produce". */
  readonly label: string;
  /** Records done. */
  readonly done: number;
  /** Records in the phase. */
  readonly total: number;
  /** Time in the phase. */
  readonly elapsedMs: number;
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function rate(state: ProgressState): number {
  return state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
}

/** The bar line for a terminal `columns` wide (no control characters). */
export function renderProgressBar(state: ProgressState, columns = 80): string {
  const fraction = state.total > 0 ? Math.min(1, Math.max(0, state.done / state.total)) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const tail = ` ${percent}  ${int(state.done)}/${int(state.total)}  ${int(rate(state))} rec/s  ${clock(state.elapsedMs)}`;
  const head = `${state.label} `;
  // The bar's width depends on the terminal only, so it does not jump as the numbers grow.
  const barWidth = Math.max(10, Math.min(40, columns - head.length - 48));
  const filled = Math.round(fraction * barWidth);
  const line = `${head}[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]${tail}`;
  return line.length >= columns ? line.slice(0, Math.max(0, columns - 1)) : line;
}

/** The plain line for one 10 % step. */
export function renderProgressLine(state: ProgressState, percent: number): string {
  return `loadtest: ${state.label} ${percent}% (${int(state.done)}/${int(state.total)} records, ${int(rate(state))} records/s)`;
}

/** Writes progress for one phase after another. */
export class ProgressReporter {
  private lastStep = -1;
  private drawn = false;
  private label = "";

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: { readonly tty: boolean; readonly columns?: number },
  ) {}

  /** A new progress value; starts a new phase when the label changes. */
  update(state: ProgressState): void {
    if (state.label !== this.label) {
      this.end();
      this.label = state.label;
      this.lastStep = -1;
    }
    if (this.options.tty) {
      this.write(`\r${renderProgressBar(state, this.options.columns ?? 80)}\x1b[K`);
      this.drawn = true;
      return;
    }
    // One line for an update that crosses a 10 % step (the highest one crossed).
    const step = state.total > 0 ? Math.floor((Math.min(state.done, state.total) / state.total) * 10) : 0;
    if (step > 0 && step > this.lastStep) this.write(`${renderProgressLine(state, step * 10)}\n`);
    this.lastStep = Math.max(this.lastStep, step);
  }

  /** A message line between progress updates. */
  message(text: string): void {
    this.end();
    this.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Ends the current bar (a newline after it on a terminal). */
  end(): void {
    if (this.drawn) this.write("\n");
    this.drawn = false;
  }
}
