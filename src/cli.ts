/** Placeholder until the commander program lands. */
export function main(): void {
  process.stdout.write('visitstat\n');
}
