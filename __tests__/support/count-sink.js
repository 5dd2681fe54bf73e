// A MergeableSink for the parallel reading tests: order-free totals of everything it is given.
class CountSink {
  constructor() {
    this.state = { rows: 0, people: 0, nights: 0, byRegion: {}, byDate: {}, arrivals: 0 };
  }
  delegation(row) {
    const s = this.state;
    s.rows++;
    s.people += row.people;
    s.nights += row.nights ?? 0;
    s.byRegion[row.region] = (s.byRegion[row.region] ?? 0) + 1;
    const day = `${row.date.year}-${row.date.month}-${row.date.day}`;
    s.byDate[day] = (s.byDate[day] ?? 0) + row.people;
  }
  arrival(row) {
    this.state.arrivals += row.count;
  }
  toData() {
    return this.state;
  }
  absorb(other) {
    const s = this.state;
    s.rows += other.rows;
    s.people += other.people;
    s.nights += other.nights;
    s.arrivals += other.arrivals;
    for (const [k, v] of Object.entries(other.byRegion)) s.byRegion[k] = (s.byRegion[k] ?? 0) + v;
    for (const [k, v] of Object.entries(other.byDate)) s.byDate[k] = (s.byDate[k] ?? 0) + v;
  }
}
exports.createCountSink = () => new CountSink();
