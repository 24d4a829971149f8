/**
 * The writing style a splice learns from the file as it streams by: the root's member
 * indentation and one record per array (the template). New and rewritten records are
 * written in it (see learnStyle.ts).
 */
import type { CollectionName } from './splicePlan';
import { learnStyle } from './learnStyle';
import type { JsonStyle } from './jsonStyle';
import type { SpanNode } from './spanTree';

export class SpliceStyle {
  /** The gap before the root object's first key (its members' indentation). */
  rootLead: string | null = null;
  private readonly templates = new Map<CollectionName, SpanNode>();
  private anyTemplate: SpanNode | null = null;

  constructor(private readonly exactIntegers: ReadonlyMap<number, string>) {}

  /** The first record of an array: how that array's records are written. */
  addTemplate(name: CollectionName, node: SpanNode): void {
    this.templates.set(name, node);
    this.anyTemplate ??= node;
  }

  templateOf(name: CollectionName): SpanNode | null {
    return this.templates.get(name) ?? null;
  }

  /** The style of records at indentation `pad`, learnt from `template` or any array's. */
  styleFor(template: SpanNode | null, pad: string): JsonStyle {
    const rootLead = this.rootLead ?? '';
    const rootIndent = rootLead.includes('\n') ? padOf(rootLead) : null;
    return learnStyle(template ?? this.anyTemplate, pad, rootIndent, this.exactIntegers);
  }
}

/** The indentation after the last line break of a gap. */
export function padOf(gap: string): string {
  const newline = gap.lastIndexOf('\n');
  return newline < 0 ? '' : gap.slice(newline + 1);
}
