/**
 * Every column visitstat reads, declared once. The rest follows from this table: header matching
 * (src/ingest/headers.ts), the row and batch types (records.ts), the columns the scanner codes and the
 * straight path checks (src/ingest/rows.ts), and the `--group-by` dimensions (summary-keys.ts).
 *
 * Only the declarations live here; what is derived from them is derived where it is used, so that a
 * test can declare an extra column in this one place and see it read and grouped by.
 */

export type Kind = 'delegations' | 'arrivals';

/**
 * - `date`: a day or a month alone (src/ingest/values.ts parseDate);
 * - `count`: a whole number >= 0;
 * - `text`: trimmed, empty is unknown (null); never makes a row invalid, so a command may leave it unread;
 * - `list`: text split on `;` or `|`, several values per row (a row counts once in each).
 */
export type FieldKind = 'text' | 'count' | 'date' | 'list';

export interface FieldSpec {
  /** The canonical name: the row's key, `--map NAME=...`, and the `--group-by` dimension. */
  readonly name: string;
  readonly kind: FieldKind;
  /** The kinds of file that have the column. */
  readonly files: readonly Kind[];
  /** A file of that kind needs the column, and a row needs a value in it. */
  readonly required?: boolean;
  /** Headers that name it, matched ignoring case, spaces and punctuation (as the README lists them). */
  readonly aliases: readonly string[];
  /** A `--group-by` dimension (text and list fields), named so in tables. */
  readonly groupBy?: { readonly en: string; readonly id: string };
  /** List fields: what several values of a row are called, in notes. */
  readonly plural?: { readonly en: string; readonly id: string };
}

export const FIELDS = [
  { name: 'date', kind: 'date', files: ['delegations'], required: true, aliases: ['date', 'tanggal', 'tgl', 'tanggal_kunjungan'] },
  {
    name: 'people',
    kind: 'count',
    files: ['delegations'],
    required: true,
    aliases: ['people', 'jumlah', 'jumlah_peserta', 'peserta', 'jumlah_orang', 'pax', 'visitors', 'participants'],
  },
  {
    name: 'origin',
    kind: 'text',
    files: ['delegations'],
    aliases: ['origin', 'asal', 'instansi', 'asal_instansi', 'delegation', 'rombongan'],
    groupBy: { en: 'Origin', id: 'Asal instansi' },
  },
  {
    name: 'region',
    kind: 'text',
    files: ['delegations'],
    aliases: ['region', 'provinsi', 'daerah', 'province'],
    groupBy: { en: 'Region', id: 'Provinsi' },
  },
  {
    name: 'type',
    kind: 'text',
    files: ['delegations'],
    aliases: ['type', 'jenis', 'jenis_instansi'],
    groupBy: { en: 'Type', id: 'Jenis instansi' },
  },
  { name: 'nights', kind: 'count', files: ['delegations'], aliases: ['nights', 'malam', 'lama_menginap', 'jumlah_malam'] },
  {
    name: 'purpose',
    kind: 'list',
    files: ['delegations'],
    aliases: ['purpose', 'tujuan', 'bidang', 'topik'],
    groupBy: { en: 'Purpose', id: 'Tujuan' },
    plural: { en: 'purposes', id: 'tujuan' },
  },
  {
    name: 'period',
    kind: 'date',
    files: ['arrivals'],
    required: true,
    aliases: ['period', 'date', 'month', 'bulan', 'periode', 'tanggal', 'year', 'tahun'],
  },
  { name: 'domestic', kind: 'count', files: ['arrivals'], aliases: ['domestic', 'wisnus', 'nusantara', 'wisatawan_nusantara', 'domestik'] },
  { name: 'foreign', kind: 'count', files: ['arrivals'], aliases: ['foreign', 'wisman', 'mancanegara', 'wisatawan_mancanegara', 'asing'] },
  { name: 'segment', kind: 'text', files: ['arrivals'], aliases: ['segment', 'jenis', 'kategori', 'category', 'jenis_wisatawan'] },
  { name: 'count', kind: 'count', files: ['arrivals'], aliases: ['count', 'jumlah', 'visitors', 'jumlah_wisatawan'] },
  {
    name: 'destination',
    kind: 'text',
    files: ['arrivals'],
    aliases: [
      'destination',
      'destinasi',
      'destinasi_wisata',
      'objek_wisata',
      'obyek_wisata',
      'daya_tarik_wisata',
      'dtw',
      'tempat_wisata',
      'lokasi',
      'attraction',
      'site',
    ],
    groupBy: { en: 'Destination', id: 'Destinasi' },
  },
  {
    name: 'country',
    kind: 'text',
    files: ['arrivals'],
    aliases: ['country', 'negara', 'negara_asal', 'asal_negara', 'kebangsaan', 'kewarganegaraan', 'nationality', 'country_of_residence'],
    groupBy: { en: 'Country', id: 'Negara asal' },
  },
] as const satisfies readonly FieldSpec[];

type Declared = (typeof FIELDS)[number];
export type FieldName = Declared['name'];

/** The fields a kind of file has. */
type FieldOf<K extends Kind> = Declared extends infer F
  ? F extends { files: readonly (infer In)[] }
    ? K extends In
      ? F
      : never
    : never
  : never;
export type DelegationField = FieldOf<'delegations'>;
export type ArrivalField = FieldOf<'arrivals'>;

/** Delegation columns of text (text and list fields): they never make a row invalid, so they may go unread. */
export type TextField = Extract<DelegationField, { kind: 'text' | 'list' }>['name'];
/** The delegation columns that are `--group-by` dimensions. */
export type CategoryField = Extract<DelegationField, { groupBy: object }>['name'];
/** The arrivals columns that are `--group-by` dimensions: what arrivals are broken down by (destination, country). */
export type ArrivalDim = Extract<ArrivalField, { groupBy: object }>['name'];
