import { ReadProgress, SHOW_AFTER_MS } from '../../src/ingest/progress-bar';

/** A fake stderr that records what is written. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  const write = (text: string) => {
    written.push(text);
    return true;
  };
  return { isTTY, columns: 100, written, write };
}

describe('ReadProgress', () => {
  test('no bar for standard input or when stderr is not a terminal', () => {
    expect(ReadProgress.forSource('-', '<stdin>', terminal(true))).toBeNull();
    expect(ReadProgress.forSource('fixtures/sample/delegations-2016.csv', 'x', terminal(false))).toBeNull();
  });

  test('a file on a terminal gets a bar object, shown only after the read has taken a second', () => {
    expect(ReadProgress.forSource('fixtures/sample/delegations-2016.csv', 'x', terminal(true))).not.toBeNull();
    const tty = terminal(true);
    let now = 0;
    const progress = new ReadProgress('big.csv', 10_000_000, tty, () => now);
    now = SHOW_AFTER_MS - 1;
    progress.advance(1_000_000);
    expect(tty.written.join('')).toBe('');
    now = SHOW_AFTER_MS;
    progress.advance(4_000_000);
    expect(tty.written.join('')).toContain('big.csv');
    expect(tty.written.join('')).toContain('50%');
    progress.stop();
  });

  test('a short read never writes anything', () => {
    const tty = terminal(true);
    const progress = new ReadProgress('small.csv', 1000, tty, () => 0);
    progress.advance(1000);
    progress.stop();
    expect(tty.written).toEqual([]);
  });
});
