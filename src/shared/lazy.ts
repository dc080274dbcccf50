/**
 * A module loaded on first use, once: optional features (yaml, glob, Markdown, Octokit …) cost
 * nothing in a run that does not use them, and a second use does not load them again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => (loading ??= load())
}
