/** Messages of the bundleCases pages. */
export default {
  title: '一件事办件',
};
