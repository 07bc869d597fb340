// The pages still to explore: same-origin URLs only, each once (fragments ignored), queued in
// discovery order so that, taken level by level, the crawl is breadth first.
export interface CrawlRequest {
  url: string;
  depth: number;
}

/** The URL as a crawl key: fragment removed; query kept (it can select different content). */
export function crawlKey(url: string | URL): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

export class CrawlFrontier {
  private readonly queue: CrawlRequest[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly origin: string,
    private readonly maxDepth: number,
  ) {}

  /** Queues a URL unless it is on another origin, too deep, or already known. */
  add(url: string, depth: number): boolean {
    let key: string;
    try {
      key = crawlKey(url);
    } catch {
      return false;
    }
    if (new URL(key).origin !== this.origin || depth > this.maxDepth || this.seen.has(key)) return false;
    this.seen.add(key);
    this.queue.push({ url: key, depth });
    return true;
  }

  /** Marks a URL (e.g. where a redirect ended) as known without queueing it. */
  markSeen(url: string): void {
    this.seen.add(crawlKey(url));
  }

  /** Everything queued so far, in order: one depth level when taken between levels. */
  takeQueued(): CrawlRequest[] {
    return this.queue.splice(0);
  }
}
