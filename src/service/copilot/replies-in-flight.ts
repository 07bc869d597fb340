/**
 * Replies being streamed by this process, so a stop request can end one. A reply is streamed
 * by the process that received its request; behind a load balancer the stop request may reach
 * another replica, which then finds nothing here (closing the stream stops it everywhere).
 */
export class RepliesInFlight {
  readonly #byChat = new Map<string, Map<string, AbortController>>();

  add(chatId: string, messageId: string, controller: AbortController): () => void {
    const replies = this.#byChat.get(chatId) ?? new Map<string, AbortController>();
    replies.set(messageId, controller);
    this.#byChat.set(chatId, replies);
    return () => {
      replies.delete(messageId);
      if (replies.size === 0) this.#byChat.delete(chatId);
    };
  }

  /** Stops the chat's replies (or the one named); returns the ids of those stopped. */
  stop(chatId: string, messageId?: string): string[] {
    const replies = this.#byChat.get(chatId);
    if (!replies) return [];
    const stopped = [...replies].filter(([id]) => messageId === undefined || id === messageId);
    for (const [, controller] of stopped) controller.abort(new Error('stopped by the user'));
    return stopped.map(([id]) => id);
  }
}
