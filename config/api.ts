/** REST pagination bounds: a client asking for more than maxLimit gets maxLimit. */
export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
  },
};
