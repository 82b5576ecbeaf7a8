// Chinese names of tables, used when a message has to say what refers to what.
const labels = new Map<string, string>();

export function registerTableLabels(entries: Record<string, string>) {
  for (const [table, label] of Object.entries(entries)) labels.set(table, label);
}

export const tableLabel = (table: string) => labels.get(table) ?? table;
