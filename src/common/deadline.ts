/** What `withDeadline` rejects with when the promise did not settle in time. */
export class DeadlineError extends Error {}

/** `promise`, or a DeadlineError after `ms` — whichever comes first (the promise itself runs on). */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
