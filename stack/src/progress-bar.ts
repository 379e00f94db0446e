/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per 10% elsewhere (CI logs).
 */
export function progressBar(total: number, label: string): (done: number) => void {
  const started = Date.now();
  const interactive = process.stderr.isTTY === true;
  let lastDecile = -1;
  return (done) => {
    const fraction = total === 0 ? 1 : done / total;
    const elapsedSeconds = (Date.now() - started) / 1000;
    const rate = elapsedSeconds > 0 ? Math.round(done / elapsedSeconds) : 0;
    const etaSeconds = rate > 0 ? Math.round((total - done) / rate) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} ${rate.toLocaleString('en-GB')}/s ETA ${etaSeconds}s`;
    if (interactive) {
      process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${line}\n`);
    }
  };
}
