/** Tokens counted over every call, including those whose answer was then rejected. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/**
 * Wraps `fetch` to count the tokens an OpenAI-compatible endpoint reports in each response, and
 * to keep the last answer's raw text (a malformed answer is shown back to the model).
 *
 * @example
 *   const meter = new UsageMeter(fetch);
 *   new OpenAI({ fetch: meter.fetch, … });
 *   meter.usage; // { promptTokens: 812, completionTokens: 64, totalTokens: 876 }
 */
export class UsageMeter {
  usage: TokenUsage = { ...NO_USAGE };
  calls = 0;
  lastContent: string | null = null;

  constructor(private readonly inner: typeof fetch) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const res = await this.inner(input, init);
    this.calls++;
    this.lastContent = null;
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number }; choices?: Array<{ message?: { content?: string | null } }> } | null;
      if (body?.usage) {
        this.usage = {
          promptTokens: this.usage.promptTokens + (body.usage.prompt_tokens ?? 0),
          completionTokens: this.usage.completionTokens + (body.usage.completion_tokens ?? 0),
          totalTokens: this.usage.totalTokens + (body.usage.total_tokens ?? (body.usage.prompt_tokens ?? 0) + (body.usage.completion_tokens ?? 0)),
        };
      }
      this.lastContent = body?.choices?.[0]?.message?.content ?? null;
    }
    return res;
  };
}
