/** Messages of the green channel, credit records and denial reports (绿色通道、信用记录、否定报备). */
export default {
  title: '信用与报备',
};
