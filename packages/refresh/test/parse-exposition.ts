/**
 * One sample of the Prometheus text format.
 *
 * @example const sample: Sample = { name: 'portage_sync_jobs_total', labels: { outcome: 'succeeded' }, value: 1 };
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The Prometheus text exposition format, as a scraper reads it: `name{label="value",...} number`
 * lines and `# TYPE name type` lines; any other line throws.
 *
 * @example const { samples, types } = parseExposition(await metrics.text());
 */
export function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1]!, label[2]!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return { samples, types };
}

/**
 * The value of the first sample with this name and these labels (others may be present).
 *
 * @example valueOf(samples, 'portage_sync_errors_total', { code: 'TIMEOUT' }); // 1, or undefined
 */
export function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;
}
