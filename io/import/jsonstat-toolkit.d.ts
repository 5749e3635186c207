/** The parts of jsonstat-toolkit (https://github.com/jsonstat/toolkit) the JSON-stat reader uses; the package ships no types. */
declare module "jsonstat-toolkit" {
  interface JsonStatCategory {
    label: string | null;
  }
  interface JsonStatDimension {
    id: string[];
    label: string | null;
    role: string | null;
    extension: Record<string, unknown> | null;
    Category(index: number | string): JsonStatCategory | null;
  }
  interface JsonStatDataset {
    class: string;
    id: string[];
    size: number[];
    label: string | null;
    value: (number | null)[];
    status: (string | null)[] | null;
    note: string[] | null;
    updated: string | null;
    source: string | null;
    extension: Record<string, unknown> | null;
    role: Record<string, string[] | null> | null;
    error: unknown;
    Dimension(id: string): JsonStatDimension | null;
  }
  export default function JSONstat(input: unknown): JsonStatDataset;
}
