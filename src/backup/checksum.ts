import { createHash } from "node:crypto";
import { Property } from "./values";

const MOD = 1n << 256n;

const sha256 = (text: string) => createHash("sha256").update(text).digest();

// Keys in order, so the same element always serialises the same way whatever order Neo4j gave its keys.
const canonical = (properties: Property[]) => JSON.stringify([...properties].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/** A node's identity in the checksum: its sorted labels and properties (element ids differ between databases). */
export function nodeDigest(labels: string[], properties: Property[]): Buffer {
  return sha256(`N${JSON.stringify([...labels].sort())}${canonical(properties)}`);
}

/** A relationship's identity: its type, its properties and the digests of its two ends. */
export function relationshipDigest(type: string, start: Buffer, end: Buffer, properties: Property[]): Buffer {
  return sha256(`R${JSON.stringify([type, start.toString("hex"), end.toString("hex")])}${canonical(properties)}`);
}

/**
 * The checksum of a graph: sha256 of its counts and of the sum (mod 2^256) of the digests of its
 * elements. A sum does not depend on the order elements are read in and needs constant memory,
 * so a backup and the database it was restored into give the same checksum for the same graph.
 */
export class GraphChecksum {
  private sum = 0n;
  nodes = 0;
  relationships = 0;

  addNode(digest: Buffer): void {
    this.nodes++;
    this.add(digest);
  }

  addRelationship(digest: Buffer): void {
    this.relationships++;
    this.add(digest);
  }

  private add(digest: Buffer): void {
    this.sum = (this.sum + BigInt(`0x${digest.toString("hex")}`)) % MOD;
  }

  hex(): string {
    return sha256(JSON.stringify([this.nodes, this.relationships, this.sum.toString(16)])).toString("hex");
  }
}
