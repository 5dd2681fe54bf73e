/** How values and names appear in messages: quoted as JSON does, cut with their length, escaped. */
import { escapeControls, grouped, quote, quoteList } from '../src/messages';

describe('quote', () => {
  it('quotes a short value exactly as JSON.stringify does', () => {
    for (const value of ['Jumlah Tamu', 'say "hi"', 'back\\slash', 'tab\there', '']) expect(quote(value)).toBe(JSON.stringify(value));
  });

  it('cuts a long value to 80 characters and gives its length', () => {
    const value = 'x'.repeat(20_971_520);
    expect(quote(value)).toBe(`"${'x'.repeat(80)}…" (20,971,520 characters)`);
  });

  it('never cuts a surrogate pair in half', () => {
    const value = `${'a'.repeat(79)}😀${'b'.repeat(100)}`;
    expect(quote(value)).toBe(`"${'a'.repeat(79)}…" (181 characters)`);
  });

  it('escapes controls JSON leaves alone: C1 and bidirectional overrides and isolates', () => {
    expect(quote('a\u202eb\u2066c\u0085d')).toBe('"a\\u202eb\\u2066c\\u0085d"');
  });
});

describe('quoteList', () => {
  it('lists up to 20 items, then how many more', () => {
    expect(quoteList(['a', 'b'])).toBe('"a", "b"');
    const many = Array.from({ length: 150_000 }, (_, i) => `c${i}`);
    expect(quoteList(many)).toBe(
      `${many
        .slice(0, 20)
        .map((c) => `"${c}"`)
        .join(', ')} and 149,980 more`,
    );
  });
});

describe('escapeControls', () => {
  it('writes escape sequences, line breaks and bidi controls as escapes; leaves other text alone', () => {
    expect(escapeControls('evil\u001b[2J\n\u202e.csv')).toBe('evil\\u001b[2J\\u000a\\u202e.csv');
    expect(escapeControls('Désa — ünï 𝄞 مرحبا')).toBe('Désa — ünï 𝄞 مرحبا');
  });
});

describe('grouped', () => {
  it('puts commas between thousands, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 100_000, 20_971_520, 1_234_567_890]) expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});
