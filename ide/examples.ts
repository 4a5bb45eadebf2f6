import { Kind, parse } from "graphql";

/** One of the README's example operations, as the README prints it (so it is a registered document). */
export interface Example {
  name: string;
  /** The comment above it in schema/examples.graphql: the question it answers. */
  question: string;
  query: string;
}

/**
 * The operations of schema/examples.graphql, each cut at its definition's bounds: the same text
 * as the README's ```graphql block (test/seed/seed.test.ts checks), hence registered in
 * schema/trusted-documents.json and runnable in trusted-documents mode.
 */
export function splitExamples(file: string): Example[] {
  return parse(file).definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.loc || !definition.name) return [];
    const before = file.slice(0, definition.loc.start).trimEnd().split("\n");
    const comment: string[] = [];
    while (before.length && before[before.length - 1].startsWith("#")) comment.unshift(before.pop()!.replace(/^#\s?/, ""));
    return [{ name: definition.name.value, question: comment.join(" "), query: file.slice(definition.loc.start, definition.loc.end) }];
  });
}
