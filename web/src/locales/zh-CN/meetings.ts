/** Messages of the meetings pages. */
export default {
  title: '联审会',
};
