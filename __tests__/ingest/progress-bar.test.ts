import { ReadProgress, SHOW_AFTER_MS, barLayout } from '../../src/ingest/progress-bar';

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

describe('barLayout: the line fits the terminal', () => {
  /** The widest line cli-progress can draw from a layout. */
  const widest = ({ format, barsize }: { format: string; barsize: number }) =>
    format
      .replace('{bar}', '█'.repeat(barsize))
      .replace('{percentage}', '100')
      .replace(/\{value\}|\{total\}/g, '824')
      .replace('{eta_formatted}', '99h59m');
  const LONG = `data/${'kunjungan-delegasi-'.repeat(6)}2024.csv`;

  test.each([30, 40, 60, 80, 120, 200])('at %i columns, with a short and a long name', (columns) => {
    for (const name of ['big.csv', LONG]) {
      const layout = barLayout(name, 824_000_000, columns);
      expect([...widest(layout)].length).toBeLessThanOrEqual(columns - 1);
      expect(layout.barsize).toBeGreaterThanOrEqual(10);
      expect(layout.barsize).toBeLessThanOrEqual(40);
      expect(layout.format).toContain('{percentage}%');
    }
  });

  test('the bar narrows first, then the name is shortened, then the size and the time left go', () => {
    expect(barLayout('big.csv', 824_000_000, 200)).toEqual({
      format: 'big.csv [{bar}] {percentage}% | {value}/{total} MB | {eta_formatted} left',
      barsize: 40,
    });
    const at60 = barLayout('big.csv', 824_000_000, 60);
    expect(at60.format).toMatch(/^big\.csv .* MB .* left$/);
    expect([...widest(at60)].length).toBe(59);
    const at80 = barLayout(LONG, 824_000_000, 80);
    expect(at80.barsize).toBe(10);
    expect(at80.format).toMatch(/^data\/kunjungan-delegasi-\S*… \[\{bar\}\] .* MB .* left$/);
    expect([...widest(at80)].length).toBe(79);
    expect(barLayout(LONG, 824_000_000, 50).format).toMatch(/… \[\{bar\}\] \{percentage\}% \| \{eta_formatted\} left$/);
    expect(barLayout(LONG, 824_000_000, 30).format).toMatch(/… \[\{bar\}\] \{percentage\}%$/);
  });

  test('the bar drawn on an 80-column terminal is no wider than it', () => {
    const tty = {
      isTTY: true,
      columns: 80,
      written: [] as string[],
      write(text: string) {
        this.written.push(text);
        return true;
      },
    };
    let now = 0;
    const progress = new ReadProgress(`data/${'x'.repeat(90)}.csv`, 824_000_000, tty, () => now);
    try {
      now = SHOW_AFTER_MS;
      progress.advance(400_000_000);
    } finally {
      progress.stop();
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the bar's cursor and colour codes are what is left out.
    const visible = tty.written.join('').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
    const line = visible.split(/[\r\n]/).find((l) => l.includes('%'))!;
    expect(line).toMatch(/^data\/x+… \[=+-+\] 48% \| 400\/824 MB \| .* left$/);
    expect([...line].length).toBeLessThanOrEqual(79);
  });
});
