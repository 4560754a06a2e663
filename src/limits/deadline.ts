/**
 * The request time budget, shared by the HTTP middleware that sets it and the GraphQL plugin
 * that checks it between resolvers. Kept on Koa's `ctx.state`, which Strapi also hands to
 * GraphQL as `context.state`.
 */
export interface DeadlineState {
  deadline?: number;
}

export function setDeadline(state: DeadlineState, budgetMs: number): number {
  state.deadline = Date.now() + budgetMs;
  return state.deadline;
}

export function deadlineOf(contextValue: { state?: DeadlineState } | undefined): number | undefined {
  return contextValue?.state?.deadline;
}

export function timeBudgetMessage(budgetMs: number): string {
  return `The request took longer than its time budget of ${budgetMs} ms and was stopped. Ask for less (smaller pages, fewer relations) or try again later.`;
}
