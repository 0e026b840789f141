export default definePageConfig({
  navigationBarTitleText: '以奖代补结算',
})
