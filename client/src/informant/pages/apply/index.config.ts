export default definePageConfig({ navigationBarTitleText: '申请成为信息员', enablePullDownRefresh: true })
